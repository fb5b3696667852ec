import { describe, expect, it } from 'vitest';
import { NoticeViewError } from '$lib/backend/notice-view';
import { readNoticeFailure } from './notice-failure';

describe('why the applicant’s page shows no notice', () => {
	it('tells a dead link from no network from anything else', () => {
		expect(readNoticeFailure(new NoticeViewError('not_found', 'notice_not_found'))).toBe('not_found');
		expect(readNoticeFailure(new NoticeViewError('network', 'Failed to fetch'))).toBe('offline');
		expect(readNoticeFailure(new NoticeViewError('unexpected', 'HTTP 500'))).toBe('unexpected');
		expect(readNoticeFailure(new Error('boom'))).toBe('unexpected');
	});
});
