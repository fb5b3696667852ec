import { catalogMessages } from '$lib/features/service-catalog/messages';
import type { LayoutLoad } from './$types';

// The catalog screens' texts are their own pack, not the app shell's: every screen under /catalog waits for them.
export const load: LayoutLoad = async () => {
	await catalogMessages.load();
};
