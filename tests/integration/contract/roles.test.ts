import { describe, expect, it } from 'vitest';
import { useAdminDb, anonClient, clientWithToken, signedInClient, stack } from '../support/clients';
import { contractPassword, contractPeople } from '../support/contract-people';
import { useContractFixtures } from '../support/contract-fixtures';
import { hs256, userClaims } from '../support/tokens';

// The local JWT secret is public, so anyone can sign a token naming any role. As on Supabase, that must not
// matter beyond anon/authenticated/service_role: the API logs in as `authenticator`, which can only switch to
// those three, and a token naming any other role is refused before any of its SQL runs.

const stationUserId = 'd0000000-0000-4000-8000-000000000005'; // assist@station.demo.hall in seed.sql

const db = useAdminDb();

useContractFixtures();

async function counterRows(): Promise<number> {
	const result = await db().query<{ n: string }>('select count(*) as n from contract.counter');
	return Number(result.rows[0]?.n);
}

function tokenFor(role: string): string {
	return hs256(userClaims({ role, sub: stationUserId }), stack().jwtSecret);
}

describe('the role a request runs as', () => {
	it('is switched to from the authenticator login, never from a superuser session', async () => {
		const { data, error } = await anonClient().rpc('contract_session_user');
		expect(error).toBeNull();
		expect(data).toBe('authenticator');
	});

	it.each(['postgres', 'pg_read_server_files', 'supabase_auth_admin'])(
		'refuses a signed token for %s with 403 42501, as PostgREST does, and runs none of its SQL',
		async (role) => {
			const before = await counterRows();
			const response = await fetch(`${stack().url}/rest/v1/rpc/contract_bump`, {
				method: 'POST',
				headers: {
					apikey: stack().anonKey,
					authorization: `Bearer ${tokenFor(role)}`,
					'content-type': 'application/json'
				},
				body: '{}'
			});
			expect(response.status).toBe(403);
			expect(await response.json()).toEqual({
				code: '42501',
				message: `permission denied to set role "${role}"`,
				details: null,
				hint: null
			});
			expect(await counterRows()).toBe(before);
		}
	);

	it('refuses a token for a role that does not exist with 401 22023', async () => {
		const { status, error } = await clientWithToken(tokenFor('hall_no_such_role')).rpc('contract_whoami');
		expect(status).toBe(401);
		expect(error).toMatchObject({ code: '22023', message: 'role "hall_no_such_role" does not exist' });
	});

	it('still runs the three API roles (the control for the refusals above)', async () => {
		const user = await clientWithToken(tokenFor('authenticated')).rpc('contract_whoami');
		expect(user.data).toMatchObject({ current_role: 'authenticated', uid: stationUserId });
		const service = await anonClient(stack().serviceRoleKey).rpc('contract_whoami');
		expect(service.data).toMatchObject({ current_role: 'service_role' });
	});
});

describe("the gateway's own database logins", () => {
	it('are authenticator (RPC) and supabase_auth_admin (auth), neither a superuser', async () => {
		const { alice } = contractPeople;
		const client = await signedInClient(alice.email, contractPassword);
		expect((await client.rpc('contract_whoami')).error).toBeNull();
		const sessions = await db().query<{ application_name: string; usename: string; usesuper: boolean }>(
			`select distinct a.application_name, a.usename::text, u.usesuper
			   from pg_stat_activity a join pg_user u on u.usename = a.usename
			  where a.application_name like 'hall gateway%'
			  order by 1`
		);
		expect(sessions.rows).toEqual([
			{ application_name: 'hall gateway auth', usename: 'supabase_auth_admin', usesuper: false },
			{ application_name: 'hall gateway rest', usename: 'authenticator', usesuper: false }
		]);
	});

	it('give authenticator exactly the three API roles to switch to, and the auth login no other role', async () => {
		const memberships = await db().query<{ member: string; roles: string[] }>(
			`select m.rolname::text as member, coalesce(array_agg(r.rolname::text order by r.rolname)
			          filter (where r.rolname is not null), '{}') as roles
			   from pg_roles m
			   left join pg_auth_members am on am.member = m.oid
			   left join pg_roles r on r.oid = am.roleid
			  where m.rolname in ('authenticator', 'supabase_auth_admin')
			  group by m.rolname order by 1`
		);
		expect(memberships.rows).toEqual([
			{ member: 'authenticator', roles: ['anon', 'authenticated', 'service_role'] },
			{ member: 'supabase_auth_admin', roles: [] }
		]);
	});

	it('keep the auth login out of the app schema', async () => {
		const access = await db().query<{ tables: boolean; schema: boolean }>(
			`select has_schema_privilege('supabase_auth_admin', 'app', 'usage') as schema,
			        has_table_privilege('supabase_auth_admin', 'app.staff', 'select') as tables`
		);
		expect(access.rows[0]).toEqual({ schema: false, tables: false });
	});
});
