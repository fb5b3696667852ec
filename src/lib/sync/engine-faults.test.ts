import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openServiceRecord } from '$lib/local/service-records/writes';
import { addEventOn, device, ticket } from '../../../tests/support/device';
import { FakeServer } from '../../../tests/support/fake-server';
import { classifyFailure } from './backend';
import type { EngineOptions, SyncEngine } from './engine';

const event = (kind: 'consult' | 'accept') => ({ kind, window_no: null, note: null });

// Only the engine's own waits are faked; fake-indexeddb schedules with setImmediate and keeps running.
beforeEach(() => {
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
});

const engines: SyncEngine[] = [];
afterEach(() => {
	for (const engine of engines.splice(0)) engine.stop();
	vi.useRealTimers();
});

async function started(server: FakeServer, dbName?: string, options: Partial<EngineOptions> = {}) {
	const made = await device(server, dbName ? { dbName, ...options } : options);
	engines.push(made.engine);
	return made;
}

/** Lets the backoff timer fire and the cycle it starts finish. */
async function waitOut(engine: SyncEngine, ms: number): Promise<void> {
	await vi.advanceTimersByTimeAsync(ms);
	await engine.whenIdle();
}

describe('sync engine against a failing network', () => {
	it('a lost request changes nothing on the server and is sent again later', async () => {
		const server = new FakeServer();
		const { db, engine } = await started(server);
		await openServiceRecord(db, ticket('A023'));
		server.pushFaults.push({ kind: 'request_lost' });

		await engine.start();
		expect(server.received).toHaveLength(0);
		expect(await db.outbox.count()).toBe(1);
		expect(engine.status.failure).toBe('network');

		// Full jitter with random 0.5: the first retry is due after half of the 1 s base.
		await waitOut(engine, 500);
		expect(server.received.map((op) => op.type)).toEqual(['service_record.open']);
		expect(await db.outbox.count()).toBe(0);
		expect(engine.status.failure).toBeNull();
	});

	it('a response lost after the commit ends in exactly one effect', async () => {
		const server = new FakeServer();
		const { db, engine } = await started(server);
		const record = await openServiceRecord(db, ticket('A024'));
		await addEventOn(db, record.id, event('consult'));
		server.pushFaults.push({ kind: 'response_lost' });

		await engine.start();
		expect(await db.outbox.count()).toBe(2); // committed on the server, but the device cannot know
		await waitOut(engine, 500);

		expect(server.pushed).toHaveLength(2);
		expect(server.pushed[1]).toEqual(server.pushed[0]); // the same ops, under the same op ids
		expect(server.received.map((op) => op.type)).toEqual(['service_record.open', 'service_record.add_event']);
		expect(await db.outbox.count()).toBe(0);
		expect(await db.table('service_record_events').count()).toBe(1);
	});

	it('after a 500 the queue drains by itself, with no new write', async () => {
		const server = new FakeServer();
		const { db, engine } = await started(server);
		await openServiceRecord(db, ticket('A025'));
		server.pushFaults.push(
			{ kind: 'http', failure: 'server', status: 500, code: 'XX000' },
			{ kind: 'http', failure: 'server', status: 503, code: '' }
		);

		await engine.start();
		await waitOut(engine, 500); // first retry: fails again, the next wait doubles
		expect(await db.outbox.count()).toBe(1);
		await waitOut(engine, 999);
		expect(await db.outbox.count()).toBe(1);
		await waitOut(engine, 1);
		expect(await db.outbox.count()).toBe(0);
		expect(server.received).toHaveLength(1);
	});

	it('a 401 refreshes the session and sends again in the same sync', async () => {
		const server = new FakeServer();
		const { db, engine } = await started(server);
		await openServiceRecord(db, ticket('A026'));
		server.pushFaults.push({ kind: 'http', failure: 'unauthorized', status: 401, code: 'PGRST303' });

		await engine.start();
		expect(server.refreshes).toBe(1);
		expect(await db.outbox.count()).toBe(0);
		expect(server.received).toHaveLength(1);
	});

	it('a function the server does not have (PGRST202) holds the queue and asks for an update', async () => {
		const server = new FakeServer();
		const { db, engine } = await started(server);
		await openServiceRecord(db, ticket('A027'));
		server.pushFaults.push({ kind: 'http', failure: 'version_skew', status: 404, code: 'PGRST202' });

		await engine.start();
		expect(engine.status.held).toBe('update_required');
		expect((await db.sync_state.get('state'))?.held).toBe('update_required');
		await waitOut(engine, 10 * 60_000); // timers and retries: nothing is sent, nothing deleted
		expect(server.pushed).toHaveLength(1);
		expect(await db.outbox.count()).toBe(1);

		// The updated app starts a new engine: the hold is lifted and the queue goes out.
		engine.stop();
		const { engine: updated } = await started(server, db.name);
		await updated.start();
		expect(updated.status.held).toBeNull();
		expect(await db.outbox.count()).toBe(0);
	});

	it('an op rejected mid-batch stays visible with its reason; the others are acknowledged', async () => {
		const server = new FakeServer();
		const { db, engine } = await started(server);
		const kept = await openServiceRecord(db, ticket('A028'));
		const gone = await openServiceRecord(db, ticket('A029'));
		await engine.start();
		// Deleted by a manager elsewhere: the server refuses further events on it.
		server.judge = (op) =>
			op.type === 'service_record.add_event' && (op.payload as { record_id: string }).record_id === gone.id
				? 'conflict'
				: null;

		await addEventOn(db, kept.id, event('consult'));
		await addEventOn(db, gone.id, event('accept'));
		await addEventOn(db, kept.id, event('accept'));
		await engine.sync();

		expect(server.pushed.at(-1)).toHaveLength(3); // one batch
		expect(server.receivedOf('service_record.add_event')).toHaveLength(2);
		expect(await db.outbox.count()).toBe(0);
		const rejected = await db.rejected.toArray();
		expect(rejected).toHaveLength(1);
		expect(rejected[0]).toMatchObject({ type: 'service_record.add_event', code: 'conflict' });
		expect(rejected[0]?.payload).toMatchObject({ record_id: gone.id, kind: 'accept' });
	});

	it('a whole-call 4xx dead-letters the one op it was about and sends the rest', async () => {
		const server = new FakeServer();
		const { db, engine } = await started(server);
		await openServiceRecord(db, ticket('A030'));
		await openServiceRecord(db, ticket('A031'));
		server.pushFaults.push(
			{ kind: 'http', failure: 'client', status: 400, code: '22P02' }, // the batch
			{ kind: 'http', failure: 'client', status: 400, code: '22P02' } // then A030 alone
		);

		await engine.start();
		expect(await db.outbox.count()).toBe(0);
		expect(await db.rejected.count()).toBe(1);
		expect((await db.rejected.toArray())[0]).toMatchObject({ code: '22P02' });
		expect(server.received.map((op) => (op.payload as { ticket_no: string }).ticket_no)).toEqual(['A031']);
	});

	it('an account refused as a whole (not_staff) holds the queue instead of dead-lettering it', async () => {
		const server = new FakeServer();
		const { db, engine } = await started(server);
		await openServiceRecord(db, ticket('A040'));
		await openServiceRecord(db, ticket('A041'));
		const refusal = { status: 400, code: 'P0001', message: 'not_staff' };
		server.pushFaults.push({
			kind: 'http',
			failure: classifyFailure(refusal.status, refusal.code, refusal.message),
			...refusal
		});

		await engine.start();
		expect(engine.status.failure).toBe('refused');
		expect(await db.outbox.count()).toBe(2);
		expect(await db.rejected.count()).toBe(0);

		// The account is put back in its hall: the queue goes out by itself.
		await waitOut(engine, 500);
		expect(await db.outbox.count()).toBe(0);
		expect(server.received).toHaveLength(2);
	});

	it('an op the server keeps failing on (500) goes alone, then aside with a retry; the rest goes through', async () => {
		const server = new FakeServer();
		const { db, engine } = await started(server);
		await openServiceRecord(db, ticket('A050'));
		await openServiceRecord(db, ticket('A051'));
		await openServiceRecord(db, ticket('A052'));
		server.breaksServer = (op) => (op.payload as { ticket_no?: string }).ticket_no === 'A051';

		await engine.start();
		for (let wait = 0; wait < 12 && (await db.outbox.count()) > 0; wait++) await waitOut(engine, 5 * 60_000);

		expect(server.received.map((op) => (op.payload as { ticket_no: string }).ticket_no)).toEqual([
			'A050',
			'A052'
		]);
		const [aside] = await db.rejected.toArray();
		expect(aside).toMatchObject({ code: 'XX000', payload: { ticket_no: 'A051' } });
		expect(await db.outbox.count()).toBe(0);
	});

	it('a colleague’s handed-over queue is only pushed, never pulled, and reports when it is empty', async () => {
		const server = new FakeServer();
		let drained = 0;
		const { db, engine } = await started(server, undefined, { pushOnly: true, onDrained: () => drained++ });
		await openServiceRecord(db, ticket('A060'));
		await engine.start();
		expect(server.received).toHaveLength(1);
		expect(server.pulls).toBe(0);
		expect(drained).toBe(1);
	});

	it('two tabs sharing the uploader lock never push at the same time, and each op goes once', async () => {
		const server = new FakeServer();
		const { inProcessLock } = await import('./uploader-lock');
		const lock = inProcessLock();
		const tab1 = await device(server, { dbName: 'shared-tabs', lock });
		const tab2 = await device(server, { dbName: 'shared-tabs', lock });
		engines.push(tab1.engine, tab2.engine);
		for (const no of ['B001', 'B002', 'B003']) await openServiceRecord(tab1.db, ticket(no));
		server.pushDelay = () => new Promise((resolve) => setImmediate(resolve));

		await Promise.all([tab1.engine.start(), tab2.engine.start()]);

		expect(server.maxConcurrentPushes).toBe(1);
		expect(server.pushed.flat()).toHaveLength(3);
		expect(server.received).toHaveLength(3);
		expect(await tab2.db.outbox.count()).toBe(0);
	});
});
