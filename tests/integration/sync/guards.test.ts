import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallDate } from '../../../src/lib/domain/hall-time';
import { LIMITS } from '../../../src/lib/domain/service-record';
import { SYNC_LIMITS } from '../../../src/lib/domain/sync-protocol';
import { registry } from '../../../src/lib/features/registry';
import { useAdminDb } from '../support/clients';
import { addEvent, deleteRecord, minutesAgo, op, openRecord, type UnsentOp } from './support/ops';
import { center, createAccount, removeAccounts, staff, station } from './support/people';
import { countRows } from './support/rows';
import { device, pullAll, push, type SyncClient } from './support/sync-client';

// What one staff member's device can and cannot do to others' work and to the hall: the findings of the security
// review, each with its control. Limits come from SYNC_LIMITS / LIMITS, the same values the server enforces.

const db = useAdminDb();
let intake: SyncClient;
let assist: SyncClient;
let manager: SyncClient;
beforeAll(async () => {
	[intake, assist, manager] = await Promise.all([
		device(staff.intake.email),
		device(staff.assist.email),
		device(staff.manager.email)
	]);
});
afterAll(async () => {
	// The mover's record goes first: records keep their first responder's staff row.
	await db().query(
		`delete from app.service_records where first_responder_id in
		   (select s.id from app.staff s join auth.users u on u.id = s.user_id where u.email = $1)`,
		['mover@guards.test']
	);
	await removeAccounts(db(), ['mover@guards.test']);
});

async function one(client: SyncClient, sent: UnsentOp) {
	const [result] = await push(client, [sent]);
	return result;
}

/** The op was rejected with `code`, and its message says what `reason` matches. */
function expectRejection(
	result: { code?: string; message?: string } | undefined,
	code: string,
	reason: RegExp
) {
	expect(result?.code).toBe(code);
	expect(result?.message).toMatch(reason);
}

async function liveRecord(ticket: string) {
	const { rows } = await db().query<{ id: string; first_responder_name: string }>(
		`select id, first_responder_name from app.service_records where ticket_no = $1 and deleted_at is null`,
		[ticket]
	);
	return rows;
}

describe('a colleague cannot take over or delete another’s record', () => {
	it('an opening dated long ago is refused as a device-time error, and the original stays as it was', async () => {
		const original = openRecord();
		await push(intake, [original, addEvent(original.payload.id, { kind: 'consult' })]);
		const forged = openRecord({
			ticket_no: original.payload.ticket_no,
			ticket_date: original.payload.ticket_date,
			opened_at: '2000-01-01T00:00:00Z'
		});
		expect(await one(assist, forged)).toMatchObject({ status: 'rejected', code: 'device_time' });
		expect(await one(assist, deleteRecord(forged.payload.id))).toMatchObject({ code: 'not_found' });
		expect(await liveRecord(original.payload.ticket_no)).toEqual([
			{ id: original.payload.id, first_responder_name: staff.intake.name }
		]);
	});

	it('an opening dated before the ticket’s own day is refused', async () => {
		const dayBefore = new Date(Date.now() - 86_400_000).toISOString();
		const opened = openRecord({ ticket_date: hallDate(), opened_at: dayBefore });
		expectRejection(await one(assist, opened), 'device_time', /ticket/);
	});

	it('a merge within the day cannot be used to delete the colleague’s work; a manager still can delete', async () => {
		const original = openRecord({ opened_at: minutesAgo(1) });
		await push(intake, [original, addEvent(original.payload.id, { kind: 'precheck' })]);
		const earlier = openRecord({
			ticket_no: original.payload.ticket_no,
			ticket_date: original.payload.ticket_date,
			opened_at: minutesAgo(2)
		});
		expect(await one(assist, earlier)).toMatchObject({ status: 'applied' });
		// The earlier opening survives the merge (the rule does not depend on who synced first)…
		expect(await liveRecord(original.payload.ticket_no)).toEqual([
			{ id: earlier.payload.id, first_responder_name: staff.assist.name }
		]);
		// …but intake's opening and step are in it: its new first responder alone may not throw them away.
		expectRejection(await one(assist, deleteRecord(earlier.payload.id)), 'forbidden', /work by other staff/);
		expect(await one(manager, deleteRecord(earlier.payload.id))).toMatchObject({ status: 'applied' });
	});

	it('the first responder may still delete a record that holds only their own work (the control)', async () => {
		const mine = openRecord();
		await push(assist, [mine, addEvent(mine.payload.id, { kind: 'consult' })]);
		expect(await one(assist, deleteRecord(mine.payload.id))).toMatchObject({ status: 'applied' });
	});
});

