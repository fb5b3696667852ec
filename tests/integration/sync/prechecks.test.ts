import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeView } from '../../../src/lib/domain/notice-view';
import { recheckPrecheck, recordPrecheck as recordSchema } from '../../../src/lib/domain/precheck';
import { FIRST_CURSOR } from '../../../src/lib/domain/sync-protocol';
import { adminDb, anonClient } from '../support/clients';
import { minutesAgo, openRecord } from './support/ops';
import { center, staff, staffIdOf } from './support/people';
import {
	companyDraft,
	missing,
	noticeNo,
	present,
	publicToken,
	publish,
	recheck,
	recordPrecheck,
	recordWithNotice,
	unacceptable
} from './support/prechecks';
import { device, pullAll, push, type SyncClient } from './support/sync-client';

// The pre-check's writing functions (precheck.record / recheck), the applicant's privacy, device codes and the
// applicant's own copy of the notice (docs/PRECHECK.md): the server decides the result, a notice number is never
// reused, a return visit checks only the open points, and a new gap is a broken promise with its reason.

let db: pg.Pool;
let intake: SyncClient;
let assist: SyncClient;
let delivery: SyncClient;
let manager: SyncClient;
let stationAssist: SyncClient;
/** The center's item version every test pre-checks against, and a version of the station's. */
let versionId: string;
let stationVersionId: string;
beforeAll(async () => {
	db = adminDb();
	let stationManager: SyncClient;
	[intake, assist, delivery, manager, stationAssist, stationManager] = await Promise.all([
		device(staff.intake.email),
		device(staff.assist.email),
		device(staff.delivery.email),
		device(staff.manager.email),
		device(staff.stationAssist.email),
		device(staff.stationManager.email)
	]);
	const centerItem = publish(companyDraft());
	const stationItem = publish(companyDraft());
	expect(await push(manager, [centerItem])).toMatchObject([{ status: 'applied' }]);
	expect(await push(stationManager, [stationItem])).toMatchObject([{ status: 'applied' }]);
	versionId = centerItem.payload.id;
	stationVersionId = stationItem.payload.id;
});
afterAll(async () => {
	await db.end();
});

async function precheck(id: string) {
	const { rows } = await db.query<Record<string, unknown>>(
		`select status, completed_at, notice_no, public_token, staff_name, staff_post, record_id, item_version_id
		 from app.prechecks where id = $1`,
		[id]
	);
	return rows[0];
}

async function rounds(precheckId: string) {
	const { rows } = await db.query<Record<string, unknown>>(
		`select id, round_no, result, new_gap_keys, broken_promise_reason, promise_staff_id, staff_name
		 from app.precheck_rounds where precheck_id = $1 order by round_no`,
		[precheckId]
	);
	return rows;
}

async function applicant(id: string) {
	const { rows } = await db.query<Record<string, unknown>>(
		'select name, phone, staff_id from app.precheck_applicants where id = $1',
		[id]
	);
	return rows[0];
}

const pulledIds = async (client: SyncClient, table: string): Promise<Set<unknown>> =>
	new Set(
		(await pullAll(client, FIRST_CURSOR)).pages
			.flatMap((page) => page.changes)
			.filter((change) => change.table === table)
			.map((change) => change.row['id'])
	);

