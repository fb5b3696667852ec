import type { Pool, PoolClient } from 'pg';

/**
 * Who runs the SQL: anon, a signed-in user, or app_writer acting for a signed-in user (as inside sync_push, which
 * runs as app_writer with the caller's claims).
 */
export type Caller =
	{ role: 'anon' } | { role: 'authenticated' | 'app_writer'; userId: string; email?: string };

/**
 * Runs `work` inside a transaction that looks to Postgres exactly like a PostgREST request from `caller`
 * (role switched, JWT claims set), then rolls back. Lets RLS be tested on tables that the API never exposes.
 */
export async function asCaller<T>(
	db: Pool,
	caller: Caller,
	work: (client: PoolClient) => Promise<T>
): Promise<T> {
	const client = await db.connect();
	try {
		await client.query('begin');
		const claims =
			caller.role === 'anon'
				? { role: 'anon' }
				: { role: 'authenticated', sub: caller.userId, email: caller.email, aud: 'authenticated' };
		await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
		await client.query(`set local role ${caller.role}`);
		return await work(client);
	} finally {
		await client.query('rollback').catch(() => undefined);
		client.release();
	}
}

/** The SQLSTATE a query failed with, or 'ok' when it succeeded. */
export async function sqlState(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
		return 'ok';
	} catch (error) {
		return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
	}
}
