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

/** A gateway answering every call with `body` as JSON. */
async function answeringGateway(body: unknown): Promise<string> {
	server = createServer((_request, response) => {
		response.writeHead(200, { 'content-type': 'application/json' });
		response.end(JSON.stringify(body));
	});
	await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const clientOf = (url: string) =>
	createAuthRpcClient(url, 'anon-key', {
		persistSession: false,
		autoRefreshToken: false,
		detectSessionInUrl: false
	});

describe('the sync backend over Supabase', () => {
	it('gives up on a push or pull that is never answered, as a network failure the engine retries', async () => {
		const gateway = await silentGateway();
		const client = clientOf(gateway.url);
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

	it('takes a page whose rows are objects as sent, and treats a row of another shape as a failing server', async () => {
		const row = { id: 'r1', materials: [{ key: 'form' }], note: null };
		const page = { changes: [{ table: 'service_items', row }], cursor: 'c1', has_more: false, epoch: 1 };
		const good = clientOf(await answeringGateway(page));
		expect(await supabaseBackend(() => good).pull('', 10)).toEqual(page);
		for (const odd of [['r1'], 'r1', null]) {
			server?.closeAllConnections();
			await new Promise((resolve) => server?.close(resolve));
			const bad = clientOf(
				await answeringGateway({ ...page, changes: [{ table: 'service_items', row: odd }] })
			);
			const failure = await supabaseBackend(() => bad)
				.pull('', 10)
				.then(
					() => null,
					(error: unknown) => error
				);
			expect(failure).toMatchObject({ failure: 'server', code: 'bad_response' });
		}
	});
});
