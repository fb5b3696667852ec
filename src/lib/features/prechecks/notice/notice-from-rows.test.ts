import { describe, expect, it } from 'vitest';
import type { PrecheckRoundRow, PrecheckRow } from '$lib/domain/precheck';
import {
	companyDraft,
	itemRow,
	material,
	missing,
	present,
	unacceptable,
	versionRow
} from '../../../../../tests/support/catalog';
import { STAFF } from '../../../../../tests/support/fake-server';
import { noticeFromRows } from './notice-from-rows';
import { postKey } from './notice-labels';
import { bilingual, noticeText } from './notice-text';

const ITEM = '0190b000-0000-7000-8000-000000000001';
const V1 = '0190b000-0000-7000-8000-000000000011';
const V2 = '0190b000-0000-7000-8000-000000000012';
const PRECHECK = '0190b000-0000-7000-8000-000000000021';
const TOKEN = 'abcdefghijklmnopqrstuv';

const first = versionRow({ id: V1, item_id: ITEM, revision: 1 });
// The item changed after the notice: the charter renamed, a new required material.
const second = versionRow(
	{ id: V2, item_id: ITEM, revision: 2 },
	companyDraft({
		materials: [
			material({ key: 'form', name_zh: '公司登记申请书' }),
			material({ key: 'charter', name_zh: '章程（新版）' }),
			material({ key: 'extra', name_zh: '新增材料' })
		]
	})
);

const precheck: PrecheckRow = {
	id: PRECHECK,
	hall_id: STAFF.hall_id,
	item_id: ITEM,
	item_version_id: V1,
	record_id: null,
	situation_key: 'new',
	answers: { agent: true },
	language: 'zh',
	status: 'open',
	notice_no: '261130-K7-03',
	public_token: TOKEN,
	staff_id: STAFF.staff_id,
	staff_name: STAFF.staff_name,
	staff_post: 'intake',
	// 23:30 UTC is the next morning in the hall.
	created_at: '2026-11-29T23:30:00.000Z',
	completed_at: null,
	version: 1
};

const round = (round_no: number, marks: PrecheckRoundRow['marks']): PrecheckRoundRow => ({
	id: `0190b000-0000-7000-8000-00000000003${round_no}`,
	precheck_id: PRECHECK,
	hall_id: STAFF.hall_id,
	round_no,
	marks,
	result: 'incomplete',
	new_gap_keys: [],
	broken_promise_reason: null,
	promise_staff_id: null,
	staff_id: STAFF.staff_id,
	staff_name: STAFF.staff_name,
	checked_at: precheck.created_at,
	version: 1
});

const hall = { hall_name: '天津市河北区政务服务中心', hall_phone: '022-12345678' };

describe('the notice built from the device rows', () => {
	it('reads the version the pre-check was made with, not the item’s newest', () => {
		const notice = noticeFromRows(
			{
				precheck,
				item: itemRow({ id: ITEM, current_version_id: V2 }),
				version: first,
				rounds: [round(1, [present('form'), missing('charter'), unacceptable('proxy')])],
				applicant: null
			},
			hall,
			'https://hall.example/'
		);
		expect(notice?.item.revision).toBe(1);
		expect(notice?.gaps.map((gap) => gap.material.name_zh)).toEqual(['公司章程', '授权委托书']);
		expect(second.materials.map((entry) => entry.key)).toContain('extra');
		expect(notice?.gaps.some((gap) => gap.material.key === 'extra')).toBe(false);
	});

	it('lists only what is still open after a return visit, dated and linked as the hall reads them', () => {
		const notice = noticeFromRows(
			{
				precheck,
				item: itemRow({ id: ITEM, current_version_id: V1 }),
				version: first,
				rounds: [
					round(1, [present('form'), missing('charter'), unacceptable('proxy')]),
					round(2, [present('charter'), missing('proxy')])
				],
				applicant: null
			},
			hall,
			'https://hall.example/'
		);
		expect(notice?.gaps.map((gap) => [gap.material.key, gap.status])).toEqual([['proxy', 'missing']]);
		expect(notice?.issued_on).toBe('2026-11-30');
		expect(notice?.expires_on).toBe('2027-02-28');
		expect(notice?.url).toBe(`https://hall.example/n/${TOKEN}`);
		expect(notice?.situation).toEqual({ name_zh: '新办', name_en: 'New' });
		expect(notice?.applicant).toBeNull();
	});

	it('has no notice for a pre-check complete at its first visit, and no code when the item row is absent', () => {
		const source = {
			precheck,
			item: null,
			version: first,
			rounds: [round(1, [missing('charter')])],
			applicant: null
		};
		expect(noticeFromRows(source, hall, 'https://h')?.item.code).toBe('');
		expect(
			noticeFromRows({ ...source, precheck: { ...precheck, notice_no: null, public_token: null } }, hall, 'x')
		).toBeNull();
	});
});

describe('the notice’s own language', () => {
	it('is Chinese alone, or Chinese with English, whatever the screen’s language', async () => {
		expect((await noticeText('zh'))('notice.title')).toEqual({ zh: '一次性告知单', en: null });
		expect((await noticeText('zh_en'))('notice.workingDays', { days: '5' })).toEqual({
			zh: '5 个工作日',
			en: '5 working days'
		});
		// The staff member's post, named in both of the notice's languages.
		expect(postKey('intake')).toBe('notice.post.intake');
		expect((await noticeText('zh_en'))('notice.post.intake')).toEqual({ zh: '综合接件岗', en: 'Intake' });
		expect(postKey('a post an older server named')).toBeNull();
		// An item without an English name still prints its Chinese one alone.
		expect(bilingual('zh_en', '公司章程', ' ')).toEqual({ zh: '公司章程', en: null });
	});
});