describe('precheck.record: the server decides the result', () => {
	it('all there: complete, no notice, the staff member’s name and post from the server', async () => {
		const check = recordPrecheck(versionId, [present('form'), present('charter'), missing('other')]);
		expect(await push(intake, [check])).toMatchObject([{ status: 'applied' }]);
		expect(await precheck(check.payload.id)).toMatchObject({
			status: 'complete',
			notice_no: null,
			public_token: null,
			staff_name: staff.intake.name,
			staff_post: 'intake',
			item_version_id: versionId
		});
		expect((await precheck(check.payload.id))?.['completed_at']).toBeInstanceOf(Date);
		expect(await rounds(check.payload.id)).toMatchObject([
			{
				id: check.payload.round_id,
				round_no: 1,
				result: 'complete',
				new_gap_keys: [],
				promise_staff_id: null
			}
		]);
	});

	it('a notice number on a complete pre-check is refused, naming why', async () => {
		const check = recordPrecheck(versionId, [present('form'), present('charter')], {
			notice_no: noticeNo(),
			public_token: publicToken()
		});
		const [result] = await push(intake, [check]);
		expect(result).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(result?.message).toContain('complete');
		expect(await precheck(check.payload.id)).toBeUndefined();
	});

	it('something missing without a notice number is refused; with one it is open', async () => {
		const without = recordPrecheck(versionId, [present('form'), missing('charter')]);
		const [refused] = await push(intake, [without]);
		expect(refused).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(refused?.message).toContain('charter');
		expect(await precheck(without.payload.id)).toBeUndefined();

		const withNotice = recordWithNotice(versionId);
		expect(await push(intake, [withNotice])).toMatchObject([{ status: 'applied' }]);
		expect(await precheck(withNotice.payload.id)).toMatchObject({
			status: 'open',
			completed_at: null,
			notice_no: withNotice.payload.notice_no
		});
		expect(await rounds(withNotice.payload.id)).toMatchObject([{ round_no: 1, result: 'incomplete' }]);
	});

	it('a notice number is never reused in the hall: the second pre-check with it is refused with the number', async () => {
		const number = noticeNo();
		const first = recordWithNotice(versionId, { notice_no: number });
		const second = recordWithNotice(versionId, { notice_no: number });
		const results = await push(assist, [first, second]);
		expect(results[0]).toMatchObject({ status: 'applied' });
		expect(results[1]).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(results[1]?.message).toContain(number);
		expect(results[1]?.message).toContain('never reused');
		expect(await precheck(second.payload.id)).toBeUndefined();
		// From another device too.
		const [fromElsewhere] = await push(intake, [recordWithNotice(versionId, { notice_no: number })]);
		expect(fromElsewhere).toMatchObject({ status: 'rejected', code: 'conflict' });
	});

	it('a link token is never reused either', async () => {
		const token = publicToken();
		await push(intake, [recordWithNotice(versionId, { public_token: token })]);
		const [again] = await push(intake, [recordWithNotice(versionId, { public_token: token })]);
		expect(again).toMatchObject({ status: 'rejected', code: 'conflict' });
	});

	it('names another hall’s version: refused as not found, nothing stored', async () => {
		const check = recordWithNotice(stationVersionId);
		expect(await push(intake, [check])).toMatchObject([{ status: 'rejected', code: 'not_found' }]);
		expect(await precheck(check.payload.id)).toBeUndefined();
		// Control: the station's own staff may.
		expect(await push(stationAssist, [recordWithNotice(stationVersionId)])).toMatchObject([
			{ status: 'applied' }
		]);
	});

	it.each([
		['a mark of a material the version does not have', { marks: [missing('passport')] }, 'passport'],
		['a situation the version does not have', { situation_key: 'renew' }, 'renew'],
		['an answer to a question the version does not have', { answers: { married: true } }, 'question']
	])('refuses %s', async (_case, fields, named) => {
		const check = recordWithNotice(versionId, fields);
		expect(recordSchema.safeParse(check.payload).success).toBe(true);
		const [result] = await push(intake, [check]);
		expect(result).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(result?.message).toContain(named);
	});

	it('an optional material missing is no gap: the pre-check is complete', async () => {
		const check = recordPrecheck(versionId, [present('form'), present('charter'), missing('other')]);
		expect(await push(intake, [check])).toMatchObject([{ status: 'applied' }]);
		expect(await precheck(check.payload.id)).toMatchObject({ status: 'complete' });
	});

	it('started from a service record: linked to it; a record of another hall is not found', async () => {
		const open = openRecord();
		await push(intake, [open]);
		const check = recordWithNotice(versionId, { record_id: open.payload.id });
		expect(await push(intake, [check])).toMatchObject([{ status: 'applied' }]);
		expect(await precheck(check.payload.id)).toMatchObject({ record_id: open.payload.id });

		const stationOpen = openRecord();
		await push(stationAssist, [stationOpen]);
		const [refused] = await push(intake, [
			recordWithNotice(versionId, { record_id: stationOpen.payload.id })
		]);
		expect(refused).toMatchObject({ status: 'rejected', code: 'not_found' });
	});

	it('follows its service record when two devices’ openings of one ticket merge', async () => {
		const later = openRecord({ opened_at: minutesAgo(1) });
		await push(intake, [later]);
		const check = recordWithNotice(versionId, { record_id: later.payload.id });
		await push(intake, [check]);
		// A colleague opened the same ticket earlier, offline: their record survives the merge.
		const earlier = openRecord({ ticket_no: later.payload.ticket_no, opened_at: minutesAgo(5) });
		await push(assist, [earlier]);
		expect(await precheck(check.payload.id)).toMatchObject({ record_id: earlier.payload.id });
		// A pre-check naming the merged record afterwards lands on the survivor too.
		const afterwards = recordWithNotice(versionId, { record_id: later.payload.id });
		expect(await push(intake, [afterwards])).toMatchObject([{ status: 'applied' }]);
		expect(await precheck(afterwards.payload.id)).toMatchObject({ record_id: earlier.payload.id });
	});

	it('sent again under a new op id changes nothing; the same op again is a duplicate', async () => {
		const check = recordWithNotice(versionId);
		await push(intake, [check]);
		const resent = { ...check, op_id: crypto.randomUUID() };
		expect(await push(intake, [resent, check])).toMatchObject([
			{ status: 'applied' },
			{ status: 'duplicate' }
		]);
		expect(await rounds(check.payload.id)).toHaveLength(1);
	});
});

