import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Rng } from './prng';

/**
 * An HTTP proxy between the simulated devices and the local stack's gateway that breaks the network the way a
 * hall's Wi-Fi and a cloud gateway do. Each device talks to `/d/<n>/…`, so the proxy knows whose request it is
 * (for offline spells) while the app's own client code builds every URL as usual.
 *
 * Faults hit only the calls sync depends on: sync_push, sync_pull and the refresh-token grant. Password sign-in
 * and me() pass untouched: the run is about sync, and a device that cannot sign in proves nothing.
 */
export const FAULT_KINDS = [
	'drop_request', // never forwarded; the connection dies after a while (the request was lost on the way)
	'drop_response', // forwarded and committed by the server; the answer is lost (connection destroyed, or 500)
	'http_500', // answered 500 without forwarding (the server failed before doing anything)
	'http_502', // answered 502 without forwarding (the gateway could not reach the server)
	'http_503', // answered 503 without forwarding (overloaded)
	'reset', // the connection is reset at once
	'delay', // forwarded after a pause of up to 1.5 s
	'duplicate', // forwarded twice (at once or one after the other); the device gets one answer
	'expired_token' // answered 401 PGRST303 "JWT expired" as the gateway does: the engine must refresh and retry
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How often each kind is chosen when a request is faulted. Rare 500s: five in a row set an op aside (by design). */
const WEIGHTS: Record<FaultKind, number> = {
	drop_request: 14,
	drop_response: 14,
	http_500: 4,
	http_502: 10,
	http_503: 10,
	reset: 12,
	delay: 14,
	duplicate: 14,
	expired_token: 8
};

interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

export class FaultProxy {
	readonly faults: Record<FaultKind, number> = Object.fromEntries(
		FAULT_KINDS.map((kind) => [kind, 0])
	) as Record<FaultKind, number>;
	/** Requests refused because their device was offline (not faults: the device chose to be offline). */
	offlineRefusals = 0;
	/** Requests the proxy could not forward (not injected): the device saw a network error it did not cause. */
	upstreamFailures = 0;
	requests = 0;
	/** Faults are injected only while this is true; the final sync runs with it false. */
	faultsOn = true;
	readonly #offline = new Set<number>();
	readonly #target: URL;
	readonly #rng: Rng;
	readonly #faultRate: number;
	#server: http.Server | undefined;
	#port = 0;

	constructor(options: { target: string; rng: Rng; faultRate: number }) {
		this.#target = new URL(options.target);
		this.#rng = options.rng;
		this.#faultRate = options.faultRate;
	}

	async start(): Promise<void> {
		const server = http.createServer((request, response) => {
			void this.#handle(request, response).catch(() => {
				this.upstreamFailures++;
				response.destroy();
			});
		});
		// Longer than a device's client keeps an idle connection (it reads this from Keep-Alive, less a second), so
		// the proxy never closes a connection the client is about to reuse: that would be a fault nobody injected.
		server.keepAliveTimeout = 65_000;
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		this.#server = server;
		this.#port = (server.address() as AddressInfo).port;
	}

	/** The Supabase URL device `n` is built with. */
	url(device: number): string {
		return `http://127.0.0.1:${this.#port}/d/${device}`;
	}

	setOffline(device: number, offline: boolean): void {
		if (offline) this.#offline.add(device);
		else this.#offline.delete(device);
	}

	get totalFaults(): number {
		return Object.values(this.faults).reduce((sum, count) => sum + count, 0);
	}

	async close(): Promise<void> {
		this.#server?.closeAllConnections();
		await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
	}

	async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const routed = /^\/d\/(\d+)(\/.*)$/.exec(request.url ?? '');
		if (!routed) {
			response.writeHead(404).end();
			return;
		}
		const device = Number(routed[1]);
		const path = routed[2] ?? '/';
		const body = await readBody(request);
		this.requests++;
		if (this.#offline.has(device)) {
			this.offlineRefusals++;
			response.destroy();
			return;
		}
		const fault = this.#chooseFault(path);
		if (fault) this.faults[fault]++;
		const forward = () => this.#forward(request, path, body);
		switch (fault) {
			case 'drop_request':
				await sleep(this.#rng.int(50, 800));
				response.destroy();
				return;
			case 'reset':
				request.socket.resetAndDestroy();
				return;
			case 'http_500':
			case 'http_502':
			case 'http_503':
				send(response, gatewayFailure(Number(fault.slice(5))));
				return;
			case 'expired_token':
				send(response, expiredJwt());
				return;
			case 'drop_response': {
				const lostOnTheWay = this.#rng.chance(0.5);
				await forward().catch(() => undefined);
				if (lostOnTheWay) response.destroy();
				else send(response, gatewayFailure(500));
				return;
			}
			case 'delay':
				await sleep(this.#rng.int(100, 1500));
				break;
			case 'duplicate': {
				if (this.#rng.chance(0.5)) {
					const [first] = await Promise.allSettled([forward(), forward()]);
					return first.status === 'fulfilled' ? send(response, first.value) : void response.destroy();
				}
				await forward().catch(() => undefined);
				break;
			}
			case undefined:
				break;
		}
		send(response, await forward());
	}

	#chooseFault(path: string): FaultKind | undefined {
		if (!this.faultsOn) return undefined;
		const rpc = path.startsWith('/rest/v1/rpc/sync_');
		const refresh = path.startsWith('/auth/v1/token') && path.includes('grant_type=refresh_token');
		if (!rpc && !refresh) return undefined;
		if (!this.#rng.chance(this.#faultRate)) return undefined;
		const kind = this.#rng.weighted(WEIGHTS);
		// An expired access token is an RPC's answer; the refresh grant does not take one.
		return kind === 'expired_token' && !rpc ? 'http_503' : kind;
	}

	#forward(request: IncomingMessage, path: string, body: Buffer): Promise<Answer> {
		return new Promise((resolve, reject) => {
			const upstream = http.request(
				{
					host: this.#target.hostname,
					port: this.#target.port,
					method: request.method,
					path,
					headers: { ...request.headers, host: this.#target.host, 'content-length': body.length },
					// A connection per request: reusing one the gateway is closing as idle would lose the request.
					agent: false
				},
				(answer) => {
					readBody(answer).then(
						(data) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: data }),
						reject
					);
				}
			);
			upstream.on('error', reject);
			upstream.end(body);
		});
	}
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.on('error', reject);
	});
}

function send(response: ServerResponse, answer: Answer): void {
	const headers = { ...answer.headers };
	// The proxy sends the whole body at once; hop-by-hop framing of the upstream answer does not apply.
	delete headers['transfer-encoding'];
	delete headers['connection'];
	response.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
	response.end(answer.body);
}

/** What Supabase's API gateway answers when PostgREST is unreachable or overloaded. */
function gatewayFailure(status: number): Answer {
	return json(status, { message: `torture proxy: injected HTTP ${status}` });
}

/** The local gateway's (and PostgREST's) answer to an expired access token (supabase/local/gateway/jwt-errors.ts). */
function expiredJwt(): Answer {
	const answer = json(401, { code: 'PGRST303', details: null, hint: null, message: 'JWT expired' });
	answer.headers['www-authenticate'] = 'Bearer error="invalid_token", error_description="JWT expired"';
	return answer;
}

function json(status: number, body: unknown): Answer {
	return {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8' },
		body: Buffer.from(JSON.stringify(body))
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
