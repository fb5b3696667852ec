import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { GatewayContext } from './context';
import { signJwt } from './jwt';
import { defaultAudience, userColumns, userJson, type UserRow } from './user-json';

/** GoTrue's AccessTokenResponse. */
export interface SessionResponse {
	access_token: string;
	token_type: 'bearer';
	expires_in: number;
	expires_at: number;
	refresh_token: string;
	user: Record<string, unknown>;
}

export interface SessionRow {
	id: string;
	user_id: string;
	created_at: Date;
}

export function newRefreshToken(): string {
	return randomBytes(16).toString('base64url');
}

export async function loadUser(db: pg.PoolClient | pg.Pool, userId: string): Promise<UserRow | undefined> {
	const result = await db.query<UserRow>(`select ${userColumns} from auth.users u where u.id = $1`, [userId]);
	return result.rows[0];
}

export async function insertRefreshToken(
	db: pg.PoolClient,
	session: SessionRow,
	parent: string | null
): Promise<string> {
	const token = newRefreshToken();
	await db.query(
		`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
		 values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
		[token, session.user_id, parent, session.id]
	);
	return token;
}

/** Signs an access token with the claims Supabase's Auth puts in it and wraps it in GoTrue's response shape. */
export function sessionResponse(
	context: GatewayContext,
	user: UserRow,
	session: SessionRow,
	refreshToken: string
): SessionResponse {
	const issuedAt = Math.floor(Date.now() / 1000);
	const expiresAt = issuedAt + context.jwtExpirySeconds;
	const claims = {
		iss: `${context.baseUrl}/auth/v1`,
		sub: user.id,
		aud: user.aud || defaultAudience,
		exp: expiresAt,
		iat: issuedAt,
		email: user.email ?? '',
		phone: user.phone ?? '',
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		role: user.role || defaultAudience,
		aal: 'aal1',
		amr: [{ method: 'password', timestamp: Math.floor(session.created_at.getTime() / 1000) }],
		session_id: session.id,
		is_anonymous: user.is_anonymous
	};
	return {
		access_token: signJwt(claims, context.jwtSecret),
		token_type: 'bearer',
		expires_in: context.jwtExpirySeconds,
		expires_at: expiresAt,
		refresh_token: refreshToken,
		user: userJson(user)
	};
}

/** Runs `work` in one transaction on a pooled connection. */
export async function inTransaction<T>(pool: pg.Pool, work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
	const db = await pool.connect();
	try {
		await db.query('begin');
		const result = await work(db);
		await db.query('commit');
		return result;
	} catch (error) {
		await db.query('rollback').catch(() => undefined);
		throw error;
	} finally {
		db.release();
	}
}
