import { NoticeViewError } from '$lib/backend/notice-view';

export type NoticeFailure = 'not_found' | 'offline' | 'unexpected';

/**
 * Why the notice could not be shown, as the applicant can act on it: the link no longer works (unknown, expired,
 * or the materials are complete: the server answers `notice_not_found` for all three, so a link tells nothing
 * about other notices), the phone has no network (try again), or anything else.
 */
export function readNoticeFailure(error: unknown): NoticeFailure {
	if (error instanceof NoticeViewError) {
		if (error.reason === 'not_found') return 'not_found';
		if (error.reason === 'network') return 'offline';
		return 'unexpected';
	}
	return globalThis.navigator?.onLine === false ? 'offline' : 'unexpected';
}
