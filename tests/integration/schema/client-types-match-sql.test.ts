import pg from 'pg';
import { afterAll, beforeAll, expect, it, inject } from 'vitest';
import { POSTS } from '../../../src/lib/backend/me';

// The SQL is the definition on the server and the client's types are the definition in the app (DESIGN §4):
// this keeps the two from drifting apart.

let db: pg.Pool;
beforeAll(() => {
	db = new pg.Pool({ connectionString: inject('stack').databaseUrl, max: 1 });
});
afterAll(async () => {
	await db.end();
});

it('the client knows exactly the staff posts of app.staff_post, in order', async () => {
	const { rows } = await db.query<{ post: string }>(
		`select unnest(enum_range(null::app.staff_post))::text as post`
	);
	expect(rows.map((row) => row.post)).toEqual([...POSTS]);
});
