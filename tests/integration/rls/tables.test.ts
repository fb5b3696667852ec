import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { asCaller, sqlState } from './as-caller';
import { halls, people } from './demo-people';

// Row-level security on the private tables, checked as Postgres sees a PostgREST request.
// Every denial is paired with an allowed control, so a broken fixture cannot pass as "denied".
// Every synced table is also covered by the generated matrix in matrix.test.ts (each of read, insert, update and
// delete for anon, staff of the hall, staff of another hall and a manager); the checks here are hand-written.

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
	it('grants authenticated no way to write: no INSERT, UPDATE, DELETE or TRUNCATE on any table', async () => {
		const { rows } = await db.query<{ grant: string }>(
			`select c.relname || ': ' || p.privilege as grant
			 from pg_class c, unnest(array['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p (privilege)
			 where c.relnamespace = 'app'::regnamespace and c.relkind in ('r', 'p')
			   and (has_table_privilege('authenticated', c.oid, p.privilege)
			     or (p.privilege in ('INSERT', 'UPDATE') and has_any_column_privilege('authenticated', c.oid, p.privilege)))
			 order by 1`
		);
		expect(rows.map((row) => row.grant)).toEqual([]);
	});

	it('refuses a signed-in staff member writing a table directly (the version backwards, a record undeleted)', async () => {
		for (const sql of [
			'update app.hall_versions set version = 0',
			'update app.service_records set deleted_at = null',
			`insert into app.applied_ops (user_id, op_id, result) values ('${people.intake.id}', 'forged', '{}')`
		]) {
			expect({
				sql,
				state: await asCaller(db, intake, (client) => sqlState(() => client.query(sql)))
			}).toEqual({
				sql,
				state: '42501'
			});
		}
	});

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

