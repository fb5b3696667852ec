import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/lib/domain/service-record';
import { SCHEMA_VERSION, type RejectionCode } from '../../../src/lib/domain/sync-protocol';
import { adminDb } from '../support/clients';
import { addEvent, deleteRecord, op, openRecord, type UnsentOp } from './support/ops';
import { staff } from './support/people';
import { countRows } from './support/rows';
import { device, push, type SyncClient } from './support/sync-client';

// Bad input gets a clear rejection code (REJECTION_CODES) and an English message, and writes nothing.

let db: pg.Pool;
let centerTablet: SyncClient;
let stationTablet: SyncClient;
beforeAll(async () => {
	db = adminDb();
	centerTablet = await device(staff.intake.email);
	stationTablet = await device(staff.stationAssist.email);
});
afterAll(async () => {
	await db.end();
});

/** An op with fields a well-behaved client would never send: an older app, a bug, or a hand-made request. */
function tampered<T extends UnsentOp<string, object>>(
	original: T,
	changes: Record<string, unknown>,
	payload = {}
): UnsentOp<string, { id: string }> {
	return { ...original, ...changes, payload: { ...original.payload, ...payload } } as UnsentOp<
		string,
		{ id: string }
	>;
}

async function pushOne(client: SyncClient, sent: UnsentOp): Promise<{ code?: string; message?: string }> {
	const [result] = await push(client, [sent]);
	expect(result?.op_id).toBe(sent.op_id);
	return { code: result?.code, message: result?.message };
}

describe('opening a record', () => {
	const open = () => openRecord();
	it.each<[string, UnsentOp<string, { id: string }>, RejectionCode, RegExp]>([
		['an unknown category', tampered(open(), {}, { category: 'astrology' }), 'validation', /category/],
		['a bad ticket number', tampered(open(), {}, { ticket_no: 'a0<23>' }), 'validation', /ticket_no/],
		[
			'an overlong ticket number',
			tampered(open(), {}, { ticket_no: 'A'.repeat(LIMITS.ticketNo + 1) }),
			'validation',
			/ticket_no/
		],
		[
			'an unknown special group',
			tampered(open(), {}, { special_groups: ['vip'] }),
			'validation',
			/special_groups/
		],
		[
			'a raw payload over the limit',
			tampered(open(), {}, { raw_payload: 'x'.repeat(LIMITS.rawPayload + 1) }),
			'validation',
			/raw_payload is longer than 2000/
		],
		[
			'a time without an offset',
			tampered(open(), {}, { opened_at: '2026-11-25 09:00' }),
			'validation',
			/opened_at/
		],
		// Not caught by a field check: the database's own error (22008) becomes 'validation' with its message.
		['an impossible date', tampered(open(), {}, { ticket_date: '2026-02-30' }), 'validation', /out of range/],
		[
			'an unknown op type',
			tampered(open(), { type: 'service_record.archive' }),
			'unknown_op_type',
			/archive/
		],
		[
			'an old schema version',
			tampered(open(), { schema_version: SCHEMA_VERSION - 1 }),
			'outdated_app',
			/Update the app/
		],
		[
			'a schema version from the future',
			tampered(open(), { schema_version: SCHEMA_VERSION + 1 }),
			'outdated_app',
			/not accepted/
		]
	])('with %s is rejected and writes nothing', async (_label, sent, code, message) => {
		const result = await pushOne(centerTablet, sent);
		expect(result.code).toBe(code);
		expect(result.message).toMatch(message);
		expect(await countRows(db, 'service_records', 'id', sent.payload.id)).toBe(0);
	});

	it('at exactly the limits is applied (the control for the limits above)', async () => {
		const atLimits = openRecord({
			ticket_no: 'A'.repeat(LIMITS.ticketNo),
			raw_payload: 'x'.repeat(LIMITS.rawPayload)
		});
		expect(await pushOne(centerTablet, atLimits)).toEqual({ code: undefined, message: undefined });
		expect(await countRows(db, 'service_records', 'id', atLimits.payload.id)).toBe(1);
	});
});

