import { expect, it } from 'vitest';
import { people } from '../rls/demo-people';
import { useAdminDb, anonClient, demoPassword, signedInClient } from '../support/clients';
import { useContractFixtures } from '../support/contract-fixtures';

// A slow RPC keeps its database connection until it ends (up to authenticated's 8 s statement timeout). Sign-in
// has a pool of its own, and no single caller can hold the whole RPC pool: another hall's me() and a sign-in
// answer while ten slow calls of one user are still running.

const db = useAdminDb();

useContractFixtures();

const sleepingCalls = `
	select count(*)::int as n from pg_stat_activity
	 where application_name = 'hall gateway rest' and wait_event = 'PgSleep'`;

async function sleeping(): Promise<number> {
	return (await db().query<{ n: number }>(sleepingCalls)).rows[0]?.n ?? 0;
}

it("another hall's me() and a sign-in answer while ten slow calls are still running", async () => {
	const centerClerk = await signedInClient(people.intake.email);
	const stationClerk = await signedInClient(people.stationAssist.email);
	let settled = 0;
	const slowCalls = Array.from({ length: 10 }, () =>
		centerClerk.rpc('contract_sleep', { seconds: 30 }).then((result) => {
			settled += 1;
			return result;
		})
	);
	while ((await sleeping()) < 4) await new Promise((resolve) => setTimeout(resolve, 20));

	const me = await stationClerk.rpc('me');
	expect(me.error).toBeNull();
	const signIn = await anonClient().auth.signInWithPassword({
		email: people.manager.email,
		password: demoPassword
	});
	expect(signIn.error).toBeNull();
	expect(settled).toBe(0);

	// End the slow calls rather than wait for their timeout; queued ones start as others end, so repeat.
	while (settled < slowCalls.length) {
		await db().query(`select pg_cancel_backend(pid) from pg_stat_activity
		                 where application_name = 'hall gateway rest' and wait_event = 'PgSleep'`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	for (const result of await Promise.all(slowCalls)) expect(result.error?.code).toBe('57014');
});
