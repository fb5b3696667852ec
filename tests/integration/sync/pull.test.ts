import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_LIMITS, type PullResult } from '../../../src/lib/domain/sync-protocol';
import { registry } from '../../../src/lib/features/registry';
import { adminDb } from '../support/clients';
import { addEvent, deleteRecord, openRecord } from './support/ops';
import { center, createAccount, removeAccounts, staff, station } from './support/people';
import { deviceView } from './support/rows';
import { device, pull, pullAll, push, type SyncClient } from './support/sync-client';

// What a device receives: its own hall's rows and nothing else, whole versions per page, tombstones included,
// rows shaped exactly as the client's zod schemas, and a new epoch when its person changes hall.

let db: pg.Pool;
let centerTablet: SyncClient;
let stationTablet: SyncClient;
beforeAll(async () => {
	db = adminDb();
	[centerTablet, stationTablet] = await Promise.all([
		device(staff.intake.email),
		device(staff.stationAssist.email)
	]);
});
afterAll(async () => {
	await removeAccounts(db, ['moving@sync.test', 'promoted@sync.test']);
	await db.end();
});

describe('hall scope', () => {
	it('street-station staff never pull the district center’s records, while center staff do', async () => {
		const open = openRecord();
		await push(centerTablet, [open, addEvent(open.payload.id)]);
		const stationOwn = openRecord();
		await push(stationTablet, [stationOwn]);

		const atStation = deviceView((await pullAll(stationTablet)).pages);
		const stationHalls = [
			...atStation.service_records.values(),
			...atStation.service_record_events.values()
		].map((row) => row['hall_id']);
		expect(new Set(stationHalls)).toEqual(new Set([station]));
		expect(atStation.service_records.has(open.payload.id)).toBe(false);
		expect(atStation.service_records.has(stationOwn.payload.id)).toBe(true);

		const atCenter = deviceView((await pullAll(centerTablet)).pages);
		expect(atCenter.service_records.has(open.payload.id)).toBe(true);
		expect(atCenter.service_records.has(stationOwn.payload.id)).toBe(false);
	});

	it('a staff member moved to another hall gets a new epoch and from then on only the new hall’s rows', async () => {
		await createAccount(db, 'moving@sync.test', { hall: center, post: 'assist', name: '调岗测试' });
		const tablet = await device('moving@sync.test');
		await push(stationTablet, [openRecord()]);
		const first = await pullAll(tablet);
		const epoch = first.pages[0]?.epoch;
		expect(deviceView(first.pages).service_records.size).toBeGreaterThan(0);

		// A change that does not touch scope keeps the epoch.
		await db.query(`update app.staff set display_name = '调岗测试二' where user_id = (
			select id from auth.users where email = 'moving@sync.test')`);
		expect((await pull(tablet, first.cursor)).epoch).toBe(epoch);

		await db.query(
			`update app.staff set hall_id = $1 where user_id = (
			select id from auth.users where email = 'moving@sync.test')`,
			[station]
		);
		const afterMove = await pull(tablet, first.cursor);
		expect(afterMove.epoch).not.toBe(epoch);

		// The device wipes and pulls from 0, as docs/SYNC.md says: only station rows arrive.
		const fresh = deviceView((await pullAll(tablet)).pages);
		expect(new Set([...fresh.service_records.values()].map((row) => row['hall_id']))).toEqual(
			new Set([station])
		);
	});

	it('a change of post bumps the epoch too', async () => {
		await createAccount(db, 'promoted@sync.test', { hall: center, post: 'intake', name: '晋升测试' });
		const tablet = await device('promoted@sync.test');
		const before = (await pull(tablet, '0', 1)).epoch;
		await db.query(`update app.staff set post = 'manager' where user_id = (
			select id from auth.users where email = 'promoted@sync.test')`);
		expect((await pull(tablet, '0', 1)).epoch).toBe(before + 1);
	});
});

describe('tombstones', () => {
	it('a record deleted on one tablet reaches another tablet’s pull as deleted', async () => {
		const open = openRecord();
		await push(centerTablet, [open]);
		const otherTablet = await device(staff.assist.email);
		const seen = await pullAll(otherTablet);
		expect(deviceView(seen.pages).service_records.get(open.payload.id)?.['deleted_at']).toBeNull();

		await push(centerTablet, [deleteRecord(open.payload.id)]);

		const next = await pullAll(otherTablet, seen.cursor);
		const row = deviceView(next.pages).service_records.get(open.payload.id);
		expect(row?.['deleted_at']).toEqual(expect.any(String));
	});
});

describe('pages', () => {
	it('hold at most max_rows rows, splitting a version bigger than a page without losing a row', async () => {
		const { cursor } = await pullAll(centerTablet);
		const open = openRecord();
		const events = [addEvent(open.payload.id), addEvent(open.payload.id), addEvent(open.payload.id)];
		await push(centerTablet, [open, ...events]); // one call, one transaction, one version of four rows

		const pages = await pullAll(centerTablet, cursor, 1);
		expect(pages.pages.map((page) => page.changes.length)).toEqual([1, 1, 1, 1]);
		const ids = pages.pages.flatMap((page) => page.changes.map((change) => change.row['id']));
		expect(new Set(ids)).toEqual(new Set([open.payload.id, ...events.map((event) => event.payload.id)]));
		// Inside the version the cursor names a row; after its last row, the version alone.
		expect(pages.pages[0]?.cursor).toMatch(/^\d+\/service_record(_event)?s\/[0-9a-f-]{36}$/);
		expect(pages.cursor).toMatch(/^\d+$/);
		expect((await pull(centerTablet, pages.cursor)).changes).toEqual([]);
	});

	it('refuse a cursor that sync_pull never gave', async () => {
		for (const bad of ['-1', 'abc', '5/service_records/not-a-uuid', "1'; drop table app.staff; --"]) {
			await expect(pull(centerTablet, bad)).rejects.toMatchObject({ code: '22023' });
		}
	});

	it('walk every change exactly once, oldest version first, with small pages', async () => {
		for (let i = 0; i < 3; i++) await push(centerTablet, [openRecord()]);
		// The largest pages there are (other test files, the fuzz suite, may have filled more than one).
		const whole = await pullAll(centerTablet, '0', SYNC_LIMITS.maxPullRows);
		const paged = await pullAll(centerTablet, '0', 2);
		expect(paged.pages.length).toBeGreaterThan(whole.pages.length);
		const versions = (pages: PullResult[]) =>
			pages.flatMap((page) => page.changes.map((change) => change.row['version']));
		expect(versions(paged.pages)).toEqual(versions(whole.pages));
		expect(paged.cursor).toBe(whole.cursor);
		// Two rows a page through a hall the fuzz suite has filled takes hundreds of calls.
	}, 90_000);

	it('carry rows exactly as the client’s zod row schemas describe them', async () => {
		const open = openRecord({ special_groups: ['foreigner', 'elderly'], green_channel: true });
		await push(centerTablet, [open, addEvent(open.payload.id, { kind: 'guide_to_window', window_no: 12 })]);
		const { pages } = await pullAll(centerTablet);
		for (const change of pages.flatMap((page) => page.changes)) {
			const table = registry.table(change.table);
			expect(Object.keys(change.row).sort()).toEqual(Object.keys(table?.schema.shape ?? {}).sort());
			expect(table?.parse(change.row)).not.toBeNull();
		}
		const record = deviceView(pages).service_records.get(open.payload.id);
		expect(record).toMatchObject({
			special_groups: ['elderly', 'foreigner'],
			ticket_date: open.payload.ticket_date
		});
	});
});
