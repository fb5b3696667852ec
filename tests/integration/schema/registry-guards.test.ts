import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';

// A workflow's migration registers its tables and op types; registering something sync could not serve fails
// the migration with a message that says what is missing, instead of breaking devices later. Each case runs in
// a transaction that is rolled back.

let db: pg.Pool;
beforeAll(() => {
	db = new pg.Pool({ connectionString: inject('stack').databaseUrl, max: 1 });
});
afterAll(async () => {
	await db.end();
});

/** Runs statements as a migration would (superuser), then undoes them; resolves to the error, if any. */
async function asMigration(...statements: string[]): Promise<string | null> {
	const client = await db.connect();
	try {
		await client.query('begin');
		for (const statement of statements) await client.query(statement);
		return null;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	} finally {
		await client.query('rollback');
		client.release();
	}
}

const table = (extra = '') => `create table app.trial_items (
	id uuid primary key, hall_id uuid not null, version bigint not null, note text ${extra})`;
const syncable = [
	table(),
	'alter table app.trial_items enable row level security',
	'create trigger trial_items_stamp_version before insert or update on app.trial_items for each row execute function app.stamp_version()',
	'create index on app.trial_items (hall_id, version, id)'
];
const handler = [
	`create function app.op_trial_item_add(payload jsonb) returns void language sql as 'select'`,
	'grant execute on function app.op_trial_item_add(jsonb) to app_writer'
];

describe('register_synced_table', () => {
	it('accepts a table with what sync needs (the control)', async () => {
		expect(
			await asMigration(...syncable, `select app.register_synced_table('trial', 'trial_items')`)
		).toBeNull();
	});

	it.each([
		['no version trigger', syncable.filter((sql) => !sql.includes('trigger')), /app\.stamp_version/],
		['no row level security', syncable.filter((sql) => !sql.includes('row level')), /row level security/],
		['no (hall_id, version) index', syncable.filter((sql) => !sql.includes('index')), /\(hall_id, version/],
		[
			'a nullable hall_id',
			[table().replace('hall_id uuid not null', 'hall_id uuid'), ...syncable.slice(1)],
			/hall_id uuid/
		]
	])('refuses a table with %s', async (_case, statements, message) => {
		expect(
			await asMigration(...statements, `select app.register_synced_table('trial', 'trial_items')`)
		).toMatch(message);
	});
});

describe('register_op_type', () => {
	const register = (required = "array['id', 'note']") =>
		`select app.register_op_type('trial', 'trial_item.add', 'app.op_trial_item_add(jsonb)', required => ${required})`;

	it('accepts a jsonb → void handler the writing role can run (the control)', async () => {
		expect(await asMigration(...handler, register())).toBeNull();
	});

	it('refuses a handler the writing role cannot execute', async () => {
		expect(await asMigration(handler[0] ?? '', register())).toMatch(/app_writer cannot execute/);
	});

	it('refuses an op without an id field', async () => {
		expect(await asMigration(...handler, register("array['note']"))).toMatch(/must require an id field/);
	});

	it('refuses a second registration of the same op type', async () => {
		expect(await asMigration(...handler, register(), register())).toMatch(/duplicate key/);
	});
});
