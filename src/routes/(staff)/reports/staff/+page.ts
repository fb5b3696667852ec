import { assessmentMessages } from '$lib/features/assessment/messages';
import { reportMessages } from '$lib/features/reports/messages';
import type { PageLoad } from './$types';

// The period picker is the reports' own, with its words.
export const load: PageLoad = async () => {
	await Promise.all([assessmentMessages.load(), reportMessages.load()]);
};
