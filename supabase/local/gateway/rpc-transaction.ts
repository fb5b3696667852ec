import type { IncomingMessage } from 'node:http';
import pg, { escapeLiteral } from 'pg';
import type { GatewayContext } from './context';
import { fromDatabaseError, isDatabaseError, postgrestError, type PostgrestError } from './errors';
import type { RequestIdentity } from './identity';

export type CallResult = { body: string | null } | { error: PostgrestError };

/**
 * Runs one RPC statement the way PostgREST does: in its own transaction, as the caller's role with that role's
 * settings, with the request's claims and headers in `request.*` settings. Sent as one simple-protocol message
 * (values inlined as escaped literals), so a call costs one round trip to PostgreSQL instead of four. A caller
 * has a few connections at most (CallerSlots); waiting longer than PostgREST would for one answers 504.
 */
export async function runAsCaller(
	context: GatewayContext,
	identity: RequestIdentity,
	readOnly: boolean,
	request: IncomingMessage,
	url: URL,
	statement: string
): Promise<CallResult> {
	const releaseSlot = await context.callerSlots.acquire(callerKey(identity, request), acquireTimeoutMs);
	if (!releaseSlot) return { error: acquisitionTimeout() };
	try {
		return await runOnConnection(context, identity, readOnly, request, url, statement);
	} finally {
		releaseSlot();
	}
}

async function runOnConnection(
	context: GatewayContext,
	identity: RequestIdentity,
	readOnly: boolean,
	request: IncomingMessage,
	url: URL,
	statement: string
): Promise<CallResult> {
	let db: pg.PoolClient;
	try {
		db = await context.restPool.connect();
	} catch (error) {
		if (error instanceof Error && /timeout exceeded when trying to connect/.test(error.message)) {
			return { error: acquisitionTimeout() };
		}
		return {
			error: postgrestError(
				503,
				'PGRST000',
				'Database connection error. Retrying the connection.',
				String(error)
			)
		};
	}
	try {
		const script = [
			await beginAsCaller(context, db, identity, readOnly, request, url.pathname.replace(/^\/rest\/v1/, '')),
			statement,
			'commit'
		].join(';\n');
		// A multi-statement simple query resolves to one result per statement (pg's typings only know one).
		const results = (await db.query(script)) as unknown as pg.QueryResult<{ body?: string | null }>[];
		return { body: results[2]?.rows[0]?.body ?? null };
	} catch (error) {
		await db.query('rollback').catch(() => undefined);
		if (isDatabaseError(error))
			return { error: fromDatabaseError(error, identity.role !== identity.anonRole) };
		throw error;
	} finally {
		db.release();
	}
}

/**
 * The BEGIN and settings of a transaction run as the caller (their role, that role's settings, the JWT claims
 * and request headers in `request.*`), as one SQL text; Storage runs its object queries the same way.
 */
export async function beginAsCaller(
	context: GatewayContext,
	db: pg.PoolClient,
	identity: RequestIdentity,
	readOnly: boolean,
	request: IncomingMessage,
	path: string
): Promise<string> {
	const role = await context.roleSettings.forRole(identity.role, db);
	const settings: [string, string][] = [
		['role', identity.role],
		['request.jwt.claims', JSON.stringify(identity.claims)],
		// The per-claim settings of PostgREST < 10; Supabase's auth.uid() still falls back to them.
		['request.jwt.claim.sub', typeof identity.claims.sub === 'string' ? identity.claims.sub : ''],
		['request.jwt.claim.role', identity.role],
		['request.jwt.claim.email', typeof identity.claims.email === 'string' ? identity.claims.email : ''],
		['request.method', request.method ?? 'GET'],
		['request.path', path],
		['request.headers', JSON.stringify(lowerCaseHeaders(request))],
		// SET ROLE does not apply the role's own `ALTER ROLE … SET` values (statement_timeout, lock_timeout…).
		...role.settings
	];
	return [
		`begin isolation level ${role.isolation} ${readOnly ? 'read only' : 'read write'}`,
		`select ${settings.map(([name, value]) => `set_config(${escapeLiteral(name)}, ${escapeLiteral(value)}, true)`).join(', ')}`
	].join(';\n');
}

/** PostgREST's db-pool-acquisition-timeout (default 10 s): how long a call may wait for a connection. */
export const acquireTimeoutMs = 10_000;

export const acquisitionTimeout = (): PostgrestError =>
	postgrestError(504, 'PGRST003', 'Timed out acquiring connection from connection pool.');

/** Whose call this is, for the per-caller limit: the token's user, or for keys without one the client address. */
export function callerKey(identity: RequestIdentity, request: IncomingMessage): string {
	const sub = identity.claims.sub;
	return typeof sub === 'string' && sub !== ''
		? `${identity.role}:${sub}`
		: `${identity.role}@${request.socket.remoteAddress ?? ''}`;
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) {
		if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}
