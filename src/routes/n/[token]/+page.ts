import { precheckMessages } from '$lib/features/prechecks/messages';
import { noticeText } from '$lib/features/prechecks/notice/notice-text';
import type { PageLoad } from './$types';

// The applicant's page speaks the pre-checks' pack: its title in the screen's language, and the notice's words in
// Chinese and English both until the notice says its own language (whoever scans the code may not read Chinese).
export const load: PageLoad = async () => {
	const [both] = await Promise.all([noticeText('zh_en'), precheckMessages.load()]);
	return { both };
};