describe('the applicant’s name and phone', () => {
	it('are stored only when given, and reach only the author’s and the managers’ devices', async () => {
		const named = recordWithNotice(versionId, { applicant_name: '张三明', applicant_phone: '138 0013 5678' });
		const anonymous = recordWithNotice(versionId);
		await push(intake, [named, anonymous]);
		const intakeStaffId = await staffIdOf(db, staff.intake.userId);
		expect(await applicant(named.payload.id)).toEqual({
			name: '张三明',
			phone: '138 0013 5678',
			staff_id: intakeStaffId
		});
		expect(await applicant(anonymous.payload.id)).toBeUndefined();

		expect((await pulledIds(intake, 'precheck_applicants')).has(named.payload.id)).toBe(true);
		expect((await pulledIds(manager, 'precheck_applicants')).has(named.payload.id)).toBe(true);
		// A colleague of the same hall receives the pre-check, never the applicant.
		expect((await pulledIds(assist, 'prechecks')).has(named.payload.id)).toBe(true);
		expect((await pulledIds(assist, 'precheck_applicants')).has(named.payload.id)).toBe(false);
		expect((await pulledIds(stationAssist, 'precheck_applicants')).has(named.payload.id)).toBe(false);
	});
});

describe('hall isolation', () => {
	it('a device of another hall never pulls the hall’s pre-checks or rounds', async () => {
		const check = recordWithNotice(versionId);
		await push(intake, [check]);
		expect((await pulledIds(stationAssist, 'prechecks')).has(check.payload.id)).toBe(false);
		expect((await pulledIds(stationAssist, 'precheck_rounds')).has(check.payload.round_id)).toBe(false);
		expect((await pulledIds(intake, 'prechecks')).has(check.payload.id)).toBe(true);
	});

	it('staff of another hall cannot recheck the hall’s pre-check', async () => {
		const check = recordWithNotice(versionId);
		await push(intake, [check]);
		const [result] = await push(stationAssist, [
			recheck(check.payload.id, [present('form'), present('charter')])
		]);
		expect(result).toMatchObject({ status: 'rejected', code: 'not_found' });
		expect(await rounds(check.payload.id)).toHaveLength(1);
	});
});

