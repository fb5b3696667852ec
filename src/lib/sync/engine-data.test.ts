import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { discardRejected } from '$lib/local/rejected';
import { listRecords, loadRecord, NO_RECORD_FILTER } from '$lib/local/service-records/queries';
import { openServiceRecord, updateServiceRecord } from '$lib/local/service-records/writes';
import { FIRST_CURSOR } from '$lib/domain/sync-protocol';
import { registry } from '$lib/features/registry';
import { addEventOn, device, ticket, TODAY } from '../../../tests/support/device';
import { FakeServer, STAFF } from '../../../tests/support/fake-server';
import { eventRow, recordRow } from '../../../tests/support/rows';
import type { SyncEngine } from './engine';
import { storePage } from './pull-steps';

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

const event = (kind: 'consult' | 'precheck' | 'accept') => ({ kind, window_no: null, note: null });

describe('sync engine and the data on screen', () => {
	it('a pending change is applied again over an older pulled value, so the screen never flips back', async () => {
		const server = new FakeServer();
		const { db } = await device(server); // no engine running: the change below stays pending
		const record = await openServiceRecord(db, ticket('C001'));
		await db.outbox.clear(); // as if the opening had been acknowledged
		await updateServiceRecord(db, { id: record.id, category: 'credit_repair' });

		// The server's copy, changed by a colleague (green channel) but without our category yet.
		server.put('service_records', recordRow({ ...record, green_channel: true }));
		await storePage(db, registry, STAFF.user_id, await server.pull(FIRST_CURSOR, 100), FIRST_CURSOR);

		const shown = await loadRecord(db, record.id);
		expect(shown?.record.category).toBe('credit_repair');
		expect(shown?.record.green_channel).toBe(true);
		expect(shown?.pending).toBe(true);
	});

	it('a refused change given up while a pull is on its way still brings the server’s values back', async () => {
		const server = new FakeServer();
		server.judge = (op) => (op.type === 'service_record.update' ? 'forbidden' : null);
		const { db, engine } = await started(server);
		const record = await openServiceRecord(db, ticket('E001'));
		server.put('service_records', recordRow({ ...record }));
		await engine.sync();
		await updateServiceRecord(db, { id: record.id, category: 'credit_repair' });
		await engine.sync();
		const [refused] = await db.rejected.toArray();
		expect(refused?.code).toBe('forbidden');

		// The person gives the change up while the next pull (from the old cursor) is on its way.
		server.onPull = async () => {
			server.onPull = null;
			await discardRejected(db, registry, refused?.seq ?? 0);
		};
		await engine.sync();

		expect((await loadRecord(db, record.id))?.record.category).toBeNull();
	});

	it('a new scope epoch wipes the synced rows and pulls again, but keeps the outbox', async () => {
		const server = new FakeServer();
		const d001 = recordRow({
			id: '0190a000-0000-7000-8000-0000000000a1',
			ticket_no: 'D001',
			opened_at: `${TODAY}T01:00:00.000Z`
		});
		server.put('service_records', d001);
		const { db, engine } = await started(server);
		expect(await db.table('service_records').count()).toBe(1);

		// The user moves to another post; the server no longer shows D001. Meanwhile the user opens a ticket.
		server.clearRows();
		server.put(
			'service_records',
			recordRow({
				id: '0190a000-0000-7000-8000-0000000000a2',
				ticket_no: 'D002',
				opened_at: `${TODAY}T02:00:00.000Z`
			})
		);
		server.epoch = 2;
		server.onPull = async () => {
			server.onPull = null;
			await openServiceRecord(db, ticket('D003'));
		};
		await engine.sync();

		const shown = (await listRecords(db, TODAY, NO_RECORD_FILTER)).map((entry) => [
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
		expect(server.received.map((op) => (op.payload as { ticket_no: string }).ticket_no)).toEqual(['D003']);
	});

	it('a merge pulled from the server leaves one record with every event, and old links follow it', async () => {
		const server = new FakeServer();
		const { db, engine } = await started(server);
		// This device opened E001 and recorded a step; another device opened it earlier, so the server kept theirs.
		const mine = await openServiceRecord(db, ticket('E001'));
		await addEventOn(db, mine.id, event('precheck'));
		await engine.sync();
		const theirs = recordRow({
			id: '0190a000-0000-7000-8000-0000000000e1',
			ticket_no: 'E001',
			opened_at: `${TODAY}T00:30:00.000Z`
		});
		const [precheck] = server.receivedOf('service_record.add_event');
		server.put('service_records', theirs);
		const sentPrecheck = precheck?.payload as { id: string; occurred_at: string };
		server.put(
			'service_record_events',
			eventRow({
				id: 'e1e1e1e1-0000-4000-8000-000000000001',
				record_id: theirs.id,
				kind: 'consult',
				occurred_at: `${TODAY}T00:31:00.000Z`
			})
		);
		server.put('service_records', { ...mine, deleted_at: new Date().toISOString(), merged_into: theirs.id });
		server.put(
			'service_record_events',
			eventRow({ ...sentPrecheck, record_id: theirs.id, kind: 'precheck' })
		);
		// While the merge is pulled, the user adds one more step to "their" record: still queued when the
		// tombstone arrives, it must move to the survivor with the rest.
		server.onPull = async () => {
			server.onPull = null;
			await addEventOn(db, mine.id, event('accept'));
		};
		await engine.sync();
		expect(await db.outbox.count()).toBe(1);

		const shown = await loadRecord(db, mine.id);
		expect(shown?.record.id).toBe(theirs.id);
		expect(shown?.timeline.map((entry) => [entry.event.kind, entry.pending])).toEqual([
			['consult', false],
			['precheck', false],
			['accept', true]
		]);
		expect((await listRecords(db, TODAY, NO_RECORD_FILTER)).map((entry) => entry.record.id)).toEqual([
			theirs.id
		]);

		await engine.sync();
		const sent = server.receivedOf('service_record.add_event').at(-1)?.payload as { record_id: string };
		// Sent under the id the user saw; the server follows the merge to the survivor (integration-tested).
		expect(sent.record_id).toBe(mine.id);
	});
});
