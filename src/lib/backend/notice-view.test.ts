import { describe, expect, it } from 'vitest';
import { fetchNoticeView, NoticeViewError } from './notice-view';

const notice = {
	notice_no: '261130-K7-03',
	issued_on: '2026-11-30',
	hall_name: '天津市河北区政务服务中心',
	hall_phone: '022-26288000',
	language: 'zh',
	item: {
		code: 'QY-001',
		revision: 2,
		name_zh: '公司设立登记',
		name_en: 'Company registration',
		scope: 'enterprise_setup',
		legal_days: 15,
		promised_days: 3,
		where_to_apply: '综合窗口',
		online_url: null,
		fee: '免费'
	},
	situation: null,
	gaps: [
		{
			material: {
				key: 'charter',
				name_zh: '公司章程',
				name_en: '',
				requirement: 'required',
				condition: null,
				situations: [],
				form: 'original',
				copies: 1,
				obtain: { office_zh: '', office_en: '', url: null, template_url: null, note_zh: '', note_en: '' },
				rejection_reasons: []
			},
			status: 'missing',
			reason: null,
			reason_text: null
		}
	],
	staff_name: '李娜',
	staff_post: 'intake',
	expires_on: '2027-02-28'
};

const answering =
	(status: number, body: unknown): typeof fetch =>
	() =>
		Promise.resolve(new Response(JSON.stringify(body), { status }));

async function failure(fetcher: typeof fetch): Promise<string> {
	try {
		await fetchNoticeView('AAAAAAAAAAAAAAAAAAAAAA', fetcher);
		return 'no error';
	} catch (error) {
		return error instanceof NoticeViewError ? error.reason : 'another error';
	}
}

describe('fetchNoticeView', () => {
	it('sends the token as anon and returns the checked notice', async () => {
		let sent: { url: string; body: unknown; apikey: string | null } | undefined;
		const fetcher: typeof fetch = (input, init) => {
			sent = {
				url: input instanceof URL ? input.href : (input as string),
				body: JSON.parse(init?.body as string),
				apikey: new Headers(init?.headers).get('apikey')
			};
			return Promise.resolve(new Response(JSON.stringify(notice), { status: 200 }));
		};
		expect(await fetchNoticeView('AAAAAAAAAAAAAAAAAAAAAA', fetcher)).toEqual(notice);
		expect(sent?.url).toMatch(/\/rest\/v1\/rpc\/notice_view$/);
		expect(sent?.body).toEqual({ p_token: 'AAAAAAAAAAAAAAAAAAAAAA' });
		expect(sent?.apikey).toBeTruthy();
	});

	it('tells an unknown, complete or expired notice from a network failure and a wrong shape', async () => {
		expect(await failure(answering(400, { code: 'P0001', message: 'notice_not_found' }))).toBe('not_found');
		expect(await failure(() => Promise.reject(new TypeError('fetch failed')))).toBe('network');
		expect(await failure(answering(200, { ...notice, gaps: 'none' }))).toBe('unexpected');
		expect(await failure(answering(500, { message: 'boom' }))).toBe('unexpected');
	});
});
