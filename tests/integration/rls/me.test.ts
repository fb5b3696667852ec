import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDb, anonClient, clientWithToken, signedInClient, stack } from '../support/clients';
import { hs256, userClaims } from '../support/tokens';
import { people } from './demo-people';

// me() through the real supabase-js and the gateway: the caller's name, post and hall, taken from app.staff and
// never from anything the user can edit.

let db: pg.Pool;
beforeAll(() => {
	db = adminDb();
});
afterAll(async () => {
	await db.end();
});

describe('me()', () => {
	it('tells a signed-in staff member their name, post and hall', async () => {
		const client = await signedInClient(people.stationAssist.email);
		const { data, error } = await client.rpc('me');
		expect(error).toBeNull();
		expect(data).toMatchObject({
			email: 'assist@station.demo.hall',
			display_name: '陈静',
			post: 'assist',
			hall_id: people.stationAssist.hall,
			hall_name: '河北区望海楼街便民服务中心'
		});
	});

	it('refuses anon with 401, while a signed-in user gets an answer', async () => {
		const { error, status } = await anonClient().rpc('me');
		expect(status).toBe(401);
		expect(error?.code).toBe('42501');
		const signedIn = await (await signedInClient(people.intake.email)).rpc('me');
		expect(signedIn.status).toBe(200);
	});

	it('answers a signed-in account without a staff record with a clear not_staff error', async () => {
		await db.query(
			`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
			   raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
			 values ('00000000-0000-0000-0000-000000000000', 'e0000000-0000-4000-8000-000000000001',
			   'authenticated', 'authenticated', 'visitor@nostaff.test', extensions.crypt('pw-123456', extensions.gen_salt('bf')),
			   now(), '{"provider":"email","providers":["email"]}', '{}', now(), now())
			 on conflict (id) do nothing`
		);
		const client = await signedInClient('visitor@nostaff.test', 'pw-123456');
		const { data, error, status } = await client.rpc('me');
		expect(data).toBeNull();
		expect(status).toBe(400);
		expect(error).toMatchObject({ code: 'P0001', message: 'not_staff' });
		expect(error?.details).toMatch(/no active staff record/);
	});
});

describe('a user cannot make themselves a manager', () => {
	it('ignores a manager post claimed in user_metadata or app_metadata of a validly signed JWT', async () => {
		// GoTrue lets every user edit their own user_metadata, so a token carrying any metadata is realistic.
		const token = hs256(
			userClaims({
				sub: people.intake.id,
				email: people.intake.email,
				user_metadata: { post: 'manager', role: 'manager' },
				app_metadata: { post: 'manager', role: 'manager' }
			}),
			stack().jwtSecret
		);
		const { data, error } = await clientWithToken(token).rpc('me');
		expect(error).toBeNull();
		expect(data).toMatchObject({ post: 'intake' });

		// Control: the real manager is a manager.
		const manager = await (await signedInClient(people.manager.email)).rpc('me');
		expect(manager.data).toMatchObject({ post: 'manager' });
	});
});
