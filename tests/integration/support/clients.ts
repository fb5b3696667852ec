import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import WebSocket from 'ws';
import type { ProvidedStack } from '../setup/global-setup';
import type { TestDatabase } from './database';

export type TestClient = SupabaseClient<TestDatabase>;

export const demoPassword = 'demo1234';

export function stack(): ProvidedStack {
	return inject('stack');
}

/**
 * A supabase-js client as the app creates it, adapted to Node 20: no native WebSocket (realtime gets `ws`), no
 * storage to persist a session in, and no background refresh timer that would outlive the test.
 */
export function anonClient(key: string = stack().anonKey): TestClient {
	return createClient<TestDatabase>(stack().url, key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
}

/** A client that sends `token` as its access token, for hand-made (forged, expired, tampered) JWTs. */
export function clientWithToken(token: string): TestClient {
	return createClient<TestDatabase>(stack().url, stack().anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: { headers: { Authorization: `Bearer ${token}` } },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
}

/** A client signed in with email and password; fails the test with GoTrue's message if sign-in fails. */
export async function signedInClient(email: string, password: string = demoPassword): Promise<TestClient> {
	const client = anonClient();
	const { error } = await client.auth.signInWithPassword({ email, password });
	if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
	return client;
}

/** A superuser pool on the test database, for fixtures and for checking what a request changed. End it in afterAll. */
export function adminDb(): pg.Pool {
	return new pg.Pool({ connectionString: stack().databaseUrl, max: 2 });
}

/**
 * The test file's superuser pool, opened before its tests and ended after them: `const db = useAdminDb();` at the
 * top of the file, then `db().query(…)` in the tests.
 */
export function useAdminDb(): () => pg.Pool {
	let pool: pg.Pool | undefined;
	beforeAll(() => {
		pool = adminDb();
	});
	afterAll(async () => {
		await pool?.end();
	});
	return () => {
		if (!pool) throw new Error('the superuser pool is open only while the file’s tests run');
		return pool;
	};
}
