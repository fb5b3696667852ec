import { createHmac } from 'node:crypto';

/**
 * Hand-made tokens for the JWT tests, signed independently of the gateway's own code so a bug there cannot
 * hide behind the same bug here.
 */
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function hs256(
	claims: Record<string, unknown>,
	secret: string,
	header: Record<string, unknown> = {}
): string {
	const head = encode({ alg: 'HS256', typ: 'JWT', ...header });
	const body = encode(claims);
	const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
	return `${head}.${body}.${signature}`;
}

export function unsigned(claims: Record<string, unknown>): string {
	return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

export function decodeClaims(token: string): Record<string, unknown> {
	const payload = token.split('.')[1] ?? '';
	return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function userClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		sub: 'c0000000-0000-4000-8000-000000000001',
		role: 'authenticated',
		aud: 'authenticated',
		email: 'alice@contract.test',
		iat: nowSeconds(),
		exp: nowSeconds() + 600,
		...overrides
	};
}
