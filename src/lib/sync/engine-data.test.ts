import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { listRecords, loadRecord } from '$lib/local/service-record-queries';
import { addServiceRecordEvent, openServiceRecord, updateServiceRecord } from '$lib/local/service-records';
import type { SyncEngine } from './engine';
import { storePage } from './pull-steps';
import { device, ticket, TODAY } from './testing/device';
import { FakeServer, STAFF } from './testing/fake-server';

const engines: SyncEngine[] = [];
afterEach(() => {
	for (const engine of engines.splice(0)) engine.stop();
});

async function started(server: FakeServer) {
	const made = await device(server);
	engines.push(made.engine);
	await made.engine.start();
	return made;
}

const noFilter = { search: '', category: null, group: null };

describe('sync engine and the data on screen', () => {
	it('a pending change is applied again over an older pulled value, so the screen never flips back', async () => {
		const server = new FakeServer();
		const { db } = await started(server);
		const record = await openServiceRecord(ticket('C001'), db);
		await db.outbox.clear(); // pretend the open was acknowledged; what follows is still pending
		await updateServiceRecord({ id: record.id, category: 'credit_repair' }, db);

		// The server's copy, changed by a colleague (green channel) but without our category yet.
		server.seedRecord({ id: record.id, ticket_no: 'C001', opened_at: record.opened_at, green_channel: true });
		await storePage(db, STAFF.user_id, await server.pull(0, 100));

		const shown = await loadRecord(db, record.id);
		expect(shown?.record.category).toBe('credit_repair');
		expect(shown?.record.green_channel).toBe(true);
	});

	it('a new scope epoch wipes the synced rows and pulls again, but keeps the outbox', async () => {
		const server = new FakeServer();
		server.seedRecord({
			id: '0190a000-0000-7000-8000-0000000000a1',
			ticket_no: 'D001',
			opened_at: `${TODAY}T01:00:00.000Z`
		});
		const { db, engine } = await started(server);
		expect(await db.service_records.count()).toBe(1);

		// The user moves to another post; the server no longer shows D001. Meanwhile the user opens a ticket.
		server.records.clear();
		server.seedRecord({
			id: '0190a000-0000-7000-8000-0000000000a2',
			ticket_no: 'D002',
			opened_at: `${TODAY}T02:00:00.000Z`
		});
		server.epoch = 2;
		server.onPull = async () => {
			server.onPull = null;
			await openServiceRecord(ticket('D003'), db);
		};
		await engine.sync();

		const shown = (await listRecords(db, TODAY, noFilter)).map((entry) => [
			entry.record.ticket_no,
			entry.pending
		]);
		expect(shown).toEqual([
			['D003', true],
			['D002', false]
		]);
		expect(await db.outbox.count()).toBe(1);
		expect((await db.sync_state.get('state'))?.epoch).toBe(2);

		await engine.sync();
		expect([...server.records.values()].map((row) => row.ticket_no).sort()).toEqual(['D002', 'D003']);
	});

	it('a ticket opened on two devices ends as one record with both timelines, and old links follow it', async () => {
		const server = new FakeServer();
		const first = await started(server);
		const second = await started(server);
		const earlier = await openServiceRecord(ticket('E001'), first.db);
		// Two milliseconds apart, so which opening is earlier does not come down to the ids' random bits.
		await new Promise((resolve) => setTimeout(resolve, 2));
		const later = await openServiceRecord(ticket('E001'), second.db);
		await addServiceRecordEvent({ record_id: earlier.id, kind: 'consult' }, first.db);
		await addServiceRecordEvent({ record_id: later.id, kind: 'precheck' }, second.db);

		// The later opening arrives first; the earlier one then wins the merge on the server.
		await second.engine.sync();
		await first.engine.sync();
		// While the second device pulls the merge, its user adds one more event to "their" record: it is still
		// in the outbox when the tombstone arrives, and must move to the survivor with the rest.
		server.onPull = async () => {
			server.onPull = null;
			await addServiceRecordEvent({ record_id: later.id, kind: 'accept' }, second.db);
		};
		await second.engine.sync();
		expect(await second.db.outbox.count()).toBe(1);

		const onSecond = await loadRecord(second.db, later.id);
		expect(onSecond?.record.id).toBe(earlier.id);
		expect(onSecond?.timeline.map((entry) => entry.event.kind).sort()).toEqual([
			'accept',
			'consult',
			'precheck'
		]);
		expect((await listRecords(second.db, TODAY, noFilter)).map((entry) => entry.record.id)).toEqual([
			earlier.id
		]);

		await second.engine.sync();
		await first.engine.sync();
		const onFirst = await loadRecord(first.db, earlier.id);
		expect(onFirst?.timeline).toHaveLength(3);
		expect([...server.events.values()].every((event) => event.record_id === earlier.id)).toBe(true);
	});
});
