import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { hallDate } from '$lib/domain/hall-time';
import { PUBLIC_TOKEN_PATTERN } from '$lib/domain/precheck';
import { registry } from '$lib/features/registry';
import { itemRow, missing, present, unacceptable, versionRow } from '../../../../tests/support/catalog';
import { STAFF } from '../../../../tests/support/fake-server';
import { LocalDb } from '../db';
import { reapplyPending } from '../apply';
import { prepareForUser } from '../device-data';
import { serviceItems, serviceItemVersions } from '../service-catalog/tables';
import { serviceRecordEvents } from '../service-records/tables';
import { openServiceRecord } from '../service-records/writes';
import { LocalWriteError } from '../write-error';
import { ensureDeviceCode, NoDeviceCodeError } from './numbering';
import {
	findByNoticeNo,
	findByToken,
	listMyOpenPrechecks,
	listPrechecksOn,
	listRecordPrechecks,
	loadPrecheck
} from './queries';
import { precheckApplicants, precheckRounds, prechecks } from './tables';
import { recheckPrecheck, recordPrecheck, type NewPrecheck } from './writes';

const ITEM = '0190b000-0000-7000-8000-000000000001';
const V1 = '0190b000-0000-7000-8000-000000000011';

let databases = 0;

/** A signed-in device holding the hall's 公司设立登记 (as pulled), with notice code K7 unless told otherwise. */
async function hallDevice(options: { code?: string | null } = {}): Promise<LocalDb> {
	const db = new LocalDb(`prechecks-${++databases}`, registry);
	await prepareForUser(db, { ...STAFF, post: 'intake' });
	await serviceItemVersions.of(db).put(versionRow({ id: V1, item_id: ITEM }));
	await serviceItems.of(db).put(itemRow({ id: ITEM, current_version_id: V1 }));
	const code = options.code === undefined ? 'K7' : options.code;
	if (code) await ensureDeviceCode(db, () => Promise.resolve(code));
	return db;
}

function firstVisit(fields: Partial<NewPrecheck> = {}): NewPrecheck {
	return {
		item_version_id: V1,
		record_id: null,
		situation_key: 'new',
		answers: { agent: false },
		language: 'zh',
		marks: [present('form'), present('charter')],
		applicant_name: null,
		applicant_phone: null,
		...fields
	};
}

const today = () => hallDate().replaceAll('-', '').slice(2);

