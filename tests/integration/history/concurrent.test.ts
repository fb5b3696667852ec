import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateHistory, hallToday } from '../../../supabase/local/demo-history';
import { adminDb, stack } from '../support/clients';
import { createTestHall } from './support/test-hall';

// Two e2e workers each make a hall with last month's history on one fresh stack, at the same moment: both loads
// of the generator must succeed. Without a lock, the second one's CREATE SCHEMA IF NOT EXISTS collided with the
// first's and failed the test it prepared (duplicate key in pg_namespace).

let db: pg.Pool;
beforeAll(() => {
	db = adminDb();
});
afterAll(async () => {
	await db.end();
});

it('two runs at once on a database without the generator both write their hall', async () => {
	const halls = await Promise.all([
		createTestHall(db, 'street_station'),
		createTestHall(db, 'street_station')
	]);
	// As on a stack seeded without history: nothing of the generator yet. Later runs load it again.
	await db.query('drop schema if exists demo cascade');
	const results = await Promise.all(
		halls.map((hall) =>
			generateHistory(stack().databaseUrl, { anchor: hallToday(), days: 3, hallIds: [hall.id] })
		)
	);
	expect(results.map((result) => result.halls)).toEqual(halls.map((hall) => [hall.id]));
	for (const result of results) expect(result.rows['service_records']).toBeGreaterThan(0);
});
