import { enterpriseMessages } from '$lib/features/enterprises/messages';
import type { PageLoad } from './$types';

// The enterprise screens' words load with them.
export const load: PageLoad = async () => {
	await enterpriseMessages.load();
};
