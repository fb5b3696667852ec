import { precheckMessages } from '$lib/features/prechecks/messages';
import type { LayoutLoad } from './$types';

// The pre-check screens' texts are their own pack, not the app shell's: every screen under /prechecks waits for them.
export const load: LayoutLoad = async () => {
	await precheckMessages.load();
};
