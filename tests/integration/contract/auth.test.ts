import { AuthApiError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { testRefreshTokenReuseIntervalSeconds } from '../setup/global-setup';
import { anonClient, signedInClient, stack } from '../support/clients';
import { contractPassword, contractPeople } from '../support/contract-people';
import { decodeClaims, nowSeconds } from '../support/tokens';
import { useContractFixtures } from '../support/contract-fixtures';

// Supabase Auth (GoTrue) as supabase-js sees it: the same sessions, claims, errors and error codes.

const { alice, bob, carol, dave } = contractPeople;

useContractFixtures();

describe('password sign-in', () => {
	it('gives a bearer session whose access token carries Supabase claims', async () => {
		const { data, error } = await anonClient().auth.signInWithPassword({
			email: alice.email,
			password: contractPassword
		});
		expect(error).toBeNull();
		const session = data.session;
		expect(session).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
		expect(session?.expires_at).toBeGreaterThanOrEqual(nowSeconds() + 3590);
		expect(session?.refresh_token).toMatch(/^\S{12,}$/);
		expect(data.user).toMatchObject({
			id: alice.id,
			aud: 'authenticated',
			role: 'authenticated',
			email: alice.email,
			app_metadata: { provider: 'email' },
			user_metadata: { name: 'Alice' }
		});
		const claims = decodeClaims(session?.access_token ?? '');
		expect(claims).toMatchObject({
			sub: alice.id,
			role: 'authenticated',
			aud: 'authenticated',
			email: alice.email,
			aal: 'aal1',
			is_anonymous: false,
			app_metadata: { provider: 'email' },
			user_metadata: { name: 'Alice' }
		});
		expect(claims.session_id).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
		expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
	});

	it('refuses a wrong password with invalid_credentials (400)', async () => {
		const { data, error } = await anonClient().auth.signInWithPassword({
			email: alice.email,
			password: 'wrong'
		});
		expect(error).toBeInstanceOf(AuthApiError);
		expect(error).toMatchObject({
			status: 400,
			code: 'invalid_credentials',
			message: 'Invalid login credentials'
		});
		expect(data.session).toBeNull();
	});

	it('answers an unknown email exactly like a wrong password', async () => {
		const { error } = await anonClient().auth.signInWithPassword({
			email: 'nobody@contract.test',
			password: contractPassword
		});
		expect(error).toMatchObject({
			status: 400,
			code: 'invalid_credentials',
			message: 'Invalid login credentials'
		});
	});
});

describe('error bodies', () => {
	it('use the pre-2024 shape {code: <status>, error_code, msg} for clients that send no API version', async () => {
		const response = await fetch(`${stack().url}/auth/v1/token?grant_type=password`, {
			method: 'POST',
			headers: { apikey: stack().anonKey, 'content-type': 'application/json' },
			body: JSON.stringify({ email: alice.email, password: 'wrong' })
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			code: 400,
			error_code: 'invalid_credentials',
			msg: 'Invalid login credentials'
		});
	});
});

describe('getUser', () => {
	it('returns the signed-in user', async () => {
		const client = await signedInClient(alice.email, contractPassword);
		const { data, error } = await client.auth.getUser();
		expect(error).toBeNull();
		expect(data.user).toMatchObject({ id: alice.id, email: alice.email });
		expect(data.user?.identities?.[0]).toMatchObject({ provider: 'email', user_id: alice.id });
	});

	it('refuses a token whose signature does not verify with bad_jwt (403)', async () => {
		const client = await signedInClient(alice.email, contractPassword);
		const { data } = await client.auth.getSession();
		const token = data.session?.access_token ?? '';
		const { error } = await anonClient().auth.getUser(`${token.slice(0, -4)}AAAA`);
		expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
	});
});

describe('refresh tokens', () => {
	it('rotate: a refresh gives a new refresh token and a new access token for the same session', async () => {
		const client = await signedInClient(bob.email, contractPassword);
		const before = (await client.auth.getSession()).data.session;
		const { data, error } = await client.auth.refreshSession({ refresh_token: before?.refresh_token ?? '' });
		expect(error).toBeNull();
		expect(data.session?.refresh_token).not.toBe(before?.refresh_token);
		expect(data.session?.access_token).toBeTruthy();
		expect(decodeClaims(data.session?.access_token ?? '').session_id).toBe(
			decodeClaims(before?.access_token ?? '').session_id
		);
	});

	it('give back the current token when the previous one is replayed (a lost response), as GoTrue does', async () => {
		const client = await signedInClient(bob.email, contractPassword);
		const first = (await client.auth.getSession()).data.session?.refresh_token ?? '';
		const second = await anonClient().auth.refreshSession({ refresh_token: first });
		const replay = await anonClient().auth.refreshSession({ refresh_token: first });
		expect(replay.error).toBeNull();
		expect(replay.data.session?.refresh_token).toBe(second.data.session?.refresh_token);
	});

	it('used again after the reuse interval fail with refresh_token_already_used and end the session', async () => {
		const client = await signedInClient(carol.email, contractPassword);
		const first = (await client.auth.getSession()).data.session?.refresh_token ?? '';
		const second =
			(await anonClient().auth.refreshSession({ refresh_token: first })).data.session?.refresh_token ?? '';
		const third =
			(await anonClient().auth.refreshSession({ refresh_token: second })).data.session?.refresh_token ?? '';
		expect(third).toBeTruthy();
		await new Promise((resolve) => setTimeout(resolve, testRefreshTokenReuseIntervalSeconds * 1000 + 300));

		const stolen = await anonClient().auth.refreshSession({ refresh_token: first });
		expect(stolen.error).toBeInstanceOf(AuthApiError);
		expect(stolen.error).toMatchObject({
			status: 400,
			code: 'refresh_token_already_used',
			message: 'Invalid Refresh Token: Already Used'
		});
		// Reuse looks like theft: the whole session is revoked, so even the newest token stops working.
		const newest = await anonClient().auth.refreshSession({ refresh_token: third });
		expect(newest.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
	});

	it('that never existed fail with refresh_token_not_found', async () => {
		const { error } = await anonClient().auth.refreshSession({ refresh_token: 'not-a-token-we-issued' });
		expect(error).toMatchObject({
			status: 400,
			code: 'refresh_token_not_found',
			message: 'Invalid Refresh Token: Refresh Token Not Found'
		});
	});
});

describe('signOut', () => {
	it('ends the session: its refresh token and access token stop working', async () => {
		const client = await signedInClient(dave.email, contractPassword);
		const session = (await client.auth.getSession()).data.session;
		const { error } = await client.auth.signOut();
		expect(error).toBeNull();

		const refresh = await anonClient().auth.refreshSession({ refresh_token: session?.refresh_token ?? '' });
		expect(refresh.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
		// GoTrue answers 403 session_not_found, which supabase-js turns into an AuthSessionMissingError.
		const user = await anonClient().auth.getUser(session?.access_token);
		expect(user.error?.name).toBe('AuthSessionMissingError');
		expect(user.data.user).toBeNull();
	});
});
