import { reportMessages } from '$lib/features/reports/messages';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
	await reportMessages.load();
};
