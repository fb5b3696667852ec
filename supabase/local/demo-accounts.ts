import pg from 'pg';

export interface DemoAccount {
	email: string;
	displayName?: string;
	post?: string;
	hall?: string;
}

/**
 * The seed's demo users (raw_app_meta_data.demo = true), with their staff post and hall when the app schema
 * has them. Read generically (row_to_json) so this works before, and whatever, the lead's migrations define.
 */
export async function listDemoAccounts(databaseUrl: string): Promise<DemoAccount[]> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const users = await client.query<{ id: string; email: string }>(
			`select id, email from auth.users where raw_app_meta_data ->> 'demo' = 'true' order by email`
		);
		const staff = await rowsIfExists(client, 'app.staff');
		const halls = await rowsIfExists(client, 'app.halls');
		return users.rows.map((user) => {
			const member = staff.find((row) => row.user_id === user.id);
			const hall = member ? halls.find((row) => row.id === member.hall_id) : undefined;
			return {
				email: user.email,
				displayName: text(member?.display_name),
				post: text(member?.post),
				hall: text(hall?.name)
			};
		});
	} finally {
		await client.end();
	}
}

async function rowsIfExists(client: pg.Client, table: string): Promise<Record<string, unknown>[]> {
	const exists = await client.query<{ present: boolean }>('select to_regclass($1) is not null as present', [
		table
	]);
	if (!exists.rows[0]?.present) return [];
	const result = await client.query<{ row: Record<string, unknown> }>(
		`select row_to_json(t) as row from ${table} t`
	);
	return result.rows.map((r) => r.row);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}