describe('synced tables', () => {
	// One service record with one event in each hall, and one applied op per user, written as the superuser.
	const records = {
		center: 'f1000000-0000-4000-8000-000000000001',
		station: 'f1000000-0000-4000-8000-000000000002'
	};
	beforeAll(async () => {
		for (const [hall, person, id] of [
			[halls.center, people.intake, records.center],
			[halls.station, people.stationAssist, records.station]
		] as const) {
			await db.query(
				`insert into app.service_records (id, hall_id, ticket_date, ticket_no, raw_payload, first_responder_id,
				   first_responder_name, opened_at)
				 select $1, $2, '2026-11-20', 'RLS01', 'RLS01', s.id, s.display_name, now()
				 from app.staff s where s.user_id = $3`,
				[id, hall, person.id]
			);
			await db.query(
				`insert into app.service_record_events (id, record_id, hall_id, kind, staff_id, staff_name, occurred_at)
				 select gen_random_uuid(), $1, $2, 'consult', s.id, s.display_name, now()
				 from app.staff s where s.user_id = $3`,
				[id, hall, person.id]
			);
			await db.query(
				`insert into app.applied_ops (user_id, op_id, result) values ($1, gen_random_uuid()::text, '{}')`,
				[person.id]
			);
		}
	});

	const hallScoped = ['app.service_records', 'app.service_record_events', 'app.hall_versions'];

	it.each([...hallScoped, 'app.applied_ops'])(
		'anon cannot read %s, while signed-in staff can',
		async (table) => {
			expect(
				await asCaller(db, { role: 'anon' }, (client) =>
					sqlState(() => client.query(`select * from ${table}`))
				)
			).toBe('42501');
			const { rowCount } = await asCaller(db, intake, (client) => client.query(`select * from ${table}`));
			expect(rowCount).toBeGreaterThan(0);
		}
	);

	it.each(hallScoped)('%s shows each hall’s staff only their own hall’s rows', async (table) => {
		for (const [caller, hall] of [
			[intake, halls.center],
			[stationAssist, halls.station]
		] as const) {
			const { rows } = await asCaller(db, caller, (client) =>
				client.query<{ hall_id: string }>(`select distinct hall_id from ${table}`)
			);
			expect(rows.map((row) => row.hall_id)).toEqual([hall]);
		}
	});

	it('applied ops are visible only to the user who sent them', async () => {
		const { rows } = await asCaller(db, stationAssist, (client) =>
			client.query<{ user_id: string }>('select distinct user_id from app.applied_ops')
		);
		expect(rows.map((row) => row.user_id)).toEqual([people.stationAssist.id]);
	});

	// Writes run as app_writer (inside sync_push) with the caller's claims: still scoped to the caller's hall.
	const stationWriter = { ...stationAssist, role: 'app_writer' } as const;

	it('the writing role cannot change another hall’s record for staff, while changing their own hall’s works', async () => {
		const update = (id: string) =>
			asCaller(db, stationWriter, (client) =>
				client.query(`update app.service_records set green_channel = true where id = $1`, [id])
			);
		expect((await update(records.center)).rowCount).toBe(0);
		expect((await update(records.station)).rowCount).toBe(1);
	});

	it('the writing role cannot add an event to another hall’s record for staff, while adding to their own works', async () => {
		const addEvent = (record: string, hall: string) =>
			asCaller(db, stationWriter, (client) =>
				sqlState(() =>
					client.query(
						`insert into app.service_record_events (id, record_id, hall_id, kind, staff_id, staff_name, occurred_at)
						 select gen_random_uuid(), $1, $2, 'note', s.id, s.display_name, now()
						 from app.staff s where s.user_id = $3`,
						[record, hall, people.stationAssist.id]
					)
				)
			);
		// Refused before RLS is even asked: the version trigger cannot take another hall's counter (P0001).
		expect(['42501', 'P0001']).toContain(await addEvent(records.center, halls.center));
		expect(await addEvent(records.station, halls.station)).toBe('ok');
	});

	it('no one can hard-delete a record (tombstones only), while marking it deleted works', async () => {
		for (const caller of [stationAssist, stationWriter]) {
			const state = await asCaller(db, caller, (client) =>
				sqlState(() => client.query('delete from app.service_records where id = $1', [records.station]))
			);
			expect(state).toBe('42501');
		}
		const { rowCount } = await asCaller(db, stationWriter, (client) =>
			client.query('update app.service_records set deleted_at = now() where id = $1', [records.station])
		);
		expect(rowCount).toBe(1);
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
	// sync_push / sync_pull are SECURITY INVOKER, so the app functions they reach run as the caller and need
	// EXECUTE too; they are not exposed through the API (app is not an exposed schema) and every table they write
	// is held to the caller's hall by RLS (see 'synced tables' above). Trigger functions need no grant.
	// The reading API and the helpers its policies call; every write goes through sync_push, which runs as
	// app_writer (20261130000210_writes_through_ops.sql).
	// app.may_read_applicant: the policy of precheck_applicants (author and managers only), read as the caller.
	// claim_device_code hands the caller's device a notice code in the caller's own hall; notice_view reads one open
	// notice by its secret token, without personal data (both security definer, docs/SECURITY.md).
	// app.first_pull_condition: a string replacement sync_pull's first pull makes (20261204000050_first_pull_horizon).
	// report_halls / hall_report: the managers' reports, security definer, scoped to the halls the caller manages
	// (20261204000100_reports.sql, docs/REPORTS.md). staff_workload / ledger_month: the same, with the same checks
	// (20261204000200_workload_and_ledger.sql). calendar_days / set_calendar_day: the district's holidays, read by
	// any staff member, written only by a district center's manager and only into app.calendar_days, which holds
	// no person's post or hall (20261205000050_hall_calendar.sql). close_ledger_month / reopen_ledger_month: the
	// ledger's checks (app.report_scope), writing only app.ledger_months and the append-only
	// app.ledger_month_events of a hall the caller manages (20261206000100_ledger_closing.sql). add_ledger_item /
	// remove_ledger_item: the same checks, writing only app.ledger_items of an open month of such a hall
	// (20261206000110_ledger_items.sql). ledger_rules / set_ledger_rules: the same checks, reading and writing only
	// app.ledger_rules of such a hall (20261206000120_ledger_rules.sql).
	// no person's post or hall (20261205000050_hall_calendar.sql). monthly_reviews / save_monthly_review /
	// set_assessment_weights / quarterly_ranking: staff assessment, security definer; reads in the reports' scope,
	// writes by the hall's own manager only into app.monthly_reviews and app.assessment_weights, which hold no
	// person's post or hall (20261206000200_assessment_reviews.sql, 20261206000210_quarterly_ranking.sql).
	// save_weekly_summary / my_weekly_summary / weekly_summaries / comment_weekly_summary: the caller's own week in
	// their own hall, managers' reads in the reports' scope and comments in their own hall, only into
	// app.weekly_summaries (20261206000220_weekly_summaries.sql).
	const grantedToAuthenticated = [
		'app.changes_after',
		'app.current_hall_id',
		'app.current_staff',
		'app.first_pull_condition',
		'app.may_read_applicant',
		'app.require_staff',
		'app.sync_limit',
		'app.sync_limits',
		'public.add_ledger_item',
		'public.calendar_days',
		'public.claim_device_code',
		'public.close_ledger_month',
		'public.comment_weekly_summary',
		'public.hall_report',
		'public.ledger_month',
		'public.ledger_rules',
		'public.me',
		'public.monthly_reviews',
		'public.my_weekly_summary',
		'public.notice_view',
		'public.quarterly_ranking',
		'public.remove_ledger_item',
		'public.reopen_ledger_month',
		'public.report_halls',
		'public.save_monthly_review',
		'public.save_weekly_summary',
		'public.set_assessment_weights',
		'public.set_calendar_day',
		'public.set_ledger_rules',
		'public.staff_workload',
		'public.sync_pull',
		'public.sync_push',
		'public.weekly_summaries'
	];

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

	it('anon may execute only the applicant’s notice view', async () => {
		expect(await executableBy('anon')).toEqual(['public.notice_view']);
	});

	it('authenticated may execute exactly the reviewed list', async () => {
		expect(await executableBy('authenticated')).toEqual(grantedToAuthenticated);
	});

	it('sync_push runs as app_writer, which cannot log in and is no member of another role', async () => {
		const { rows } = await db.query<{ definer: boolean; owner: string; login: boolean; member_of: string[] }>(
			`select p.prosecdef as definer, p.proowner::regrole::text as owner, r.rolcanlogin as login,
			   array(select m.roleid::regrole::text from pg_auth_members m where m.member = r.oid) as member_of
			 from pg_proc p, pg_roles r
			 where p.oid = 'public.sync_push(jsonb)'::regprocedure and r.rolname = 'app_writer'`
		);
		expect(rows[0]).toEqual({ definer: true, owner: 'app_writer', login: false, member_of: [] });
	});
});
