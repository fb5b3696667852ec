import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { stack } from '../support/clients';
import { useContractFixtures } from '../support/contract-fixtures';

// Whatever a client sends, the gateway answers with at worst a 4xx, quickly, and keeps serving others.

useContractFixtures();

function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(`${stack().url}${path}`, {
		method: 'POST',
		headers: { apikey: stack().anonKey, 'content-type': 'application/json', ...headers },
		body
	});
}

const rpc = (name: string) => `/rest/v1/rpc/${name}`;
const signIn = '/auth/v1/token?grant_type=password';

describe('request bodies over 10 MB', () => {
	const huge = JSON.stringify({ ops: 'x'.repeat(11 * 1024 * 1024) });

	it.each([rpc('contract_echo_json'), signIn])(
		'are answered on %s with 413 and a JSON body',
		async (path) => {
			const response = await post(path, huge);
			expect(response.status).toBe(413);
			expect(await response.json()).toMatchObject({
				code: 'LOCAL413',
				message: 'Request body larger than 10485760 bytes'
			});
		}
	);
});

describe('JSON nested deeper than the gateway reads', () => {
	const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;

	it('is refused on RPC with 400 PGRST102', async () => {
		const response = await post(rpc('contract_echo_json'), deep);
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ code: 'PGRST102', message: 'Empty or invalid json' });
	});

	it('is refused on sign-in with 400 bad_json', async () => {
		const response = await post(signIn, deep, { 'x-supabase-api-version': '2024-01-01' });
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ code: 'bad_json' });
	});

	it('is read when it is as deep as a real payload (the control)', async () => {
		const nested = `${'{"a":'.repeat(50)}1${'}'.repeat(50)}`;
		const response = await post(rpc('contract_echo_json'), nested);
		expect(response.status).toBe(200);
		expect(await response.text()).toBe(`${'{"a": '.repeat(50)}1${'}'.repeat(50)}`);
	});
});

describe('numbers beyond a double', () => {
	it('reach PostgreSQL exactly as sent', async () => {
		const response = await post(rpc('contract_echo_json'), '{"n": 1e400, "m": 0.1000000000000000000001}');
		expect(response.status).toBe(200);
		expect(await response.text()).toBe(`{"m": 0.1000000000000000000001, "n": 1${'0'.repeat(400)}}`);
	});

	it('are refused by PostgreSQL when the parameter cannot take them, never passed on as null', async () => {
		const response = await post(rpc('contract_add'), '{"a": 1e400, "b": 1}');
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({
			code: '22P02',
			message: 'invalid input syntax for type integer: "1e400"'
		});
	});
});

describe('a function name that is not valid percent-encoding', () => {
	it.each(['%E0%A4%A', 'contract_%ZZadd', '%FF'])(
		'is looked up as PostgREST would: 404 PGRST202 (%s)',
		async (name) => {
			const response = await post(rpc(name), '{}');
			expect(response.status).toBe(404);
			expect(await response.json()).toMatchObject({ code: 'PGRST202' });
		}
	);
});

/** Sends `request` as is on a new connection and resolves with everything the server answered. */
function rawExchange(request: string): Promise<string> {
	const { port } = new URL(stack().url);
	return new Promise((resolve, reject) => {
		const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(request));
		let answer = '';
		socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
		socket.on('error', reject);
		socket.on('close', () => resolve(answer));
	});
}

describe('a request target that is not a URL', () => {
	it('is answered with 400', async () => {
		const answer = await rawExchange('GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
		expect(answer).toMatch(/^HTTP\/1\.1 400 /);
		expect(answer).toContain('"code":"LOCAL400"');
	});
});

/** Opens a connection, sends `start`, then one more byte every 500 ms; resolves with what the server did. */
function dripFeed(start: string): Promise<{ closedAfterMs: number; answer: string }> {
	const { port } = new URL(stack().url);
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(start));
		let answer = '';
		const drip = setInterval(() => socket.write('a'), 500);
		const giveUp = setTimeout(() => {
			clearInterval(drip);
			socket.destroy();
			reject(new Error(`the server kept a drip-fed connection open for ${Date.now() - started} ms`));
		}, 25_000);
		socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
		// Writes may fail once the server has closed its side; what counts is that it closed.
		socket.on('error', () => undefined);
		socket.on('close', () => {
			clearInterval(drip);
			clearTimeout(giveUp);
			resolve({ closedAfterMs: Date.now() - started, answer });
		});
	});
}

describe('clients that send slowly', () => {
	it(
		'are disconnected within seconds, whether they drip the headers or the body',
		{ timeout: 40_000 },
		async () => {
			const [headers, body] = await Promise.all([
				dripFeed('POST /rest/v1/rpc/contract_add HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '),
				dripFeed(
					`POST /rest/v1/rpc/contract_echo_json HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: ${stack().anonKey}\r\n` +
						'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"a":"'
				)
			]);
			expect(headers.closedAfterMs).toBeLessThan(15_000);
			expect(body.closedAfterMs).toBeLessThan(15_000);
			expect(body.answer).toMatch(/^HTTP\/1\.1 408/);
		}
	);
});
