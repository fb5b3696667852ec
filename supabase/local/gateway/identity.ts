import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from './context';
import type { PostgrestError } from './errors';
import { fromJwtFailure, notInAudience } from './jwt-errors';
import { bearerToken, headerValue, sendJson } from './http';
import { hasAudience, verifyJwt, type Claims } from './jwt';

/** Who a REST request runs as: the database role and the claims handed to auth.uid()/auth.jwt(). */
export interface RequestIdentity {
	role: string;
	claims: Claims;
	anonRole: string;
}

const anonRole = 'anon';

/** Roles the apikey may carry; the API gateway in front of Supabase accepts only the project's two keys. */
const apiKeyRoles = new Set(['anon', 'service_role']);

export type ApiKeyCheck = { ok: true; claims: Claims } | { ok: false; missing: boolean };

/** Kong's key-auth: every /auth/v1 and /rest/v1 request carries the anon or service_role key. */
export function checkApiKey(context: GatewayContext, request: IncomingMessage, url: URL): ApiKeyCheck {
	const key = headerValue(request, 'apikey') ?? url.searchParams.get('apikey') ?? undefined;
	if (!key) return { ok: false, missing: true };
	const verified = verifyJwt(key, context.jwtSecret);
	if (!verified.ok || typeof verified.claims.role !== 'string' || !apiKeyRoles.has(verified.claims.role)) {
		return { ok: false, missing: false };
	}
	return { ok: true, claims: verified.claims };
}

/**
 * PostgREST's view of the caller: the bearer token's claims (or, without one, the apikey's, which is what the
 * gateway forwards), refused with PostgREST's 401 errors when the token is bad, expired or for another audience.
 */
export function resolveIdentity(
	context: GatewayContext,
	request: IncomingMessage,
	apiKeyClaims: Claims
): RequestIdentity | { error: PostgrestError } {
	const bearer = bearerToken(request);
	let claims = apiKeyClaims;
	if (bearer !== undefined) {
		const verified = verifyJwt(bearer, context.jwtSecret);
		if (!verified.ok) return { error: fromJwtFailure(verified.failure) };
		claims = verified.claims;
	}
	const role = typeof claims.role === 'string' && claims.role !== '' ? claims.role : anonRole;
	// A user token must be meant for "authenticated" (PostgREST, like any aud check, lets a token without aud pass).
	if (role === 'authenticated' && claims.aud !== undefined && !hasAudience(claims, 'authenticated')) {
		return { error: notInAudience() };
	}
	return { role, claims: { ...claims, role }, anonRole };
}

/** What the API gateway (Kong) in front of Supabase answers when the apikey is missing or not valid. */
export function sendApiKeyError(response: ServerResponse, missing: boolean): void {
	sendJson(response, 401, {
		message: missing ? 'No API key found in request' : 'Invalid authentication credentials'
	});
}