describe('adding an event', () => {
	let record: string;
	beforeAll(async () => {
		const open = openRecord();
		await push(centerTablet, [open]);
		record = open.payload.id;
	});

	it.each<[string, Partial<Parameters<typeof addEvent>[1]>, RegExp]>([
		['an overlong note', { kind: 'note', note: '注'.repeat(LIMITS.note + 1) }, /note is longer than 500/],
		['a note event without text', { kind: 'note', note: '  ' }, /note/],
		['guidance without a window', { kind: 'guide_to_window', window_no: null }, /window_no/],
		['a window number out of range', { kind: 'guide_to_window', window_no: LIMITS.windowNo + 1 }, /window_no/]
	])('with %s is rejected as validation', async (_label, fields, message) => {
		const event = addEvent(record, fields);
		const result = await pushOne(centerTablet, event);
		expect(result.code).toBe('validation');
		expect(result.message).toMatch(message);
		expect(await countRows(db, 'service_record_events', 'id', event.payload.id)).toBe(0);
	});

	it('with an unknown kind is rejected as validation', async () => {
		const event = tampered(addEvent(record), {}, { kind: 'teleport' });
		expect(await pushOne(centerTablet, event)).toMatchObject({ code: 'validation' });
	});

	it('to another hall’s record is rejected as not_found, while the record’s own hall may add to it', async () => {
		const event = addEvent(record);
		expect(await pushOne(stationTablet, event)).toMatchObject({ code: 'not_found' });
		expect(await countRows(db, 'service_record_events', 'id', event.payload.id)).toBe(0);

		expect(await pushOne(centerTablet, addEvent(record))).toEqual({ code: undefined, message: undefined });
	});

	it('to a record that does not exist is rejected as not_found', async () => {
		expect(await pushOne(centerTablet, addEvent(randomUUID()))).toMatchObject({ code: 'not_found' });
	});

	it('to a deleted record is rejected as conflict, so the person sees it was deleted', async () => {
		const open = openRecord();
		await push(centerTablet, [open, deleteRecord(open.payload.id)]);
		expect(await pushOne(centerTablet, addEvent(open.payload.id))).toMatchObject({ code: 'conflict' });
	});
});

describe('deleting a record', () => {
	it('is forbidden to a colleague who is not its first responder, allowed to a manager', async () => {
		const open = openRecord();
		await push(centerTablet, [open]);
		const colleague = await device(staff.delivery.email);
		expect(await pushOne(colleague, deleteRecord(open.payload.id))).toMatchObject({ code: 'forbidden' });
		const live = await db.query('select 1 from app.service_records where id = $1 and deleted_at is null', [
			open.payload.id
		]);
		expect(live.rows).toHaveLength(1);

		const manager = await device(staff.manager.email);
		expect(await pushOne(manager, deleteRecord(open.payload.id))).toEqual({
			code: undefined,
			message: undefined
		});
	});

	it('is allowed to the first responder', async () => {
		const open = openRecord();
		await push(centerTablet, [open]);
		expect(await pushOne(centerTablet, deleteRecord(open.payload.id))).toEqual({
			code: undefined,
			message: undefined
		});
		const { rows } = await db.query(
			'select 1 from app.service_records where id = $1 and deleted_at is not null',
			[open.payload.id]
		);
		expect(rows).toHaveLength(1);
	});

	it('of another hall’s record is rejected as not_found', async () => {
		const open = openRecord();
		await push(centerTablet, [open]);
		expect(await pushOne(stationTablet, deleteRecord(open.payload.id))).toMatchObject({ code: 'not_found' });
	});
});

describe('payload shapes', () => {
	it('a payload that is not an object is rejected as validation, not as a failed call', async () => {
		const broken = { ...op('service_record.delete', { id: randomUUID() }), payload: 'delete everything' };
		expect(await pushOne(centerTablet, broken as unknown as UnsentOp)).toMatchObject({ code: 'validation' });
	});

	it('a field the op type does not take is rejected by name, before anything is written', async () => {
		const open = openRecord();
		const result = await pushOne(
			centerTablet,
			tampered(open, {}, { first_responder_id: randomUUID(), hall_id: randomUUID() })
		);
		expect(result).toMatchObject({ code: 'validation' });
		expect(result.message).toMatch(/first_responder_id, hall_id/);
		expect(await countRows(db, 'service_records', 'id', open.payload.id)).toBe(0);
	});

	it('a required field left out is rejected by name, while an optional one may be left out', async () => {
		const open = openRecord();
		const { window_no: _left, ...withoutWindow } = addEvent(open.payload.id).payload;
		await push(centerTablet, [open]);
		const missing = await pushOne(centerTablet, { ...addEvent(open.payload.id), payload: withoutWindow });
		expect(missing).toMatchObject({ code: 'validation' });
		expect(missing.message).toMatch(/needs the field\(s\) window_no/);
		// update's fields other than id are optional: naming only one is a valid change.
		const update = op('service_record.update', { id: open.payload.id, green_channel: true });
		expect(await pushOne(centerTablet, update)).toEqual({ code: undefined, message: undefined });
	});
});
