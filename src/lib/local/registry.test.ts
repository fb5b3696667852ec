import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { FIRST_CURSOR } from '$lib/domain/sync-protocol';
import { registry } from '$lib/features/registry';
import { serviceRecordsWorkflow } from '$lib/features/tickets/sync';
import { readState, rereadSkippedRows, storePage } from '$lib/sync/pull-steps';
import { addEventOn, ticket } from '../../../tests/support/device';
import { STAFF } from '../../../tests/support/fake-server';
import { recordRow } from '../../../tests/support/rows';
import { LocalDb } from './db';
import { prepareForUser } from './device-data';
import { readActor } from './device-actor';
import { pendingIds } from './outbox';
import { defineRegistry } from './registry';
import { discardRejected } from './rejected';
import { serviceRecords } from './service-records/tables';
import { openServiceRecord, updateServiceRecord } from './service-records/writes';
import { defineOp, defineWorkflow, syncedTable } from './workflow';

/** A second workflow, as a later issue would add one: one table, one op. */
const noteRow = z.object({ id: z.uuid(), hall_id: z.uuid(), text: z.string(), version: z.number() });
const notes = syncedTable('trial_notes', noteRow, { indexes: ['text'] });
const addNote = defineOp('trial_note.add', z.object({ id: z.uuid(), text: z.string() }), {
	apply: async (db, { payload, actor }) => {
		await notes.of(db).put({ ...payload, hall_id: actor.hall_id, version: 0 });
	},
	discard: { drop: notes }
});
const trialWorkflow = defineWorkflow({
	name: 'trial',
	rules: {},
	tables: [notes],
	ops: [addNote],
	labels: { 'trial_note.add': (payload) => `note ${payload.text}` }
});

let databases = 0;
async function signedIn(schema = registry): Promise<LocalDb> {
	const db = new LocalDb(`registry-${++databases}`, schema);
	await prepareForUser(db, STAFF);
	return db;
}

const page = (changes: { table: string; row: Record<string, unknown> }[], cursor = '7') => ({
	changes,
	cursor,
	has_more: false,
	epoch: 1
});

describe('the registry of synced workflows', () => {
	it('refuses a table or an op type declared by two workflows', () => {
		expect(() => defineRegistry([serviceRecordsWorkflow, serviceRecordsWorkflow])).toThrow(/declared twice/);
		const clash = defineWorkflow({ ...trialWorkflow, tables: [], name: 'clash' });
		expect(() => defineRegistry([trialWorkflow, clash])).toThrow(/trial_note\.add is declared twice/);
	});

	it('gives a workflow added later its table on a device that already holds data', async () => {
		const name = `registry-upgrade-${++databases}`;
		const before = new LocalDb(name, registry);
		await prepareForUser(before, STAFF);
		const record = await openServiceRecord(before, ticket('U001'));
		before.close();

		const after = new LocalDb(name, defineRegistry([serviceRecordsWorkflow, trialWorkflow]));
		await after.open();
		expect(await serviceRecords.of(after).get(record.id)).toMatchObject({ ticket_no: 'U001' });
		expect(await notes.of(after).count()).toBe(0);
		expect(await after.outbox.count()).toBe(1);
	});

	it('opens a database written by the first app version: cursor, pending marks and the actor carry over', async () => {
		const name = `registry-v1-${++databases}`;
		const v1 = new Dexie(name);
		v1.version(1).stores({
			service_records: 'id, [ticket_date+ticket_no], [ticket_date+opened_at], merged_into',
			service_record_events: 'id, record_id, [record_id+occurred_at]',
			outbox: '++seq, &op_id',
			rejected: '++seq, &op_id',
			sync_state: 'key'
		});
		const recordId = '0190a000-0000-7000-8000-0000000000c1';
		await v1
			.table('sync_state')
			.put({ key: 'state', user_id: STAFF.user_id, actor: STAFF, cursor: 42, epoch: 1 });
		await v1.table('outbox').add({
			op_id: 'old-op',
			type: 'service_record.update',
			payload: { id: recordId, green_channel: true },
			created_at: '2026-11-25T01:00:00.000Z',
			schema_version: 1,
			actor: STAFF
		});
		v1.close();

		const db = new LocalDb(name, registry);
		expect(await readState(db)).toMatchObject({ cursor: '42', unreadable: null });
		expect(await pendingIds(db)).toEqual(new Set([recordId]));
		// The actor moved to a row of its own (a live query reading it must not re-run on every cursor write).
		expect(await readActor(db)).toEqual(STAFF);
		expect(await readState(db)).not.toHaveProperty('actor');
	});
});

describe('pulled rows', () => {
	it('of a table the app does not know, or not fitting their schema, are counted and named, not dropped silently', async () => {
		const db = await signedIn();
		const good = recordRow({
			id: '0190a000-0000-7000-8000-0000000000d1',
			ticket_no: 'P001',
			opened_at: '2026-11-25T01:00:00.000Z'
		});
		const skipped = await storePage(
			db,
			registry,
			STAFF.user_id,
			page([
				{ table: 'service_records', row: { ...good } },
				{
					table: 'service_records',
					row: { ...good, id: '0190a000-0000-7000-8000-0000000000d2', ticket_no: 'bad ticket' }
				},
				{ table: 'visits', row: { id: 'v1' } },
				{ table: 'visits', row: { id: 'v2' } }
			]),
			FIRST_CURSOR
		);
		expect(skipped).toBe(3);
		expect(await serviceRecords.of(db).count()).toBe(1);
		expect((await readState(db)).unreadable).toEqual({
			count: 3,
			tables: ['service_records', 'visits'],
			app: registry.fingerprint
		});

		// The same app starting again keeps its place; a newer app (it knows more tables) reads from the start.
		await rereadSkippedRows(db, registry);
		expect((await readState(db)).cursor).toBe('7');
		await rereadSkippedRows(db, defineRegistry([serviceRecordsWorkflow, trialWorkflow]));
		expect(await readState(db)).toMatchObject({ cursor: FIRST_CURSOR, unreadable: null });
	});
});

describe('discarding a rejected op', () => {
	it('removes a row that only the op created, and pulls again after a refused change', async () => {
		const db = await signedIn();
		const record = await openServiceRecord(db, ticket('R001'));
		await addEventOn(db, record.id, { kind: 'consult', window_no: null, note: null });
		await updateServiceRecord(db, { id: record.id, green_channel: true });
		await db.sync_state.update('state', { cursor: '99' });
		// Pretend the server refused all three.
		for (const entry of await db.outbox.toArray()) {
			await db.outbox.delete(entry.seq ?? 0);
			await db.rejected.add({ ...entry, code: 'validation', message: 'no', rejected_at: entry.created_at });
		}
		const [open, event, update] = await db.rejected.toArray();

		await discardRejected(db, registry, event?.seq ?? 0);
		expect(await db.table('service_record_events').count()).toBe(0);
		expect((await readState(db)).cursor).toBe('99');

		await discardRejected(db, registry, update?.seq ?? 0);
		expect((await readState(db)).cursor).toBe(FIRST_CURSOR);

		await discardRejected(db, registry, open?.seq ?? 0);
		expect(await serviceRecords.of(db).get(record.id)).toBeUndefined();
		expect(await db.rejected.count()).toBe(0);
	});
});
