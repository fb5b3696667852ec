import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stack } from '../support/clients';
import { openRecord, type UnsentOp } from './support/ops';
import { center, staff } from './support/people';
import { deviceView } from './support/rows';
import { device, pull, pullAll, type SyncClient } from './support/sync-client';

// A pull must never move its cursor past a version that is not committed yet, or the device would
// skip that change for ever. Two writers of one hall, as two users on two connections, the first one slow.

let db: pg.Pool;
let observer: SyncClient;
beforeAll(async () => {
	db = new pg.Pool({ connectionString: stack().databaseUrl, max: 4 });
	observer = await device(staff.manager.email);
});
afterAll(async () => {
	await db.end();
});

/** A connection inside an open transaction that Postgres sees as a request from `userId` (as the gateway does). */
async function openTransactionAs(userId: string): Promise<pg.PoolClient> {
	const client = await db.connect();
	await client.query('begin');
	await client.query(`select set_config('request.jwt.claims', $1, true)`, [
		JSON.stringify({ role: 'authenticated', sub: userId, aud: 'authenticated' })
	]);
	await client.query('set local role authenticated');
	return client;
}

/** sync_push of one open, inside the writer's transaction (left open by the test). */
function openOp(client: pg.PoolClient, sent: UnsentOp): Promise<unknown> {
	return client.query('select public.sync_push($1::jsonb)', [JSON.stringify([{ ...sent, hall_id: center }])]);
}

/** Waits until the backend `pid` is blocked on a lock: observed in pg_stat_activity, not guessed with a sleep. */
async function waitUntilBlocked(pid: number): Promise<void> {
	for (;;) {
		const { rows } = await db.query<{ wait_event_type: string | null }>(
			'select wait_event_type from pg_stat_activity where pid = $1',
			[pid]
		);
		if (rows[0]?.wait_event_type === 'Lock') return;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

const ids = (changes: { row: Record<string, unknown> }[]) => changes.map((change) => change.row['id']);

it('a slow transaction that commits after a faster one is never skipped by a pull', async () => {
	const { cursor: before } = await pullAll(observer);
	const slow = openRecord();
	const fast = openRecord();
	const slowWriter = await openTransactionAs(staff.intake.userId);
	const fastWriter = await openTransactionAs(staff.assist.userId);
	try {
		// The slow writer takes the hall's next version and keeps its transaction open.
		await openOp(slowWriter, slow);
		const { rows } = await slowWriter.query<{ version: string }>(
			'select version from app.service_records where id = $1',
			[slow.payload.id]
		);
		const slowVersion = Number(rows[0]?.version);
		expect(slowVersion).toBeGreaterThan(Number(before));

		// The fast writer starts later and would finish first, but must wait for the slow one's version.
		const fastPid = (await fastWriter.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
		const fastDone = openOp(fastWriter, fast);
		await waitUntilBlocked(Number(fastPid));

		// A pull in between sees neither write and keeps its cursor below the uncommitted version.
		const during = await pull(observer, before);
		expect(ids(during.changes)).not.toContain(slow.payload.id);
		expect(ids(during.changes)).not.toContain(fast.payload.id);
		expect(Number(during.cursor)).toBeLessThan(slowVersion);

		await slowWriter.query('commit');
		await fastDone;
		const afterSlowCommit = await pull(observer, during.cursor);
		expect(ids(afterSlowCommit.changes)).toContain(slow.payload.id);
		expect(ids(afterSlowCommit.changes)).not.toContain(fast.payload.id);

		await fastWriter.query('commit');
		const afterBoth = await pullAll(observer, afterSlowCommit.cursor);
		const fastRow = deviceView(afterBoth.pages).service_records.get(fast.payload.id);
		expect(Number(fastRow?.['version'])).toBeGreaterThan(slowVersion);

		// Everything pulled since `before`, page by page: both records, none skipped.
		const everything = deviceView([during, afterSlowCommit, ...afterBoth.pages]).service_records;
		expect(everything.has(slow.payload.id)).toBe(true);
		expect(everything.has(fast.payload.id)).toBe(true);
	} finally {
		await slowWriter.query('rollback').catch(() => undefined);
		await fastWriter.query('rollback').catch(() => undefined);
		slowWriter.release();
		fastWriter.release();
	}
});
