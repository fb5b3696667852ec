import { isAuthApiError, isAuthRetryableFetchError, type SupportedStorage } from '@supabase/auth-js';
import { describe, expect, it } from 'vitest';
import { createAuthRpcClient, type AuthRpcClient } from '../../../src/lib/backend/auth-rpc-client';
import { freePort } from '../../../supabase/local/ports';
import { people } from '../rls/demo-people';
import { demoPassword, stack } from '../support/clients';

// The app's own client (Auth + RPC from @supabase/auth-js and @supabase/postgrest-js instead of all of
// supabase-js) against the gateway: what the app relies on from supabase-js must hold for it too.

const STORAGE_KEY = 'hall-assist.auth';

/** localStorage stand-in: Node has none, and the test reads what the client persisted. */
function memoryStorage(): SupportedStorage & { items: Map<string, string> } {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, value),
		removeItem: (key) => void items.delete(key)
	};
}

function appClient(storage: SupportedStorage, url = stack().url): AuthRpcClient {
	return createAuthRpcClient(url, stack().anonKey, {
		persistSession: true,
		// No background timer in a test; refreshing before a call does not depend on it.
		autoRefreshToken: false,
		detectSessionInUrl: false,
		storageKey: STORAGE_KEY,
		storage
	});
}

interface StoredSession {
	access_token: string;
	refresh_token: string;
	expires_at: number;
}

function storedSession(storage: { items: Map<string, string> }): StoredSession {
	return JSON.parse(storage.items.get(STORAGE_KEY) ?? 'null') as StoredSession;
}

describe("the app's Auth + RPC client", () => {
	it('calls RPC with the anon key when signed out (the gateway sees the apikey and refuses anon)', async () => {
		const { error, status } = await appClient(memoryStorage()).rpc('me');
		expect(status).toBe(401);
		expect(error?.code).toBe('42501');
	});

	it('persists the session under the app key and sends its access token with RPC', async () => {
		const storage = memoryStorage();
		const client = appClient(storage);
		const { error } = await client.auth.signInWithPassword({
			email: people.intake.email,
			password: demoPassword
		});
		expect(error).toBeNull();
		expect(storedSession(storage).access_token).toMatch(/^ey/);
		const answer = await client.rpc('me');
		expect(answer.error).toBeNull();
		expect(answer.status).toBe(200);
		const profile: unknown = answer.data;
		expect(profile).toMatchObject({ email: people.intake.email, hall_id: people.intake.hall });
	});

	it('refreshes an expired access token before an RPC, from the stored session alone', async () => {
		const storage = memoryStorage();
		await appClient(storage).auth.signInWithPassword({ email: people.intake.email, password: demoPassword });
		const before = storedSession(storage);
		storage.items.set(
			STORAGE_KEY,
			JSON.stringify({ ...before, expires_at: Math.floor(Date.now() / 1000) - 60 })
		);

		const { error, status } = await appClient(storage).rpc('me');
		expect(error).toBeNull();
		expect(status).toBe(200);
		// Refreshed: the refresh token rotated (the new access token may equal the old one within the same second).
		expect(storedSession(storage).refresh_token).not.toBe(before.refresh_token);
		expect(storedSession(storage).expires_at).toBeGreaterThan(Date.now() / 1000);
	});

	it("reports auth-js's own errors: invalid credentials, and an unreachable server as retryable", async () => {
		const wrong = await appClient(memoryStorage()).auth.signInWithPassword({
			email: people.intake.email,
			password: 'not-the-password'
		});
		expect(isAuthApiError(wrong.error)).toBe(true);
		expect(wrong.error?.code).toBe('invalid_credentials');

		const nowhere = appClient(memoryStorage(), `http://127.0.0.1:${await freePort()}`);
		const offline = await nowhere.auth.signInWithPassword({
			email: people.intake.email,
			password: demoPassword
		});
		expect(isAuthRetryableFetchError(offline.error)).toBe(true);
		// PostgREST reports a request that never reached the server as status 0, which me() reads as "network".
		const rpc = await nowhere.rpc('me');
		expect(rpc.status).toBe(0);
		expect(rpc.error).not.toBeNull();
	});

	it('signs out: the server revokes the session and the device forgets it', async () => {
		const storage = memoryStorage();
		const client = appClient(storage);
		await client.auth.signInWithPassword({ email: people.intake.email, password: demoPassword });
		const { error } = await client.auth.signOut();
		expect(error).toBeNull();
		expect(storage.items.has(STORAGE_KEY)).toBe(false);
		expect((await client.rpc('me')).status).toBe(401);
	});
});