describe('precheck.recheck: the return visit', () => {
	it('checks the open points; all there completes the pre-check, and a complete one is not rechecked', async () => {
		const check = recordWithNotice(versionId);
		await push(intake, [check]);
		const firstReturn = recheck(check.payload.id, [present('form'), missing('charter')]);
		expect(await push(assist, [firstReturn])).toMatchObject([{ status: 'applied' }]);
		expect(await precheck(check.payload.id)).toMatchObject({ status: 'open' });

		// Only the charter is still open now.
		const [tooMany] = await push(assist, [recheck(check.payload.id, [present('form'), present('charter')])]);
		expect(tooMany).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(tooMany?.message).toContain('form');

		const secondReturn = recheck(check.payload.id, [present('charter')]);
		expect(await push(assist, [secondReturn])).toMatchObject([{ status: 'applied' }]);
		expect(await precheck(check.payload.id)).toMatchObject({ status: 'complete' });
		expect(await rounds(check.payload.id)).toMatchObject([
			{ round_no: 1, result: 'incomplete' },
			{ round_no: 2, result: 'incomplete', staff_name: staff.assist.name },
			{ round_no: 3, result: 'complete', promise_staff_id: null }
		]);

		const [afterwards] = await push(assist, [recheck(check.payload.id, [present('charter')])]);
		expect(afterwards).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(afterwards?.message).toContain('complete');
	});

	it('refuses marks that leave an open point out', async () => {
		const check = recordWithNotice(versionId);
		await push(intake, [check]);
		const [result] = await push(assist, [recheck(check.payload.id, [present('form')])]);
		expect(result).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(result?.message).toContain('charter');
	});

	it('a new gap with its reason is a broken promise, recorded against the notice’s author', async () => {
		const check = recordWithNotice(versionId, {
			answers: { agent: true },
			marks: [missing('charter'), present('form'), present('proxy')]
		});
		await push(intake, [check]);
		// At the window, the power of attorney turns out to be unsigned: the notice did not name it.
		const broken = recheck(check.payload.id, [present('charter'), unacceptable('proxy', '委托书未签字')], {
			new_gap_keys: ['proxy'],
			broken_promise_reason: '首次预审时未核对委托书签字'
		});
		expect(await push(delivery, [broken])).toMatchObject([{ status: 'applied' }]);
		expect(await rounds(check.payload.id)).toMatchObject([
			{ round_no: 1, new_gap_keys: [], promise_staff_id: null },
			{
				round_no: 2,
				result: 'incomplete',
				new_gap_keys: ['proxy'],
				broken_promise_reason: '首次预审时未核对委托书签字',
				promise_staff_id: await staffIdOf(db, staff.intake.userId),
				staff_name: staff.delivery.name
			}
		]);
		// The count per hall, item and staff member is one query away.
		const { rows } = await db.query<{ broken: string }>(
			`select count(*) as broken from app.precheck_rounds r join app.prechecks p on p.id = r.precheck_id
			 where r.promise_staff_id = $1 and p.item_id = (select item_id from app.prechecks where id = $2)
			   and r.hall_id = $3`,
			[await staffIdOf(db, staff.intake.userId), check.payload.id, center]
		);
		expect(Number(rows[0]?.broken)).toBeGreaterThanOrEqual(1);
	});

	it('a new gap without a reason is refused, as the client’s schema refuses it', async () => {
		const check = recordWithNotice(versionId, {
			answers: { agent: true },
			marks: [missing('charter'), present('form'), present('proxy')]
		});
		await push(intake, [check]);
		const attempt = recheck(check.payload.id, [present('charter'), missing('proxy')], {
			new_gap_keys: ['proxy'],
			broken_promise_reason: '   '
		});
		expect(recheckPrecheck.safeParse(attempt.payload).success).toBe(false);
		const [result] = await push(assist, [attempt]);
		expect(result).toMatchObject({ status: 'rejected', code: 'validation' });
		expect(result?.message).toContain('reason');
		expect(await rounds(check.payload.id)).toHaveLength(1);
	});

	it('a material marked again without naming it a new gap is refused', async () => {
		const check = recordWithNotice(versionId);
		await push(intake, [check]);
		const [result] = await push(assist, [
			recheck(check.payload.id, [present('form'), present('charter'), missing('proxy')])
		]);
		expect(result).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(result?.message).toContain('proxy');
	});

	it('a new gap that is present, or already an open point, is refused', async () => {
		const check = recordWithNotice(versionId);
		await push(intake, [check]);
		const [presentGap] = await push(assist, [
			recheck(check.payload.id, [present('form'), present('charter'), present('proxy')], {
				new_gap_keys: ['proxy'],
				broken_promise_reason: '漏查'
			})
		]);
		expect(presentGap).toMatchObject({ status: 'rejected', code: 'conflict' });
		const [openPoint] = await push(assist, [
			recheck(check.payload.id, [missing('form'), present('charter')], {
				new_gap_keys: ['form'],
				broken_promise_reason: '漏查'
			})
		]);
		expect(openPoint).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(openPoint?.message).toContain('open point');
	});
});

