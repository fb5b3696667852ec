import { patrolMessages } from '$lib/features/patrols/messages';
import type { LayoutLoad } from './$types';

// Every patrol screen speaks through the pack: its words arrive before the screen renders.
export const load: LayoutLoad = async () => {
	await patrolMessages.load();
};
