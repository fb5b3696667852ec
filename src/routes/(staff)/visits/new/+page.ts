import { visitMessages } from '$lib/features/visits/messages';
import type { PageLoad } from './$types';

// The visit screens' words load with them.
export const load: PageLoad = async () => {
	await visitMessages.load();
};
