export type NoticeFailure = 'not_found' | 'offline' | 'unexpected';

/**
 * Why the notice could not be shown, as the applicant can act on it: the link no longer works (unknown, expired,
 * or the materials are complete: the server says `notice_not_found` for all three, on purpose, so a link tells
 * nothing about other notices), the phone has no network (try again), or anything else.
 */
export function readNoticeFailure(error: unknown): NoticeFailure {
	const fields =
		typeof error === 'object' && error !== null
			? ['message', 'code', 'reason', 'details', 'hint']
					.map((field) => (error as Record<string, unknown>)[field])
					.filter((value) => typeof value === 'string')
					.join(' ')
			: String(error);
	if (/notice_not_found|not_found/.test(fields)) return 'not_found';
	if (globalThis.navigator?.onLine === false || /network|fetch|offline|timeout|abort/i.test(fields)) {
		return 'offline';
	}
	return 'unexpected';
}
