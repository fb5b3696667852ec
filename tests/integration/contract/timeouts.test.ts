import { describe, expect, it } from 'vitest';
import { useAdminDb, anonClient, signedInClient, stack } from '../support/clients';
import { contractPassword, contractPeople } from '../support/contract-people';
import { useContractFixtures } from '../support/contract-fixtures';
import { startOwnGateway } from '../support/own-gateway';

// Supabase gives each API role a statement_timeout (anon 3 s, authenticated 8 s, authenticator 8 s), and
// PostgREST applies the impersonated role's `ALTER ROLE … SET` values in every transaction, since SET ROLE
// does not. The app adds a lock_timeout for authenticated (migration 20261130000900_role_timeouts.sql).

const db = useAdminDb();

useContractFixtures();

describe("each role's settings", () => {
	it('anon runs with a 3 s statement timeout', async () => {
		const { data } = await anonClient().rpc('contract_timeouts');
		expect(data).toMatchObject({ statement_timeout: '3s', lock_timeout: '0' });
	});

	it('authenticated runs with an 8 s statement timeout and a 3 s lock timeout', async () => {
		const client = await signedInClient(contractPeople.alice.email, contractPassword);
		const { data } = await client.rpc('contract_timeouts');
		expect(data).toMatchObject({ statement_timeout: '8s', lock_timeout: '3s' });
	});

	it("service_role, which has none of its own, keeps the authenticator login's 8 s", async () => {
		const { data } = await anonClient(stack().serviceRoleKey).rpc('contract_timeouts');
		expect(data).toMatchObject({ statement_timeout: '8s', lock_timeout: '0' });
	});

	it('an anon call that runs longer than 3 s is cancelled (57014)', async () => {
		const { error, status } = await anonClient().rpc('contract_sleep', { seconds: 3.5 });
		expect(status).toBe(500);
		expect(error).toMatchObject({ code: '57014', message: 'canceling statement due to statement timeout' });
	});

	it("a role's default_transaction_isolation is used for its transactions, as in PostgREST", async () => {
		await db().query(`alter role service_role set default_transaction_isolation = 'serializable'`);
		const gateway = await startOwnGateway();
		try {
			const response = await fetch(`${gateway.url}/rest/v1/rpc/contract_timeouts`, {
				method: 'POST',
				headers: {
					apikey: stack().serviceRoleKey,
					authorization: `Bearer ${stack().serviceRoleKey}`,
					'content-type': 'application/json'
				},
				body: '{}'
			});
			expect(await response.json()).toMatchObject({ isolation: 'serializable' });
		} finally {
			await db().query('alter role service_role reset default_transaction_isolation');
			await gateway.close();
		}
	});
});
