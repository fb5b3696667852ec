/** The demo logins, read from the database so the banner always matches what `supabase/seed.sql` made. */
import pg from 'pg';

export interface DemoAccount {
	email: string;
	displayName: string;
	post: string;
	hallName: string;
}

/** Every demo account shares this password (see the header of supabase/seed.sql). */
export const DEMO_PASSWORD = 'demo1234';

export async function listDemoAccounts(databaseUrl: string): Promise<DemoAccount[]> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const { rows } = await client.query<DemoAccount>(
			`select u.email, s.display_name as "displayName", s.post::text as post, h.name as "hallName"
			   from auth.users u
			   join app.staff s on s.user_id = u.id
			   join app.halls h on h.id = s.hall_id
			  where (u.raw_app_meta_data ->> 'demo')::boolean and s.active
			  order by h.parent_hall_id nulls first, h.name, s.post, u.email`
		);
		return rows;
	} finally {
		await client.end();
	}
}
