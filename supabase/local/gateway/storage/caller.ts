import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import type { GatewayContext } from '../context';
import { isDatabaseError } from '../errors';
import { bearerToken } from '../http';
import type { RequestIdentity } from '../identity';
import { verifyJwt, type Claims } from '../jwt';
import { acquireTimeoutMs, beginAsCaller, callerKey } from '../rpc-transaction';
import { fromDatabaseError, storageErrors, type StorageError } from './errors';

/** Thrown inside a caller's transaction to answer with a Storage error; the transaction is rolled back. */
export class StorageRefusal extends Error {
	constructor(readonly failure: StorageError) {
		super(failure.message);
	}
}

/**
 * Storage's view of the caller: the bearer token's claims (or the apikey's when there is none), refused with
 * Storage's InvalidJWT when the token is bad or expired.
 */
export function storageIdentity(
	context: GatewayContext,
	request: IncomingMessage,
	apiKeyClaims: Claims
): RequestIdentity | { failure: StorageError } {
	const bearer = bearerToken(request);
	let claims = apiKeyClaims;
	if (bearer !== undefined) {
		// Storage verifies with no clock tolerance (jsonwebtoken's default).
		const verified = verifyJwt(bearer, context.jwtSecret, { skewSeconds: 0 });
		if (!verified.ok)
			return {
				failure: storageErrors.invalidJwt(
					verified.failure.kind === 'expired' ? 'jwt expired' : 'invalid signature'
				)
			};
		claims = verified.claims;
	}
	const role = typeof claims.role === 'string' && claims.role !== '' ? claims.role : 'anon';
	return { role, claims: { ...claims, role }, anonRole: 'anon' };
}

/**
 * Runs `work` in one transaction as the caller (their role and claims, as PostgREST would), so every query on
 * storage.objects is decided by Storage RLS. `work` may switch to service_role for what Storage itself reads as
 * its superuser (bucket settings, a signed URL's object). Database errors are answered as Storage renders them.
 */
export async function asCaller<T>(
	context: GatewayContext,
	identity: RequestIdentity,
	request: IncomingMessage,
	url: URL,
	readOnly: boolean,
	work: (db: pg.PoolClient) => Promise<T>
): Promise<{ value: T } | { failure: StorageError }> {
	const refusal = await context.roles.refusal(identity.role);
	if (refusal) return { failure: storageErrors.accessDenied(refusal.body.message) };
	const releaseSlot = await context.callerSlots.acquire(callerKey(identity, request), acquireTimeoutMs);
	if (!releaseSlot) return { failure: storageErrors.internal('Timed out acquiring a database connection') };
	let db: pg.PoolClient | undefined;
	try {
		db = await context.restPool.connect();
		await db.query(
			await beginAsCaller(
				context,
				db,
				identity,
				readOnly,
				request,
				url.pathname.replace(/^\/storage\/v1/, '')
			)
		);
		const value = await work(db);
		await db.query('commit');
		return { value };
	} catch (error) {
		await db?.query('rollback').catch(() => undefined);
		if (error instanceof StorageRefusal) return { failure: error.failure };
		if (isDatabaseError(error)) return { failure: fromDatabaseError(error) };
		throw error;
	} finally {
		db?.release();
		releaseSlot();
	}
}

/** Within `asCaller`: runs `query` as service_role (Storage's superuser reads), then back as the caller. */
export async function asStorageAdmin<T>(
	db: pg.PoolClient,
	identity: RequestIdentity,
	query: () => Promise<T>
): Promise<T> {
	await db.query(`select set_config('role', 'service_role', true)`);
	try {
		return await query();
	} finally {
		await db.query(`select set_config('role', $1, true)`, [identity.role]);
	}
}
