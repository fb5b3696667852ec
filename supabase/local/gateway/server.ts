import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { handleAuth } from './auth';
import { DummyPasswordHash } from './auth-dummy-hash';
import { CallerSlots } from './caller-slots';
import type { GatewayContext } from './context';
import { postgrestError, sendPostgrestError } from './errors';
import { answerFailure } from './failures';
import { FunctionCatalog } from './functions';
import { answerPreflight, applyCors, sendJson } from './http';
import { checkApiKey, resolveIdentity, sendApiKeyError } from './identity';
import { sendNotImplemented } from './not-implemented';
import { defaultTokenRateLimit, RateLimiter, type RateLimit } from './rate-limit';
import { ImpersonatedRoleSettings } from './role-settings';
import { handleRpc } from './rpc';
import { ObjectFiles } from './storage/files';
import { handleStorage, type StorageContext } from './storage/routes';
import { SwitchableRoles } from './switchable-roles';
import { decodePathSegment, requestUrl } from './url-path';

export interface GatewayOptions {
	/** The authenticator login (PostgREST's): RPC calls switch from it to anon, authenticated or service_role. */
	restDatabaseUrl: string;
	/** The supabase_auth_admin login (GoTrue's): rights on the auth tables only. */
	authDatabaseUrl: string;
	port: number;
	jwtSecret: string;
	jwtExpirySeconds?: number;
	refreshTokenReuseIntervalSeconds?: number;
	/** Sign-in and refresh requests per client address (`[auth.rate_limit] token_refresh`); GoTrue's default. */
	tokenRateLimit?: RateLimit;
	/** Where Storage keeps object bytes (under the stack's data folder); without it /storage/v1 answers 501. */
	storageDir?: string;
	log?: (line: string) => void;
}

export interface RunningGateway {
	url: string;
	port: number;
	close(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
	const log = options.log ?? (() => undefined);
	// Separate pools, so that slow RPC calls never make a sign-in wait. The RPC pool is twice PostgREST's
	// default of 10 and one caller may hold only 4 of it: ten slow calls leave room for everyone else.
	const restPool = createPool(options.restDatabaseUrl, 'hall gateway rest', 20, log);
	const authPool = createPool(options.authDatabaseUrl, 'hall gateway auth', 4, log);
	const context: GatewayContext = {
		restPool,
		authPool,
		catalog: new FunctionCatalog(restPool),
		roles: new SwitchableRoles(restPool),
		roleSettings: new ImpersonatedRoleSettings(),
		callerSlots: new CallerSlots(4),
		tokenLimiter: new RateLimiter(options.tokenRateLimit ?? defaultTokenRateLimit),
		dummyPasswordHash: new DummyPasswordHash(),
		jwtSecret: options.jwtSecret,
		jwtExpirySeconds: options.jwtExpirySeconds ?? 3600,
		refreshTokenReuseIntervalSeconds: options.refreshTokenReuseIntervalSeconds ?? 10,
		baseUrl: '',
		log
	};
	const storage: StorageContext | undefined = options.storageDir
		? { gateway: context, files: new ObjectFiles(options.storageDir) }
		: undefined;
	const server = http.createServer(slowClientLimits, (request, response) => {
		handle(context, storage, request, response).catch((error: unknown) =>
			answerFailure(request, response, error, log)
		);
	});
	server.keepAliveTimeout = 5_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://127.0.0.1:${port}`;
	context.baseUrl = url;
	let closing: Promise<void> | undefined;
	return {
		url,
		port,
		close() {
			closing ??= (async () => {
				await new Promise<void>((resolve) => {
					server.close(() => resolve());
					server.closeAllConnections();
				});
				await Promise.all([restPool.end(), authPool.end()]);
			})();
			return closing;
		}
	};
}

/**
 * Clients that send slowly (slowloris) are cut off: the headers must arrive within 5 s, the whole request, body
 * included, within 10 s (Node answers 408 and closes). Node checks every second; its default of 30 s would let
 * such connections linger, as would its default timeouts of 60 s and 300 s.
 */
const slowClientLimits: http.ServerOptions = {
	headersTimeout: 5_000,
	requestTimeout: 10_000,
	connectionsCheckingInterval: 1_000
};

function createPool(
	connectionString: string,
	applicationName: string,
	max: number,
	log: (line: string) => void
): pg.Pool {
	const pool = new pg.Pool({
		connectionString,
		// Names the gateway's sessions in pg_stat_activity (and lets the tests check who they log in as).
		application_name: applicationName,
		max,
		idleTimeoutMillis: 30_000,
		// PostgREST's db-pool-acquisition-timeout: a request does not wait for ever for a connection.
		connectionTimeoutMillis: 10_000
	});
	// An idle connection dropped by the server (e.g. during shutdown) must not crash the process.
	pool.on('error', (error) => log(`[gateway] database connection lost: ${error.message}`));
	return pool;
}

async function handle(
	context: GatewayContext,
	storage: StorageContext | undefined,
	request: IncomingMessage,
	response: ServerResponse
): Promise<void> {
	const url = requestUrl(request);
	const method = request.method ?? 'GET';
	applyCors(response);
	if (!url) return sendJson(response, 400, { code: 'LOCAL400', message: 'Invalid request URL' });
	if (method === 'OPTIONS') return answerPreflight(request, response);

	if (storage && url.pathname.startsWith('/storage/v1/'))
		return handleStorage(storage, request, response, url);
	const isAuth = url.pathname.startsWith('/auth/v1/');
	const rpcMatch = /^\/rest\/v1\/rpc\/([^/]+)$/.exec(url.pathname);
	if (!isAuth && !rpcMatch) return sendNotImplemented(response, method, url.pathname);

	const apiKey = checkApiKey(context, request, url);
	if (!apiKey.ok) return sendApiKeyError(response, apiKey.missing);

	if (isAuth) {
		if (!(await handleAuth(context, request, response, url)))
			sendNotImplemented(response, method, url.pathname);
		return;
	}
	const identity = resolveIdentity(context, request, apiKey.claims);
	if ('error' in identity) return sendPostgrestError(response, identity.error);
	const refusal = await context.roles.refusal(identity.role);
	if (refusal) return sendPostgrestError(response, refusal);
	const name = decodePathSegment(rpcMatch?.[1] ?? '');
	if (!name)
		return sendPostgrestError(
			response,
			postgrestError(404, 'PGRST125', 'Invalid path specified in request URL')
		);
	await handleRpc(context, request, response, url, name, identity);
}
