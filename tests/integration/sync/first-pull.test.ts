import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDb } from '../support/clients';
import { addEvent, openRecord, uniqueTicket } from './support/ops';
import { center, createAccount, staff, staffIdOf } from './support/people';
import { deviceView } from './support/rows';
import { device, pull, pullAll, push, type SyncClient } from './support/sync-client';

// A device's first pull brings the hall's working set, not its history (20261204000050_first_pull_horizon.sql):
// a record of three weeks ago stays on the server, today's comes; once caught up, every change comes whatever
// the age of its row.

let db: pg.Pool;
let tablet: SyncClient;
let intakeStaffId: string;

interface Desk {
	hall: string;
	staffId: string;
}

/** A service record `days` hall days ago, with one event, written as history is (straight into the tables). */
async function oldRecord(
	days: number,
	desk: Desk = { hall: center, staffId: intakeStaffId }
): Promise<{ recordId: string; eventId: string }> {
	const recordId = randomUUID();
	const eventId = randomUUID();
	await db.query(
		`insert into app.service_records (id, hall_id, ticket_date, ticket_no, raw_payload, first_responder_id,
			first_responder_name, opened_at)
		 values ($1, $2, app.hall_day(now()) - $3::int, $4, $4, $5, $6,
			now() - make_interval(days => $3::int))`,
		[recordId, desk.hall, days, uniqueTicket(), desk.staffId, staff.intake.name]
	);
	await db.query(
		`insert into app.service_record_events (id, record_id, hall_id, kind, staff_id, staff_name, occurred_at)
		 values ($1, $2, $3, 'consult', $4, $5, now() - make_interval(days => $6::int))`,
		[eventId, recordId, desk.hall, desk.staffId, staff.intake.name, days]
	);
	return { recordId, eventId };
}

beforeAll(async () => {
	db = adminDb();
	intakeStaffId = await staffIdOf(db, staff.intake.userId);
	tablet = await device(staff.intake.email);
});
afterAll(async () => {
	await db.end();
});

/**
 * A bare hall of its own with one intake worker: paging one row at a time walks the hall's whole working set,
 * and the demo center's grows with every test file that ran before this one (the torture run alone leaves
 * tens of thousands of rows), so a test that pages by one needs a hall nobody else writes to. Its worker stays:
 * their record holds their staff row, and no test counts the people of a hall it did not make.
 */
async function bareHall(): Promise<{ desk: Desk; tablet: SyncClient }> {
	const hall = randomUUID();
	const tag = hall.slice(0, 8);
	await db.query(
		`insert into app.halls (id, code, name, kind, ticket_format)
		 values ($1, $2, $3, 'district_center', '{"kind": "json", "field": "ticketNo", "date_field": "date"}')`,
		[hall, `first-pull-${tag}`, `首次同步测试大厅 ${tag}`]
	);
	const email = `first-pull-${tag}@test.hall`;
	const userId = await createAccount(db, email, { hall, post: 'intake', name: staff.intake.name });
	return { desk: { hall, staffId: await staffIdOf(db, userId) }, tablet: await device(email) };
}

describe('the first pull', () => {
	it('brings the week’s records and their events, not those of three weeks ago', async () => {
		const old = await oldRecord(21);
		const lastWeek = await oldRecord(6);
		const today = openRecord();
		await push(tablet, [today, addEvent(today.payload.id)]);

		const view = deviceView((await pullAll(tablet)).pages);
		expect(view.service_records.has(today.payload.id)).toBe(true);
		expect(view.service_records.has(lastWeek.recordId)).toBe(true);
		expect(view.service_record_events.has(lastWeek.eventId)).toBe(true);
		expect(view.service_records.has(old.recordId)).toBe(false);
		expect(view.service_record_events.has(old.eventId)).toBe(false);
	});

	it('says it is a first pull in its cursor until it has caught up, then pages as before', async () => {
		const own = await bareHall();
		await oldRecord(30, own.desk);
		await push(own.tablet, [openRecord(), openRecord()]);
		const { pages, cursor } = await pullAll(own.tablet, '0', 1);
		expect(pages.length).toBeGreaterThan(1);
		for (const page of pages.slice(0, -1)) expect(page.cursor).toMatch(/^f\d+/);
		expect(cursor).toMatch(/^\d+$/);
		expect((await pull(own.tablet, cursor)).changes).toEqual([]);
	});

	it('once caught up, a change to an old record reaches the device', async () => {
		const old = await oldRecord(40);
		const { cursor } = await pullAll(tablet);
		// A late note on a record of weeks ago (a merge, a manager's correction: anything that changes the row).
		const late = addEvent(old.recordId, { kind: 'note', note: '补记：材料已邮寄' });
		await push(tablet, [late]);

		const view = deviceView((await pullAll(tablet, cursor)).pages);
		expect(view.service_record_events.has(late.payload.id)).toBe(true);
	});

	it('refuses a first-pull cursor that is not one', async () => {
		await expect(pull(tablet, 'f')).rejects.toThrow(/cursor/);
		await expect(pull(tablet, 'ff12')).rejects.toThrow(/cursor/);
	});
});