describe('device codes', () => {
	const claim = async (client: SyncClient, deviceId: string): Promise<string> => {
		const { data, error } = await client.rpc('claim_device_code', { p_device_id: deviceId });
		if (error) throw new Error(error.message);
		return String(data);
	};

	it('the same device gets the same code again; other devices get other codes, never reused', async () => {
		const first = crypto.randomUUID();
		const code = await claim(intake, first);
		expect(code).toMatch(/^[2-9A-HJ-NP-Z]{2,3}$/);
		expect(await claim(intake, first)).toBe(code);
		expect(await claim(assist, first)).toBe(code);
		const others = await Promise.all(Array.from({ length: 6 }, () => claim(assist, crypto.randomUUID())));
		expect(new Set([code, ...others]).size).toBe(7);
	});

	it('is refused to anon', async () => {
		const { error, status } = await anonClient().rpc('claim_device_code', {
			p_device_id: crypto.randomUUID()
		});
		expect({ status, code: error?.code }).toEqual({ status: 401, code: '42501' });
	});
});

describe('notice_view: the applicant’s own copy, without signing in', () => {
	const view = (token: string) => anonClient().rpc('notice_view', { p_token: token });

	it('shows an open notice’s open points and how to obtain each, and no personal data', async () => {
		const check = recordWithNotice(versionId, {
			applicant_name: '李四光',
			applicant_phone: '13912345678',
			language: 'zh_en'
		});
		await push(intake, [check]);
		const { data, error, status } = await view(check.payload.public_token!);
		expect({ error, status }).toEqual({ error: null, status: 200 });
		const notice = noticeView.parse(data);
		expect(notice).toMatchObject({
			notice_no: check.payload.notice_no,
			hall_name: '天津市河北区政务服务中心',
			hall_phone: '022-26288000',
			language: 'zh_en',
			item: { revision: 1, name_zh: '公司设立登记', legal_days: 15, promised_days: 3 },
			situation: { name_zh: '新办', name_en: 'New' },
			staff_name: staff.intake.name,
			staff_post: 'intake'
		});
		expect(notice.gaps.map((gap) => [gap.material.key, gap.status])).toEqual([
			['form', 'unacceptable'],
			['charter', 'missing']
		]);
		expect(notice.gaps[0]?.material.obtain.office_zh).toBe('市场监督管理局');
		const text = JSON.stringify(data);
		expect(text).not.toContain('李四光');
		expect(text).not.toContain('13912345678');
		expect(text).not.toContain(check.payload.public_token);
	});

	it('after a return visit shows only what is still open', async () => {
		const check = recordWithNotice(versionId);
		await push(intake, [check, recheck(check.payload.id, [present('form'), missing('charter')])]);
		const notice = noticeView.parse((await view(check.payload.public_token!)).data);
		expect(notice.gaps.map((gap) => gap.material.key)).toEqual(['charter']);
	});

	it('answers notice_not_found for a complete pre-check, an unknown token, and an expired link', async () => {
		const completed = recordWithNotice(versionId);
		await push(intake, [completed, recheck(completed.payload.id, [present('form'), present('charter')])]);
		const expired = recordWithNotice(versionId);
		await push(intake, [expired]);
		await db.query(`update app.prechecks set created_at = now() - interval '91 days' where id = $1`, [
			expired.payload.id
		]);
		for (const token of [
			completed.payload.public_token!,
			publicToken(),
			expired.payload.public_token!,
			'x'
		]) {
			const { data, error, status } = await view(token);
			expect({ token, data, status, message: error?.message }).toEqual({
				token,
				data: null,
				status: 400,
				message: 'notice_not_found'
			});
		}
		// Control: a link of the same age minus the expiry still works.
		await db.query(`update app.prechecks set created_at = now() - interval '89 days' where id = $1`, [
			expired.payload.id
		]);
		expect((await view(expired.payload.public_token!)).status).toBe(200);
	});
});

describe('me()', () => {
	it('returns the hall’s phone and address for the notice', async () => {
		const { data } = await intake.rpc('me');
		const profile = data as { hall_phone?: unknown; hall_address?: unknown };
		expect(profile.hall_phone).toBe('022-26288000');
		expect(String(profile.hall_address)).toContain('河北区');
	});
});
