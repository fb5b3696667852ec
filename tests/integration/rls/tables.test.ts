import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { asCaller, sqlState } from './as-caller';
import { halls, people } from './demo-people';

// Row-level security on the private tables, checked as Postgres sees a PostgREST request.
// Every denial is paired with an allowed control, so a broken fixture cannot pass as "denied".

let db: pg.Pool;
beforeAll(() => {
	db = new pg.Pool({ connectionString: inject('stack').databaseUrl, max: 2 });
});
afterAll(async () => {
	await db.end();
});

const intake = { role: 'authenticated', userId: people.intake.id, email: people.intake.email } as const;
const stationAssist = {
	role: 'authenticated',
	userId: people.stationAssist.id,
	email: people.stationAssist.email
} as const;

async function hallIdsOfVisibleStaff(caller: typeof intake | typeof stationAssist): Promise<string[]> {
	return asCaller(db, caller, async (client) => {
		const { rows } = await client.query<{ hall_id: string }>('select distinct hall_id from app.staff');
		return rows.map((row) => row.hall_id);
	});
}

describe('every table in app', () => {
	it('has row-level security enabled', async () => {
		const { rows } = await db.query<{ table: string; rls: boolean }>(
			`select relname as table, relrowsecurity as rls from pg_class
			 where relnamespace = 'app'::regnamespace and relkind in ('r', 'p') order by relname`
		);
		expect(rows.length).toBeGreaterThanOrEqual(2);
		expect(rows.filter((row) => !row.rls).map((row) => row.table)).toEqual([]);
	});
});

describe('anon', () => {
	it.each(['app.staff', 'app.halls'])('cannot read %s, while signed-in staff can', async (table) => {
		expect(
			await asCaller(db, { role: 'anon' }, (client) => sqlState(() => client.query(`select * from ${table}`)))
		).toBe('42501');
		const { rowCount } = await asCaller(db, intake, (client) => client.query(`select * from ${table}`));
		expect(rowCount).toBeGreaterThan(0);
	});
});

describe('hall isolation', () => {
	it('street-station staff see only their station’s staff', async () => {
		expect(await hallIdsOfVisibleStaff(stationAssist)).toEqual([halls.station]);
		const centerRows = await asCaller(db, stationAssist, (client) =>
			client.query('select * from app.staff where hall_id = $1', [halls.center])
		);
		expect(centerRows.rowCount).toBe(0);
	});

	it('district-center staff see only the center’s staff', async () => {
		expect(await hallIdsOfVisibleStaff(intake)).toEqual([halls.center]);
		const { rows } = await asCaller(db, intake, (client) =>
			client.query<{ count: string }>('select count(*) from app.staff')
		);
		// The seed puts 12 full-time staff and 2 managers in the center.
		expect(Number(rows[0]?.count)).toBe(14);
	});

	it('each hall’s staff read only their own hall', async () => {
		for (const [caller, hall] of [
			[intake, halls.center],
			[stationAssist, halls.station]
		] as const) {
			const { rows } = await asCaller(db, caller, (client) =>
				client.query<{ id: string }>('select id from app.halls')
			);
			expect(rows.map((row) => row.id)).toEqual([hall]);
		}
	});

	it('a deactivated staff member sees nothing', async () => {
		await db.query('update app.staff set active = false where user_id = $1', [people.stationAssist.id]);
		try {
			expect(await hallIdsOfVisibleStaff(stationAssist)).toEqual([]);
		} finally {
			await db.query('update app.staff set active = true where user_id = $1', [people.stationAssist.id]);
		}
		expect(await hallIdsOfVisibleStaff(stationAssist)).toEqual([halls.station]);
	});
});

describe('no one can change their own post', () => {
	it('a direct update of app.staff is refused, while reading the own row works', async () => {
		const state = await asCaller(db, intake, (client) =>
			sqlState(() =>
				client.query(`update app.staff set post = 'manager' where user_id = $1`, [people.intake.id])
			)
		);
		expect(state).toBe('42501');
		const { rows } = await asCaller(db, intake, (client) =>
			client.query<{ post: string }>('select post from app.staff where user_id = $1', [people.intake.id])
		);
		expect(rows).toEqual([{ post: 'intake' }]);
	});

	it('inserting a second, manager staff row for oneself is refused', async () => {
		const state = await asCaller(db, intake, (client) =>
			sqlState(() =>
				client.query(
					`insert into app.staff (user_id, hall_id, post, display_name) values ($1, $2, 'manager', 'x')`,
					[people.intake.id, halls.center]
				)
			)
		);
		expect(state).toBe('42501');
	});
});

describe('function privileges', () => {
	// EXECUTE is revoked by default and granted function by function. This list is the whole API surface a
	// signed-in user can reach; a new function must be added here on purpose, after checking it cannot be
	// used to change anyone's post or hall.
	const grantedToAuthenticated = ['app.current_hall_id', 'app.current_staff', 'public.me'];

	async function executableBy(role: string): Promise<string[]> {
		const { rows } = await db.query<{ name: string }>(
			`select n.nspname || '.' || p.proname as name
			 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			 where n.nspname in ('public', 'app') and has_function_privilege($1, p.oid, 'execute')
			 order by 1`,
			[role]
		);
		return rows.map((row) => row.name);
	}

	it('anon may execute no app function', async () => {
		expect(await executableBy('anon')).toEqual([]);
	});

	it('authenticated may execute exactly the reviewed list', async () => {
		expect(await executableBy('authenticated')).toEqual(grantedToAuthenticated);
	});
});
