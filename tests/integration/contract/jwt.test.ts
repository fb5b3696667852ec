import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { anonClient, stack } from '../support/clients';
import type { TestDatabase } from '../support/database';
import { hs256, nowSeconds, unsigned, userClaims } from '../support/tokens';
import { useContractFixtures } from '../support/contract-fixtures';

// Tokens the gateway must refuse, with PostgREST's 401 answers (and GoTrue's for /auth/v1/user).

function clientWithToken(token: string) {
	return createClient<TestDatabase>(stack().url, stack().anonKey, {
		auth: { persistSession: false, autoRefreshToken: false },
		global: { headers: { Authorization: `Bearer ${token}` } },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
}

useContractFixtures();

describe('access tokens on RPC', () => {
	it('accepts a well-signed user token (the control for the refusals below)', async () => {
		const { data, error } = await clientWithToken(hs256(userClaims(), stack().jwtSecret)).rpc(
			'contract_whoami'
		);
		expect(error).toBeNull();
		expect(data).toMatchObject({ role: 'authenticated', uid: userClaims().sub });
	});

	it('refuses an expired token with 401 PGRST303 "JWT expired"', async () => {
		const expired = hs256(
			userClaims({ iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }),
			stack().jwtSecret
		);
		const { error, status } = await clientWithToken(expired).rpc('contract_whoami');
		expect(status).toBe(401);
		expect(error).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
	});

	it('refuses a token whose claims were changed after signing with 401 PGRST301', async () => {
		const [header, , signature] = hs256(userClaims(), stack().jwtSecret).split('.');
		const forgedClaims = Buffer.from(JSON.stringify(userClaims({ role: 'service_role' }))).toString(
			'base64url'
		);
		const { error, status } = await clientWithToken(`${header}.${forgedClaims}.${signature}`).rpc(
			'contract_whoami'
		);
		expect(status).toBe(401);
		expect(error?.code).toBe('PGRST301');
	});

	it('refuses a token signed with another secret with 401 PGRST301', async () => {
		const other = hs256(userClaims(), 'another-secret-that-is-at-least-32-characters');
		const { error, status } = await clientWithToken(other).rpc('contract_whoami');
		expect(status).toBe(401);
		expect(error?.code).toBe('PGRST301');
	});

	it('refuses a user token for another audience with 401 PGRST303', async () => {
		const token = hs256(userClaims({ aud: 'another-app' }), stack().jwtSecret);
		const { error, status } = await clientWithToken(token).rpc('contract_whoami');
		expect(status).toBe(401);
		expect(error).toMatchObject({ code: 'PGRST303', message: 'JWT not in audience' });
	});

	it('refuses an unsigned alg:none token with 401 PGRST301', async () => {
		const { error, status } = await clientWithToken(unsigned(userClaims({ role: 'service_role' }))).rpc(
			'contract_whoami'
		);
		expect(status).toBe(401);
		expect(error).toMatchObject({ code: 'PGRST301', message: 'Wrong or unsupported encoding algorithm' });
	});

	it('refuses a malformed token with 401 PGRST301', async () => {
		const { error, status } = await clientWithToken('not-a-jwt').rpc('contract_whoami');
		expect(status).toBe(401);
		expect(error).toMatchObject({ code: 'PGRST301', message: 'Expected 3 parts in JWT; got 1' });
	});
});

describe('the apikey', () => {
	it('is required on every request (401)', async () => {
		const response = await fetch(`${stack().url}/rest/v1/rpc/contract_add?a=1&b=2`);
		expect(response.status).toBe(401);
	});

	it('must be a key signed with the project secret (401)', async () => {
		const forged = hs256(
			{ role: 'service_role', iss: 'supabase-demo' },
			'not-the-project-secret-at-least-32-chars'
		);
		const { status } = await anonClient(forged).rpc('contract_add', { a: 1, b: 2 });
		expect(status).toBe(401);
		const signIn = await anonClient(forged).auth.signInWithPassword({
			email: 'alice@contract.test',
			password: 'x'
		});
		expect(signIn.error?.status).toBe(401);
	});
});

describe('access tokens on /auth/v1/user', () => {
	it('refuses an expired token with 403 bad_jwt, as GoTrue does', async () => {
		const expired = hs256(
			userClaims({ iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }),
			stack().jwtSecret
		);
		const { error } = await anonClient().auth.getUser(expired);
		expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
	});

	it('refuses an alg:none token with 403 bad_jwt', async () => {
		const { error } = await anonClient().auth.getUser(unsigned(userClaims()));
		expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
	});
});
