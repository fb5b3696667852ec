import { enterpriseMessages } from '$lib/features/enterprises/messages';
import { visitMessages } from '$lib/features/visits/messages';
import type { PageLoad } from './$types';

// The enterprise's page lists its visits and follow-ups too: both packs load with it.
export const load: PageLoad = async () => {
	await Promise.all([enterpriseMessages.load(), visitMessages.load()]);
};
