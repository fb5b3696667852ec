// Latency of the app's first RPC, `me()`, through the local gateway with supabase-js, against the same query
// sent straight to PostgreSQL with `pg` in the same run. Standalone: `npx tsx tests/bench/gateway-me.ts`.
import { createClient } from '@supabase/supabase-js';
import { performance } from 'node:perf_hooks';
import pg, { escapeLiteral } from 'pg';
import WebSocket from 'ws';
import { withBenchStack } from './support/bench-stack';

const calls = 1000;
const warmUp = 50;

interface Target {
	email: string;
	password: string;
	fn: string;
}

/** The seeded intake clerk and `me()` when the app's migrations have them; a stand-in function otherwise. */
async function chooseTarget(db: pg.Client): Promise<Target> {
	const me = await db.query<{ ok: boolean }>(
		`select to_regprocedure('public.me()') is not null
		    and exists (select 1 from auth.users where email = 'intake@demo.hall') as ok`
	);
	if (me.rows[0]?.ok) return { email: 'intake@demo.hall', password: 'demo1234', fn: 'me' };
	await db.query(`
		insert into auth.users (id, aud, role, email, encrypted_password, created_at, updated_at)
		values (gen_random_uuid(), 'authenticated', 'authenticated', 'bench@bench.test',
		        crypt('bench-password', gen_salt('bf')), now(), now());
		create function public.bench_me() returns jsonb language sql stable
		as $$ select jsonb_build_object('uid', auth.uid(), 'email', auth.jwt() ->> 'email') $$;
		grant execute on function public.bench_me() to authenticated;`);
	return { email: 'bench@bench.test', password: 'bench-password', fn: 'bench_me' };
}

async function measure(label: string, run: () => Promise<unknown>): Promise<number[]> {
	for (let i = 0; i < warmUp; i++) await run();
	const samples: number[] = [];
	for (let i = 0; i < calls; i++) {
		const started = performance.now();
		await run();
		samples.push(performance.now() - started);
	}
	report(label, samples);
	return samples;
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function report(label: string, samples: number[]): void {
	const sorted = [...samples].sort((a, b) => a - b);
	const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(9);
	console.log(
		`${label.padEnd(44)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(
			percentile(sorted, 99)
		)}`
	);
}

async function main(): Promise<void> {
	await withBenchStack(async (stack) => {
		const admin = new pg.Client({ connectionString: stack.databaseUrl });
		await admin.connect();
		const target = await chooseTarget(admin);
		await admin.end();

		const client = createClient(stack.url, stack.anonKey, {
			auth: { persistSession: false, autoRefreshToken: false },
			realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
		});
		const signIn = await client.auth.signInWithPassword({ email: target.email, password: target.password });
		if (signIn.error || !signIn.data.session) throw new Error(`sign-in failed: ${signIn.error?.message}`);
		const first = await client.rpc(target.fn);
		if (first.error) throw new Error(`${target.fn}() failed: ${first.error.message}`);
		console.log(
			`${calls} sequential calls of ${target.fn}() as ${target.email} (after ${warmUp} warm-up calls)\n`
		);

		await measure(`supabase-js → gateway → ${target.fn}()`, async () => {
			const { error } = await client.rpc(target.fn);
			if (error) throw new Error(error.message);
		});

		// Without supabase-js: how much of the time is the client library and how much the gateway.
		const headers = {
			apikey: stack.anonKey,
			authorization: `Bearer ${signIn.data.session.access_token}`,
			'content-type': 'application/json'
		};
		const rpcUrl = `${stack.url}/rest/v1/rpc/${target.fn}`;
		await measure(`fetch → gateway → ${target.fn}()`, async () => {
			const response = await fetch(rpcUrl, { method: 'POST', headers, body: '{}' });
			await response.text();
		});

		// Baselines: the same function straight through pg, as the same user (role and claims set as the gateway does).
		const claims = JSON.stringify({ ...decode(signIn.data.session.access_token) });
		const direct = new pg.Client({ connectionString: stack.databaseUrl });
		await direct.connect();
		// The gateway's per-request SQL: a read-only transaction setting role and claims, sent as one message.
		const transaction = [
			'begin read only',
			`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${escapeLiteral(claims)}, true)`,
			`select to_json(public.${target.fn}())::text`,
			'commit'
		].join(';');
		await measure("pg, the gateway's transaction per call", () => direct.query(transaction));
		await direct.query(`select set_config('request.jwt.claims', $1, false)`, [claims]);
		await direct.query('set role authenticated');
		await measure(`pg, one query per call (naive baseline)`, () =>
			direct.query(`select public.${target.fn}()`)
		);
		await direct.end();
	});
}

function decode(token: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
		string,
		unknown
	>;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
