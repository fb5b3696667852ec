import { enterpriseMessages } from '$lib/features/enterprises/messages';
import { visitMessages } from '$lib/features/visits/messages';
import type { PageLoad } from './$types';

// The review lists enterprises too: both packs load with it.
export const load: PageLoad = async () => {
	await Promise.all([visitMessages.load(), enterpriseMessages.load()]);
};