describe('device times outside the window', () => {
	it.each([
		['a date beyond year 9999 in UTC', '9999-12-31T23:59:59-14:00'],
		['a date before year 1 in UTC', '0001-01-01T00:00:00+14:00'],
		[
			'a date too far back',
			new Date(Date.now() - (SYNC_LIMITS.maxDeviceTimeAgeDays + 1) * 86_400_000).toISOString()
		],
		[
			'a clock running ahead',
			new Date(Date.now() + (SYNC_LIMITS.maxClockAheadMinutes + 5) * 60_000).toISOString()
		]
	])('%s is refused in a payload and in the op itself, and nothing is stored', async (_case, moment) => {
		const record = openRecord();
		await push(intake, [record]);
		const event = addEvent(record.payload.id, { occurred_at: moment });
		expect(await one(intake, event)).toMatchObject({ code: 'device_time' });
		const stamped = { ...addEvent(record.payload.id), created_at: moment };
		expect(await one(intake, stamped)).toMatchObject({ code: 'device_time' });
		expect(await countRows(db(), 'service_record_events', 'record_id', record.payload.id)).toBe(0);
	});

	it('a device that was offline for most of the window still syncs what it did (the control)', async () => {
		const longAgo = new Date(Date.now() - (SYNC_LIMITS.maxDeviceTimeAgeDays - 1) * 86_400_000).toISOString();
		const record = openRecord({ opened_at: longAgo });
		const event = { ...addEvent(record.payload.id, { occurred_at: longAgo }), created_at: longAgo };
		expect((await push(intake, [record, event])).map((result) => result.status)).toEqual([
			'applied',
			'applied'
		]);
	});

	it('every row a device pulls fits the client’s schemas', async () => {
		const { pages } = await pullAll(intake);
		const refused = pages
			.flatMap((page) => page.changes)
			.filter((change) => registry.table(change.table)?.parse(change.row) === null);
		expect(refused).toEqual([]);
	});
});

describe('work queued before a hall transfer', () => {
	it('is refused in the new hall with its own code, and applies nothing there', async () => {
		await createAccount(db(), 'mover@guards.test', { hall: center, post: 'assist', name: '调动员' });
		const mover = await device('mover@guards.test');
		const queued = { ...openRecord(), hall_id: center }; // made in the center, sent after the move
		await db().query(
			`update app.staff set hall_id = $1 where user_id = (select id from auth.users where email = $2)`,
			[station, 'mover@guards.test']
		);
		expect(await one(mover, queued)).toMatchObject({ code: 'hall_changed' });
		expect(await countRows(db(), 'service_records', 'id', queued.payload.id)).toBe(0);
		// Made in the new hall, it goes through (the control).
		expect(await one(mover, { ...openRecord(), hall_id: station })).toMatchObject({ status: 'applied' });
	});

	it('an op that names no hall is refused too', async () => {
		expect(await one(intake, { ...openRecord(), hall_id: '' })).toMatchObject({ code: 'hall_changed' });
	});
});

describe('what a rejection echoes and keeps', () => {
	it('a huge op type comes back as a short message, and is stored short', async () => {
		const huge = { ...openRecord(), type: `x.${'y'.repeat(1_000_000)}` };
		const result = await one(intake, huge);
		expect(result).toMatchObject({ status: 'rejected', code: 'unknown_op_type' });
		expect(result?.message?.length).toBeLessThanOrEqual(SYNC_LIMITS.maxMessageLength);
		const { rows } = await db().query<{ size: number }>(
			`select octet_length(result::text) as size from app.applied_ops where op_id = $1`,
			[huge.op_id]
		);
		expect(rows[0]?.size).toBeLessThan(2 * SYNC_LIMITS.maxMessageLength);
	});

	it('results older than any op a device can still send are forgotten, recent ones kept', async () => {
		const { rows } = await db().query<{ id: string }>('select id from auth.users where email = $1', [
			staff.intake.email
		]);
		const userId = rows[0]?.id;
		const old = `old-${randomUUID()}`;
		const recent = `recent-${randomUUID()}`;
		await db().query(
			`insert into app.applied_ops (user_id, op_id, result, applied_at) values
			   ($1, $2, '{}', now() - make_interval(days => $4)), ($1, $3, '{}', now() - interval '1 day')`,
			[userId, old, recent, SYNC_LIMITS.maxDeviceTimeAgeDays + 2]
		);
		await push(intake, [openRecord()]);
		const kept = await db().query<{ op_id: string }>(
			'select op_id from app.applied_ops where op_id = any ($1)',
			[[old, recent]]
		);
		expect(kept.rows.map((row) => row.op_id)).toEqual([recent]);
	});
});

