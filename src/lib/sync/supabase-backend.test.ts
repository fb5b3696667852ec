import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthRpcClient } from '$lib/backend/auth-rpc-client';
import { SyncTransportError } from './backend';
import { supabaseBackend } from './supabase-backend';

let server: Server | undefined;
afterEach(async () => {
	server?.closeAllConnections();
	await new Promise((resolve) => server?.close(resolve));
	server = undefined;
});

/** A gateway that takes requests and never answers them, as a request lost on the hall's Wi-Fi looks. */
async function silentGateway(): Promise<{ url: string; requests: () => number }> {
	let requests = 0;
	server = createServer(() => {
		requests++;
	});
	await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, requests: () => requests };
}

describe('the sync backend over Supabase', () => {
	it('gives up on a push or pull that is never answered, as a network failure the engine retries', async () => {
		const gateway = await silentGateway();
		const client = createAuthRpcClient(gateway.url, 'anon-key', {
			persistSession: false,
			autoRefreshToken: false,
			detectSessionInUrl: false
		});
		const backend = supabaseBackend(() => client, { requestTimeoutMs: 200 });

		for (const call of [() => backend.push([]), () => backend.pull('', 10)]) {
			const failure = await call().then(
				() => null,
				(error: unknown) => error
			);
			expect(failure).toBeInstanceOf(SyncTransportError);
			expect((failure as SyncTransportError).failure).toBe('network');
		}
		expect(gateway.requests()).toBe(2);
	});
});
