import { describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../../supabase/local/gateway/server';
import { useAdminDb, stack } from '../support/clients';
import { contractPassword, contractPeople } from '../support/contract-people';
import { useContractFixtures } from '../support/contract-fixtures';
import { startOwnGateway } from '../support/own-gateway';

// Guessing passwords through /auth/v1/token: GoTrue limits token requests per client address (429
// over_request_rate_limit), and an unknown e-mail must not answer differently, or faster, than a wrong password.
// The shared test stack runs with a limit high enough for the suites; these tests start gateways of their own.

const { alice } = contractPeople;

const db = useAdminDb();

useContractFixtures();

function tokenRequest(
	gateway: RunningGateway,
	grant: 'password' | 'refresh_token',
	body: Record<string, string>
): Promise<Response> {
	return fetch(`${gateway.url}/auth/v1/token?grant_type=${grant}`, {
		method: 'POST',
		headers: { apikey: stack().anonKey, 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}

describe('token requests beyond the rate limit', () => {
	it('are refused with 429 over_request_rate_limit, sign-in and refresh alike, as GoTrue does', async () => {
		const gateway = await startOwnGateway({ tokenRateLimit: { perFiveMinutes: 1, burst: 3 } });
		try {
			for (let attempt = 0; attempt < 3; attempt++) {
				const guess = await tokenRequest(gateway, 'password', {
					email: alice.email,
					password: `guess-${attempt}`
				});
				expect(guess.status).toBe(400);
			}
			const right = await tokenRequest(gateway, 'password', {
				email: alice.email,
				password: contractPassword
			});
			expect(right.status).toBe(429);
			expect(await right.json()).toEqual({
				code: 429,
				error_code: 'over_request_rate_limit',
				msg: 'Request rate limit reached'
			});
			const refresh = await tokenRequest(gateway, 'refresh_token', { refresh_token: 'whatever' });
			expect(refresh.status).toBe(429);
			// Only the token endpoint is limited: RPC calls go on.
			const rpc = await fetch(`${gateway.url}/rest/v1/rpc/contract_add?a=1&b=2`, {
				headers: { apikey: stack().anonKey }
			});
			expect(rpc.status).toBe(200);
		} finally {
			await gateway.close();
		}
	});
});

describe('an unknown e-mail', () => {
	it('gets exactly the answer of a wrong password', async () => {
		const answer = async (email: string) => {
			const response = await fetch(`${stack().url}/auth/v1/token?grant_type=password`, {
				method: 'POST',
				headers: { apikey: stack().anonKey, 'content-type': 'application/json' },
				body: JSON.stringify({ email, password: 'not-the-password' })
			});
			return { status: response.status, body: await response.text() };
		};
		const wrongPassword = await answer(alice.email);
		expect(wrongPassword.status).toBe(400);
		expect(JSON.parse(wrongPassword.body)).toMatchObject({ error_code: 'invalid_credentials' });
		expect(await answer('nobody-at-all@contract.test')).toEqual(wrongPassword);
	});

	it('costs one bcrypt comparison, like a wrong password', { timeout: 30_000 }, async () => {
		// Counts the crypt() calls of the auth login (track_functions), read back from the statistics, which a
		// session reports when it ends: each attempt runs on a gateway of its own that is closed afterwards.
		await db().query(`alter role supabase_auth_admin set track_functions = 'all'`);
		const cryptCalls = async () => {
			const { rows } = await db().query<{ calls: string | null }>(
				`select sum(calls) as calls from pg_stat_user_functions
				  where schemaname = 'extensions' and funcname = 'crypt'`
			);
			return Number(rows[0]?.calls ?? 0);
		};
		const callsFor = async (email: string) => {
			const before = await cryptCalls();
			const gateway = await startOwnGateway();
			try {
				const response = await tokenRequest(gateway, 'password', { email, password: 'not-the-password' });
				expect(response.status).toBe(400);
			} finally {
				await gateway.close();
			}
			const deadline = Date.now() + 2_000;
			while ((await cryptCalls()) === before && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			return (await cryptCalls()) - before;
		};
		try {
			const wrongPassword = await callsFor(alice.email);
			expect(wrongPassword).toBe(1);
			expect(await callsFor('nobody-at-all@contract.test')).toBe(wrongPassword);
		} finally {
			await db().query('alter role supabase_auth_admin reset track_functions');
		}
	});
});
