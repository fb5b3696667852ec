// Sync throughput through the local stack with supabase-js, as a device sees it:
//  1. draining 1,000 queued ops in batches of 100 per sync_push vs. 1,000 one-op calls (same run, same op mix);
//  2. a fresh device pulling 10,000 service records with max_rows 500 (and 100, for comparison).
// Standalone: `npx tsx tests/bench/sync-server.ts`; `npm run bench` runs it with the others.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import WebSocket from 'ws';
import * as z from 'zod/mini';
import {
	FIRST_CURSOR,
	opResult,
	pullResult,
	SCHEMA_VERSION,
	type Op
} from '../../src/lib/domain/sync-protocol';
import type { RunningStack } from '../../supabase/local/stack';
import { withBenchStack } from './support/bench-stack';

const queuedOps = 1000;
const batchSize = 100;
const recordsToPull = 10_000;
const center = 'a0000000-0000-4000-8000-000000000001';
const station = 'a0000000-0000-4000-8000-000000000002';

/** 500 records, each opened and given one event: the op mix of a morning's scanning (by center staff). */
function queue(): Op[] {
	const ops: Op[] = [];
	const now = new Date().toISOString();
	const envelope = { created_at: now, schema_version: SCHEMA_VERSION, hall_id: center };
	for (let i = 0; i < queuedOps / 2; i++) {
		const id = randomUUID();
		const ticket = `B${randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`;
		ops.push({
			...envelope,
			op_id: randomUUID(),
			type: 'service_record.open',
			payload: {
				id,
				ticket_no: ticket,
				ticket_date: '2026-11-25',
				raw_payload: ticket,
				category: 'consultation',
				special_groups: [],
				green_channel: false,
				opened_at: now
			}
		});
		ops.push({
			...envelope,
			op_id: randomUUID(),
			type: 'service_record.add_event',
			payload: {
				id: randomUUID(),
				record_id: id,
				kind: 'consult',
				window_no: null,
				note: null,
				occurred_at: now
			}
		});
	}
	return ops;
}

async function signedIn(stack: RunningStack, email: string): Promise<SupabaseClient> {
	const client = createClient(stack.url, stack.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
	const { error } = await client.auth.signInWithPassword({ email, password: 'demo1234' });
	if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
	return client;
}

async function drain(client: SupabaseClient, ops: Op[], size: number): Promise<number> {
	const started = performance.now();
	for (let i = 0; i < ops.length; i += size) {
		const { error, ...response } = await client.rpc('sync_push', { ops: ops.slice(i, i + size) });
		if (error) throw new Error(`sync_push failed: ${error.message}`);
		const results = z.array(opResult).parse(response.data as unknown);
		if (results.some((result) => result.status !== 'applied')) throw new Error('an op was not applied');
	}
	return performance.now() - started;
}

/** 10,000 records in the station, written as 100 transactions of 100 (100 versions, like 100 synced batches). */
async function seedRecords(databaseUrl: string): Promise<void> {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	for (let batch = 0; batch < recordsToPull / 100; batch++) {
		await db.query(
			`insert into app.service_records (id, hall_id, ticket_date, ticket_no, raw_payload, category,
			   first_responder_id, first_responder_name, opened_at)
			 select gen_random_uuid(), $1, date '2026-08-01' + (n % 90), 'P' || $2::int || '-' || n, 'P' || n,
			   'consultation', s.id, s.display_name, now()
			 from generate_series(1, 100) n, app.staff s
			 where s.user_id = 'd0000000-0000-4000-8000-000000000005'`,
			[station, batch]
		);
	}
	await db.end();
}

async function pullEverything(
	client: SupabaseClient,
	maxRows: number
): Promise<{ ms: number; rows: number }> {
	const started = performance.now();
	let cursor = FIRST_CURSOR;
	let rows = 0;
	for (;;) {
		const { error, ...response } = await client.rpc('sync_pull', { cursor, max_rows: maxRows });
		if (error) throw new Error(`sync_pull failed: ${error.message}`);
		// Parsed as the app parses it, so the figure includes checking the wire format.
		const page = pullResult.parse(response.data as unknown);
		rows += page.changes.length;
		cursor = page.cursor;
		if (!page.has_more) break;
	}
	return { ms: performance.now() - started, rows };
}

async function main(): Promise<void> {
	await withBenchStack(async (stack) => {
		const tablet = await signedIn(stack, 'intake@demo.hall');
		await drain(tablet, queue().slice(0, 20), 10); // warm-up: connections, plans, the gateway's function cache

		const batched = await drain(tablet, queue(), batchSize);
		const oneByOne = await drain(tablet, queue(), 1);
		console.log(`drain ${queuedOps} queued ops (open + event per record) through supabase-js → gateway`);
		console.log(
			`  batches of ${batchSize}:  ${batched.toFixed(0).padStart(6)} ms  (${(queuedOps / (batched / 1000)).toFixed(0)} ops/s)`
		);
		console.log(
			`  one op per call: ${oneByOne.toFixed(0).padStart(6)} ms  (${(queuedOps / (oneByOne / 1000)).toFixed(0)} ops/s)`
		);
		console.log(`  batching is ${(oneByOne / batched).toFixed(1)}× faster\n`);

		await seedRecords(stack.databaseUrl);
		const device = await signedIn(stack, 'assist@station.demo.hall');
		console.log(`fresh device pulling ${recordsToPull} records (station hall) until has_more is false`);
		for (const maxRows of [500, 100]) {
			const { ms, rows } = await pullEverything(device, maxRows);
			if (rows < recordsToPull) throw new Error(`pulled only ${rows} rows`);
			console.log(
				`  max_rows ${String(maxRows).padEnd(4)} ${ms.toFixed(0).padStart(6)} ms  ${rows} rows  (${(rows / (ms / 1000)).toFixed(0)} rows/s)`
			);
		}
	});
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
