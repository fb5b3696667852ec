import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from './context';
import {
	inTransaction,
	insertRefreshToken,
	loadUser,
	sessionResponse,
	type SessionResponse,
	type SessionRow
} from './auth-session';
import { AuthError, goJwtReason, sendAuthError } from './auth-errors';
import { refreshTokenGrant } from './auth-refresh';
import { bearerToken, sendJson, sendNoContent } from './http';
import { parseJson } from './json-text';
import { verifyJwt, type Claims } from './jwt';
import { readBody } from './request-body';
import { userColumns, userJson, type UserRow } from './user-json';

/** Routes /auth/v1/*; answers false when the path is not one the local stack serves. */
export async function handleAuth(
	context: GatewayContext,
	request: IncomingMessage,
	response: ServerResponse,
	url: URL
): Promise<boolean> {
	const route = `${request.method ?? 'GET'} ${url.pathname}`;
	try {
		switch (route) {
			case 'POST /auth/v1/token':
				sendJson(response, 200, await token(context, request, url));
				return true;
			case 'GET /auth/v1/user':
				sendJson(response, 200, userJson((await authenticate(context, request)).user));
				return true;
			case 'POST /auth/v1/logout':
				await logout(context, request, url);
				sendNoContent(response);
				return true;
			default:
				return false;
		}
	} catch (error) {
		if (error instanceof AuthError) {
			sendAuthError(request, response, error.status, error.errorCode, error.message);
			return true;
		}
		throw error;
	}
}

async function token(context: GatewayContext, request: IncomingMessage, url: URL): Promise<SessionResponse> {
	const grantType = url.searchParams.get('grant_type');
	if (grantType !== 'password' && grantType !== 'refresh_token') {
		throw new AuthError(400, 'validation_failed', 'unsupported_grant_type');
	}
	// GoTrue counts every token request, sign-in and refresh alike, per client address, before reading it.
	if (!context.tokenLimiter.take(clientIp(request) ?? '')) {
		throw new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached');
	}
	const body = await readJsonObject(request);
	return grantType === 'password' ? passwordGrant(context, request, body) : refreshTokenGrant(context, body);
}

async function passwordGrant(
	context: GatewayContext,
	request: IncomingMessage,
	body: Record<string, unknown>
): Promise<SessionResponse> {
	const email = typeof body.email === 'string' ? body.email.trim() : '';
	const phone = typeof body.phone === 'string' ? body.phone.trim() : '';
	const password = typeof body.password === 'string' ? body.password : '';
	if (!email && !phone) throw new AuthError(400, 'validation_failed', 'missing email or phone');
	return inTransaction(context.authPool, async (db) => {
		const dummyHash = await context.dummyPasswordHash.get(db);
		// Always exactly one row and one bcrypt run: against the user's hash, or against the dummy when there is
		// no such user or it has no password, so the answer's timing does not tell which case it was.
		const found = await db.query<CandidateRow>(
			`select ${userColumns},
			        extensions.crypt($3, coalesce(nullif(u.encrypted_password, ''), $4)) = u.encrypted_password
			          as password_ok,
			        coalesce(u.banned_until > now(), false) as banned
			   from (select) as one_row
			   left join auth.users u
			     on u.deleted_at is null and u.is_sso_user = false
			    and (($1 <> '' and lower(u.email) = lower($1)) or ($2 <> '' and u.phone = $2))
			  limit 1`,
			[email, phone.replace(/^\+/, ''), password, dummyHash]
		);
		const candidate = found.rows[0];
		if (!candidate || candidate.id === null || candidate.password_ok !== true)
			throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
		const user: UserRow = { ...candidate, id: candidate.id };
		if (candidate.banned) throw new AuthError(400, 'user_banned', 'User is banned');
		const session = await db.query<SessionRow>(
			`insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
			 values (gen_random_uuid(), $1, now(), now(), 'aal1', $2, $3::inet) returning id, user_id, created_at`,
			[user.id, request.headers['user-agent'] ?? null, clientIp(request)]
		);
		const sessionRow = session.rows[0];
		if (!sessionRow) throw new Error('session insert returned no row');
		await db.query('update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1', [
			user.id
		]);
		await db.query(
			`update auth.identities set last_sign_in_at = now() where user_id = $1 and provider = 'email'`,
			[user.id]
		);
		const refreshToken = await insertRefreshToken(db, sessionRow, null);
		const current = await loadUser(db, user.id);
		return sessionResponse(context, current ?? user, sessionRow, refreshToken);
	});
}

/** A row of the sign-in query: a user, or all nulls when no account has that e-mail or phone. */
type CandidateRow = Omit<UserRow, 'id'> & { id: string | null; password_ok: boolean | null; banned: boolean };

interface Authenticated {
	user: UserRow;
	claims: Claims;
	sessionId: string | undefined;
}

/** GoTrue's requireAuthentication: a valid bearer token whose user (and session, if named) still exist. */
async function authenticate(context: GatewayContext, request: IncomingMessage): Promise<Authenticated> {
	const bearer = bearerToken(request);
	if (!bearer) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
	const verified = verifyJwt(bearer, context.jwtSecret, { skewSeconds: 0 });
	if (!verified.ok) {
		throw new AuthError(
			403,
			'bad_jwt',
			`invalid JWT: unable to parse or verify signature, ${goJwtReason(verified.failure)}`
		);
	}
	const claims = verified.claims;
	const sub = typeof claims.sub === 'string' ? claims.sub : '';
	if (!sub) throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
	if (!/^[0-9a-f-]{36}$/i.test(sub))
		throw new AuthError(400, 'bad_jwt', 'invalid claim: sub claim must be a UUID');
	const user = await loadUser(context.authPool, sub);
	if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
	const sessionId = typeof claims.session_id === 'string' ? claims.session_id : undefined;
	if (sessionId && sessionId !== '00000000-0000-0000-0000-000000000000') {
		const session = await context.authPool.query('select 1 from auth.sessions where id::text = $1', [
			sessionId
		]);
		if (session.rowCount === 0) {
			throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
		}
	}
	return { user, claims, sessionId };
}

async function logout(context: GatewayContext, request: IncomingMessage, url: URL): Promise<void> {
	const scope = url.searchParams.get('scope') ?? 'global';
	if (!['global', 'local', 'others'].includes(scope)) {
		throw new AuthError(400, 'validation_failed', `Unsupported logout scope "${scope}"`);
	}
	const { user, sessionId } = await authenticate(context, request);
	// Deleting the sessions deletes their refresh tokens (on delete cascade), as GoTrue's logout does.
	if (scope === 'global') {
		await context.authPool.query('delete from auth.sessions where user_id = $1', [user.id]);
	} else if (scope === 'local') {
		await context.authPool.query('delete from auth.sessions where id::text = $1', [sessionId ?? '']);
	} else {
		await context.authPool.query('delete from auth.sessions where user_id = $1 and id::text <> $2', [
			user.id,
			sessionId ?? ''
		]);
	}
}

async function readJsonObject(request: IncomingMessage): Promise<Record<string, unknown>> {
	const text = await readBody(request);
	if (text.trim() === '') return {};
	const parsed = parseJson(text);
	// Invalid, too deeply nested, or not an object: GoTrue's one answer for a body it cannot use.
	if (parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value))
		return parsed.value as Record<string, unknown>;
	throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
}

function clientIp(request: IncomingMessage): string | null {
	const address = request.socket.remoteAddress;
	return address ? address.replace(/^::ffff:/, '') : null;
}
