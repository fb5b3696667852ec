import type { GatewayContext } from './context';
import { AuthError } from './auth-errors';
import {
	inTransaction,
	insertRefreshToken,
	loadUser,
	sessionResponse,
	type SessionResponse,
	type SessionRow
} from './auth-session';

interface RefreshTokenRow {
	token: string;
	revoked: boolean;
	reusable: boolean;
	session_id: string;
	user_id: string;
	session_created_at: Date;
	banned: boolean;
}

/**
 * GoTrue's rotation rules: a token is swapped for a new one and revoked. Presenting a revoked token again gives
 * back the session's current token when it is that token's parent (the client lost the response), or a new one
 * within the reuse interval; later it is treated as theft: the whole session is revoked and the answer is
 * `refresh_token_already_used`.
 */
export async function refreshTokenGrant(
	context: GatewayContext,
	body: Record<string, unknown>
): Promise<SessionResponse> {
	const presented = typeof body.refresh_token === 'string' ? body.refresh_token : '';
	if (!presented) throw new AuthError(400, 'validation_failed', 'refresh_token required');
	const outcome = await inTransaction(context.authPool, async (db) => {
		const found = await db.query<RefreshTokenRow>(
			`select t.token, t.revoked, s.id as session_id, s.user_id, s.created_at as session_created_at,
			        now() <= coalesce(t.updated_at, t.created_at) + make_interval(secs => $2) as reusable,
			        coalesce(u.banned_until > now(), false) as banned
			   from auth.refresh_tokens t
			   join auth.sessions s on s.id = t.session_id
			   join auth.users u on u.id = s.user_id
			  where t.token = $1
			  for update of t, s`,
			[presented, context.refreshTokenReuseIntervalSeconds]
		);
		const row = found.rows[0];
		if (!row)
			throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
		if (row.banned) throw new AuthError(400, 'user_banned', 'Invalid Refresh Token: User Banned');
		const session: SessionRow = {
			id: row.session_id,
			user_id: row.user_id,
			created_at: row.session_created_at
		};
		let issued: string | undefined;
		if (row.revoked) {
			const active = await db.query<{ token: string; parent: string | null }>(
				`select token, parent from auth.refresh_tokens
				  where session_id = $1 and revoked = false order by id desc limit 1`,
				[row.session_id]
			);
			if (active.rows[0]?.parent === row.token) {
				issued = active.rows[0].token;
			} else if (!row.reusable) {
				// Like GoTrue's RevokeTokenFamily, updated_at is left alone: the reuse window stays where it was.
				await db.query(
					'update auth.refresh_tokens set revoked = true where session_id = $1 and revoked = false',
					[row.session_id]
				);
				return { reused: true as const };
			}
		}
		if (issued === undefined) {
			await db.query(
				'update auth.refresh_tokens set revoked = true, updated_at = now() where token = $1 and revoked = false',
				[row.token]
			);
			issued = await insertRefreshToken(db, session, row.token);
		}
		await db.query('update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1', [
			session.id
		]);
		const user = await loadUser(db, row.user_id);
		if (!user)
			throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
		return { reused: false as const, response: sessionResponse(context, user, session, issued) };
	});
	// The family is revoked and committed before answering, as GoTrue does (commit-with-error).
	if (outcome.reused)
		throw new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
	return outcome.response;
}