describe('recording a first visit', () => {
	it('complete materials: the pre-check, its round and the applicant appear at once, without a notice', async () => {
		const db = await hallDevice();
		const saved = await recordPrecheck(
			db,
			firstVisit({ applicant_name: ' 张三明 ', applicant_phone: '13812345678' })
		);
		expect(saved).toMatchObject({ notice_no: null, result: 'complete' });
		const detail = await loadPrecheck(db, saved.id);
		expect(detail).toMatchObject({
			precheck: {
				status: 'complete',
				item_id: ITEM,
				staff_name: STAFF.staff_name,
				staff_post: 'intake',
				public_token: null
			},
			version: { id: V1 },
			openPoints: [],
			applicant: { name: '张三明', phone: '13812345678' },
			pending: true
		});
		expect(detail?.rounds).toHaveLength(1);
		expect(await db.outbox.count()).toBe(1);
		expect(await listMyOpenPrechecks(db)).toEqual([]);
	});

	it('missing materials: a notice numbered by the device, a link token, and an open entry on my list', async () => {
		const db = await hallDevice();
		const first = await recordPrecheck(db, firstVisit({ marks: [missing('form'), present('charter')] }));
		const second = await recordPrecheck(
			db,
			firstVisit({ marks: [present('form'), unacceptable('charter')] })
		);
		expect(first.notice_no).toBe(`${today()}-K7-01`);
		expect(second.notice_no).toBe(`${today()}-K7-02`);
		const detail = await loadPrecheck(db, first.id);
		expect(detail?.precheck.status).toBe('open');
		expect(detail?.precheck.public_token).toMatch(new RegExp(PUBLIC_TOKEN_PATTERN));
		expect(detail?.openPoints.map((mark) => mark.material_key)).toEqual(['form']);
		expect(detail?.applicant).toBeNull();
		expect((await listMyOpenPrechecks(db)).map((entry) => entry.precheck.id)).toEqual([second.id, first.id]);
		expect(await findByNoticeNo(db, ` ${first.notice_no?.toLowerCase()} `)).toBe(first.id);
		expect(await findByToken(db, detail?.precheck.public_token ?? '')).toBe(first.id);
	});

	it('a notice without a device code is refused, and nothing is stored or counted', async () => {
		const db = await hallDevice({ code: null });
		await expect(
			recordPrecheck(db, firstVisit({ marks: [missing('form'), present('charter')] }))
		).rejects.toThrow(NoDeviceCodeError);
		expect(await prechecks.of(db).count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
		// A complete pre-check needs no number, so it still works.
		await expect(recordPrecheck(db, firstVisit())).resolves.toMatchObject({ result: 'complete' });
		await ensureDeviceCode(db, () => Promise.resolve('AB'));
		const saved = await recordPrecheck(db, firstVisit({ marks: [missing('form'), present('charter')] }));
		expect(saved.notice_no).toBe(`${today()}-AB-01`);
	});

	it('started from a service record, the record’s timeline gets a pre-check event in the same write', async () => {
		const db = await hallDevice();
		const record = await openServiceRecord(db, {
			ticket_no: 'A023',
			ticket_date: hallDate(),
			raw_payload: 'A023'
		});
		const saved = await recordPrecheck(
			db,
			firstVisit({ record_id: record.id, marks: [missing('form'), present('charter')] })
		);
		const events = await serviceRecordEvents.of(db).where('record_id').equals(record.id).toArray();
		expect(events).toMatchObject([{ kind: 'precheck', note: `公司设立登记：一次性告知 ${saved.notice_no}` }]);
		const types = (await db.outbox.toArray()).map((entry) => entry.type);
		expect(types).toEqual(['service_record.open', 'precheck.record', 'service_record.add_event']);
		expect((await listRecordPrechecks(db, record.id)).map((entry) => entry.precheck.id)).toEqual([saved.id]);
	});

	it('refuses marks that do not fit the item, a missing mark, and a withdrawn item, storing nothing', async () => {
		const db = await hallDevice();
		const refused = (input: NewPrecheck) => recordPrecheck(db, input).catch((error: unknown) => error);
		expect(
			await refused(firstVisit({ marks: [present('form'), present('charter'), present('proxy')] }))
		).toMatchObject({
			reason: 'invalid',
			fields: ['marks']
		});
		expect(await refused(firstVisit({ marks: [present('form')] }))).toMatchObject({ fields: ['marks'] });
		expect(await refused(firstVisit({ situation_key: 'other' }))).toMatchObject({
			fields: ['situation_key']
		});
		expect(await refused(firstVisit({ applicant_phone: 'call me' }))).toMatchObject({ reason: 'invalid' });
		await serviceItems.of(db).update(ITEM, { withdrawn_at: new Date().toISOString() });
		expect(await refused(firstVisit())).toMatchObject({ reason: 'deleted' });
		expect(await db.outbox.count()).toBe(0);
		expect(await prechecks.of(db).count()).toBe(0);
	});
});

describe('a return visit', () => {
	async function openNotice(db: LocalDb) {
		return recordPrecheck(
			db,
			firstVisit({
				answers: { agent: true },
				marks: [missing('form'), unacceptable('charter'), present('proxy')]
			})
		);
	}

	it('marks the open points; what is still missing stays open, and a round without gaps completes it', async () => {
		const db = await hallDevice();
		const notice = await openNotice(db);
		const second = await recheckPrecheck(db, {
			precheck_id: notice.id,
			marks: [present('form'), missing('charter')],
			new_gap_keys: [],
			broken_promise_reason: null
		});
		expect(second.result).toBe('incomplete');
		let detail = await loadPrecheck(db, notice.id);
		expect(detail?.rounds.map((round) => round.round_no)).toEqual([1, 2]);
		expect(detail?.openPoints.map((mark) => mark.material_key)).toEqual(['charter']);
		await recheckPrecheck(db, {
			precheck_id: notice.id,
			marks: [present('charter')],
			new_gap_keys: [],
			broken_promise_reason: null
		});
		detail = await loadPrecheck(db, notice.id);
		expect(detail?.precheck).toMatchObject({ status: 'complete' });
		expect(detail?.precheck.completed_at).not.toBeNull();
		expect(await listMyOpenPrechecks(db)).toEqual([]);
		await expect(
			recheckPrecheck(db, {
				precheck_id: notice.id,
				marks: [],
				new_gap_keys: [],
				broken_promise_reason: null
			})
		).rejects.toMatchObject({ reason: 'invalid', fields: ['precheck_id'] });
	});

	it('a gap the notice did not name is taken only as a new gap with the reason, naming the notice’s author', async () => {
		const db = await hallDevice();
		const notice = await openNotice(db);
		const marks = [present('form'), present('charter'), missing('proxy')];
		await expect(
			recheckPrecheck(db, { precheck_id: notice.id, marks, new_gap_keys: [], broken_promise_reason: null })
		).rejects.toMatchObject({ fields: ['marks'] });
		await expect(
			recheckPrecheck(db, {
				precheck_id: notice.id,
				marks,
				new_gap_keys: ['proxy'],
				broken_promise_reason: ' '
			})
		).rejects.toBeInstanceOf(LocalWriteError);
		await expect(
			recheckPrecheck(db, {
				precheck_id: notice.id,
				marks: [present('charter'), missing('proxy')],
				new_gap_keys: ['proxy'],
				broken_promise_reason: '委托书过期'
			})
		).rejects.toMatchObject({ fields: ['marks'] });
		await recheckPrecheck(db, {
			precheck_id: notice.id,
			marks,
			new_gap_keys: ['proxy'],
			broken_promise_reason: '委托书已过期，首次未发现'
		});
		const detail = await loadPrecheck(db, notice.id);
		expect(detail?.rounds[1]).toMatchObject({
			new_gap_keys: ['proxy'],
			promise_staff_id: STAFF.staff_id,
			result: 'incomplete'
		});
		expect(detail?.openPoints.map((mark) => mark.material_key)).toEqual(['proxy']);
	});

	it('applying the same ops again changes nothing', async () => {
		const db = await hallDevice();
		const notice = await openNotice(db);
		await recheckPrecheck(db, {
			precheck_id: notice.id,
			marks: [present('form'), present('charter')],
			new_gap_keys: [],
			broken_promise_reason: null
		});
		const before = await Promise.all([
			prechecks.of(db).toArray(),
			precheckRounds.of(db).toArray(),
			precheckApplicants.of(db).toArray()
		]);

		for (let again = 0; again < 2; again++) {
			await db.transaction('rw', db.writeTables, async () => {
				await reapplyPending(db, registry, STAFF.user_id);
			});
		}
		const after = await Promise.all([
			prechecks.of(db).toArray(),
			precheckRounds.of(db).toArray(),
			precheckApplicants.of(db).toArray()
		]);
		expect(after).toEqual(before);
		expect(before[1]).toHaveLength(2);
	});
});

describe("the hall day's pre-checks (the manager's today)", () => {
	it('holds those made from its first minute to its last, whatever offset the timestamp carries', async () => {
		const db = await hallDevice();
		const madeAt = {
			// 00:00 in the hall, 16:00 UTC the day before
			firstMinute: '2026-12-02T16:00:00.000Z',
			lastMinute: '2026-12-03T15:59:59.999Z',
			// as a server in the hall's zone would write it: the same day
			hallOffset: '2026-12-03T23:30:00+08:00',
			dayBefore: '2026-12-02T15:59:59.999Z',
			dayAfter: '2026-12-03T16:00:00+00:00'
		};
		const ids: Record<string, string> = {};
		for (const [name, at] of Object.entries(madeAt)) {
			ids[name] = (await recordPrecheck(db, firstVisit())).id;
			await prechecks.of(db).update(ids[name], { created_at: at });
		}
		const onDay = await listPrechecksOn(db, '2026-12-03');
		expect(onDay.map((entry) => entry.precheck.id).sort()).toEqual(
			[ids.firstMinute, ids.lastMinute, ids.hallOffset].sort()
		);
		expect((await listPrechecksOn(db, '2026-12-02')).map((entry) => entry.precheck.id)).toEqual([
			ids.dayBefore
		]);
	});
});