describe('text a device sends', () => {
	it('a note of only tabs and line breaks is refused, while a note with text is kept', async () => {
		const record = openRecord();
		await push(intake, [record]);
		expect(
			await one(intake, addEvent(record.payload.id, { kind: 'note', note: '\t\n\r\n  ' }))
		).toMatchObject({
			code: 'validation'
		});
		expect(
			await one(intake, addEvent(record.payload.id, { kind: 'note', note: '\t材料齐全\n' }))
		).toMatchObject({
			status: 'applied'
		});
	});

	it('control characters are refused by name of the field', async () => {
		const record = openRecord();
		await push(intake, [record]);
		const result = await one(intake, addEvent(record.payload.id, { kind: 'note', note: 'bell\u0007' }));
		expectRejection(result, 'validation', /note contains control/);
	});

	it('an id already used in another hall is refused without saying where it is used', async () => {
		const stationTablet = await device(staff.stationAssist.email);
		const theirs = openRecord();
		await push(stationTablet, [theirs]);
		const result = await one(intake, openRecord({ id: theirs.payload.id }));
		expect(result).toMatchObject({ code: 'conflict' });
		expect(result?.message).not.toMatch(/pkey|duplicate|service_records|hall/);
	});
});

describe('a record’s timeline', () => {
	it(`holds at most ${LIMITS.eventsPerRecord} events`, async () => {
		const record = openRecord();
		await push(intake, [record]);
		for (let sent = 0; sent < LIMITS.eventsPerRecord; sent += SYNC_LIMITS.maxPushBatch) {
			const batch = Array.from(
				{ length: Math.min(SYNC_LIMITS.maxPushBatch, LIMITS.eventsPerRecord - sent) },
				() => addEvent(record.payload.id)
			);
			expect(new Set((await push(intake, batch)).map((result) => result.status))).toEqual(
				new Set(['applied'])
			);
		}
		// A full timeline is the record's state, not the op's fault: conflict (validation would claim the client
		// could have known).
		expectRejection(await one(intake, addEvent(record.payload.id)), 'conflict', /at most/);
	});
});

describe('one call’s share of the hall', () => {
	const slowOps = 12;
	beforeAll(async () => {
		// A test op type whose handler takes the hall's write lock and then works for 0.4 s, like a heavy merge.
		await db().query(`
			create function app.op_trial_slow(payload jsonb) returns void language plpgsql set search_path = '' as $$
			begin
				perform app.next_version((app.require_staff()).hall_id);
				perform pg_sleep(0.4);
			end $$`);
		await db().query('grant execute on function app.op_trial_slow(jsonb) to app_writer');
		await db().query(
			`select app.register_op_type('trial', 'trial.slow', 'app.op_trial_slow(jsonb)', required => array['id'])`
		);
	});
	afterAll(async () => {
		await db().query(`delete from app.op_types where area = 'trial'`);
		await db().query('drop function app.op_trial_slow(jsonb)');
	});

	it('stops after its time budget; a colleague’s push goes before the rest, and every op lands once', async () => {
		const slow = Array.from({ length: slowOps }, () => op('service_record.delete', { id: randomUUID() })).map(
			(sent): UnsentOp => ({ ...sent, type: 'trial.slow' })
		);
		const first = push(intake, slow);
		await new Promise((resolve) => setTimeout(resolve, 300)); // the slow call holds the hall's lock by now
		const colleague = push(manager, [openRecord()]).then(() => 'colleague' as const);
		const answered = await first;
		expect(answered.length).toBeGreaterThan(0);
		expect(answered.length).toBeLessThan(slowOps);

		const rest = push(intake, slow.slice(answered.length)).then(() => 'rest' as const);
		expect(await Promise.race([colleague, rest])).toBe('colleague');
		await rest;
		let sent = answered.length;
		while (sent < slowOps) sent += (await push(intake, slow.slice(sent))).length;
		const { rows } = await db().query<{ count: string }>(
			`select count(*) from app.applied_ops where op_id = any ($1) and result ->> 'status' = 'applied'`,
			[slow.map((sentOp) => sentOp.op_id)]
		);
		expect(Number(rows[0]?.count)).toBe(slowOps);
	});
});
