import { assessmentMessages } from '$lib/features/assessment/messages';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
	await assessmentMessages.load();
};
