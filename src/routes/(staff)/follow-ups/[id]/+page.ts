import { visitMessages } from '$lib/features/visits/messages';
import type { PageLoad } from './$types';

// The follow-up screens' words (the visits pack) load with them.
export const load: PageLoad = async () => {
	await visitMessages.load();
};
