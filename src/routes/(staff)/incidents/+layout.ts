import { incidentMessages } from '$lib/features/incidents/messages';
import type { LayoutLoad } from './$types';

// The incident screens' words load with them.
export const load: LayoutLoad = async () => {
	await incidentMessages.load();
};
