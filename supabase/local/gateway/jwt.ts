import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims as they come out of a verified token: any JSON object. */
export type Claims = Record<string, unknown>;

/** Why a token was refused, in the terms PostgREST and GoTrue distinguish. */
export type JwtFailure =
	| { kind: 'empty' }
	| { kind: 'parts'; count: number }
	| { kind: 'algorithm'; algorithm: string }
	| { kind: 'signature' }
	| { kind: 'unreadable' }
	| { kind: 'expired' }
	| { kind: 'not-yet-valid' }
	| { kind: 'issued-in-future' }
	| { kind: 'claim-type'; claim: 'exp' | 'nbf' | 'iat' | 'aud' };

export type JwtResult = { ok: true; claims: Claims } | { ok: false; failure: JwtFailure };

/** PostgREST tolerates this much clock skew on exp/nbf/iat; GoTrue (golang-jwt) tolerates none. */
export const postgrestSkewSeconds = 30;

export function signJwt(claims: Claims, secret: string): string {
	const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
	const payload = base64url(JSON.stringify(claims));
	return `${header}.${payload}.${hmac(`${header}.${payload}`, secret)}`;
}

/**
 * Verifies an HS256 token. Only HS256 is accepted: `alg: none` and any other algorithm are refused before the
 * signature is looked at, so a token cannot choose how it is checked.
 */
export function verifyJwt(
	token: string,
	secret: string,
	{ nowSeconds = Math.floor(Date.now() / 1000), skewSeconds = postgrestSkewSeconds } = {}
): JwtResult {
	if (token === '') return fail({ kind: 'empty' });
	const parts = token.split('.');
	if (parts.length !== 3) return fail({ kind: 'parts', count: parts.length });
	const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
	const header = decodeJson(headerPart);
	if (!header) return fail({ kind: 'unreadable' });
	const algorithm = typeof header.alg === 'string' ? header.alg : String(header.alg);
	if (algorithm !== 'HS256') return fail({ kind: 'algorithm', algorithm });
	const expected = Buffer.from(hmac(`${headerPart}.${payloadPart}`, secret));
	const given = Buffer.from(signaturePart);
	if (expected.length !== given.length || !timingSafeEqual(expected, given))
		return fail({ kind: 'signature' });
	const claims = decodeJson(payloadPart);
	if (!claims) return fail({ kind: 'unreadable' });
	const timeFailure = checkTimes(claims, nowSeconds, skewSeconds);
	if (timeFailure) return fail(timeFailure);
	return { ok: true, claims };
}

function checkTimes(claims: Claims, now: number, allowedSkewSeconds: number): JwtFailure | undefined {
	for (const claim of ['exp', 'nbf', 'iat'] as const) {
		const value = claims[claim];
		if (value === undefined || value === null) continue;
		if (typeof value !== 'number') return { kind: 'claim-type', claim };
		if (claim === 'exp' && now - allowedSkewSeconds > value) return { kind: 'expired' };
		if (claim === 'nbf' && now + allowedSkewSeconds < value) return { kind: 'not-yet-valid' };
		if (claim === 'iat' && now + allowedSkewSeconds < value) return { kind: 'issued-in-future' };
	}
	const aud = claims.aud;
	const audOk =
		aud === undefined ||
		typeof aud === 'string' ||
		(Array.isArray(aud) && aud.every((a) => typeof a === 'string'));
	return audOk ? undefined : { kind: 'claim-type', claim: 'aud' };
}

/** True when the token names `audience` in its aud claim (a string or an array of strings). */
export function hasAudience(claims: Claims, audience: string): boolean {
	const aud = claims.aud;
	return aud === audience || (Array.isArray(aud) && aud.includes(audience));
}

function fail(failure: JwtFailure): JwtResult {
	return { ok: false, failure };
}

function decodeJson(part: string): Claims | undefined {
	try {
		const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Claims)
			: undefined;
	} catch {
		return undefined;
	}
}

function base64url(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64url');
}

function hmac(input: string, secret: string): string {
	return createHmac('sha256', secret).update(input).digest('base64url');
}
