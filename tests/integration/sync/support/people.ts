import type pg from 'pg';
import { demoPassword } from '../../support/clients';

/** Demo staff of supabase/seed.sql that the sync tests act as (each test uses its own tickets). */
export const center = 'a0000000-0000-4000-8000-000000000001';
export const station = 'a0000000-0000-4000-8000-000000000002';

export const staff = {
	intake: { userId: 'd0000000-0000-4000-8000-000000000001', email: 'intake@demo.hall', name: '李娜' },
	delivery: { userId: 'd0000000-0000-4000-8000-000000000002', email: 'delivery@demo.hall', name: '王磊' },
	assist: { userId: 'd0000000-0000-4000-8000-000000000003', email: 'assist@demo.hall', name: '张敏' },
	manager: { userId: 'd0000000-0000-4000-8000-000000000004', email: 'manager@demo.hall', name: '刘洋' },
	stationAssist: {
		userId: 'd0000000-0000-4000-8000-000000000005',
		email: 'assist@station.demo.hall',
		name: '陈静'
	},
	stationManager: {
		userId: 'd0000000-0000-4000-8000-000000000017',
		email: 'manager@station.demo.hall',
		name: '林涛'
	}
} as const;

export async function staffIdOf(db: pg.Pool, userId: string): Promise<string> {
	const { rows } = await db.query<{ id: string }>('select id from app.staff where user_id = $1', [userId]);
	const id = rows[0]?.id;
	if (!id) throw new Error(`no staff row for user ${userId}`);
	return id;
}

/**
 * A new account, optionally with a staff row, for tests that change a person (move them to another hall) and
 * must not disturb the demo staff other test files count. Remove it with removeAccounts in afterAll: the RLS
 * tests count each hall's staff, in whatever order the files run.
 */
export async function createAccount(
	db: pg.Pool,
	email: string,
	staffRow?: { hall: string; post: 'intake' | 'delivery' | 'assist' | 'manager'; name: string }
): Promise<string> {
	const { rows } = await db.query<{ id: string }>(
		`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
		   raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
		 values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
		   extensions.crypt($2, extensions.gen_salt('bf')), now(), '{"provider":"email","providers":["email"]}',
		   '{}', now(), now())
		 returning id`,
		[email, demoPassword]
	);
	const userId = rows[0]?.id;
	if (!userId) throw new Error(`could not create ${email}`);
	if (staffRow) {
		await db.query(`insert into app.staff (user_id, hall_id, post, display_name) values ($1, $2, $3, $4)`, [
			userId,
			staffRow.hall,
			staffRow.post,
			staffRow.name
		]);
	}
	return userId;
}

/** Deletes accounts made by createAccount (their staff rows and applied ops go with them). */
export async function removeAccounts(db: pg.Pool, emails: string[]): Promise<void> {
	await db.query('delete from auth.users where email = any ($1)', [emails]);
}
