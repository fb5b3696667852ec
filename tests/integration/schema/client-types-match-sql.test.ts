import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { POSTS } from '../../../src/lib/backend/me';
import {
	businessCategory,
	eventKind,
	serviceRecordEventRow,
	serviceRecordRow,
	specialGroup
} from '../../../src/lib/domain/service-record';
import { REJECTION_CODES, SCHEMA_VERSION, SYNCED_TABLES } from '../../../src/lib/domain/sync-protocol';

// The SQL is the definition on the server and the client's types are the definition in the app (DESIGN §4):
// this keeps the two from drifting apart. Expected lists come from the zod schemas themselves.

let db: pg.Pool;
beforeAll(() => {
	db = new pg.Pool({ connectionString: inject('stack').databaseUrl, max: 1 });
});
afterAll(async () => {
	await db.end();
});

async function enumValues(type: string): Promise<string[]> {
	const { rows } = await db.query<{ value: string }>(
		`select unnest(enum_range(null::${type}))::text as value`
	);
	return rows.map((row) => row.value);
}

it('the client knows exactly the staff posts of app.staff_post, in order', async () => {
	expect(await enumValues('app.staff_post')).toEqual([...POSTS]);
});

describe('service records', () => {
	it.each([
		['app.business_category', businessCategory.options],
		['app.special_group', specialGroup.options],
		['app.service_event_kind', eventKind.options]
	])('%s has exactly the values of the zod enum, in order', async (type, options) => {
		expect(await enumValues(type)).toEqual([...options]);
	});

	it.each([
		['service_records', serviceRecordRow.shape],
		['service_record_events', serviceRecordEventRow.shape]
	])('app.%s has exactly the columns of its zod row schema', async (table, shape) => {
		const { rows } = await db.query<{ column_name: string }>(
			`select column_name from information_schema.columns
			 where table_schema = 'app' and table_name = $1 order by column_name`,
			[table]
		);
		expect(rows.map((row) => row.column_name)).toEqual(Object.keys(shape).sort());
	});

	it('every synced table of the protocol exists in app', async () => {
		const { rows } = await db.query<{ name: string }>(
			`select relname as name from pg_class
			 where relnamespace = 'app'::regnamespace and relname = any ($1) order by relname`,
			[Object.keys(SYNCED_TABLES)]
		);
		expect(rows.map((row) => row.name)).toEqual(Object.keys(SYNCED_TABLES).sort());
	});
});

describe('the sync protocol', () => {
	it('the server rejects with exactly the client’s rejection codes', async () => {
		const { rows } = await db.query<{ codes: string[] }>('select app.rejection_codes() as codes');
		expect(rows[0]?.codes).toEqual([...REJECTION_CODES]);
	});

	it('the newest op schema version the server accepts is the client’s SCHEMA_VERSION', async () => {
		const { rows } = await db.query<{ newest: number }>(
			'select newest_schema_version as newest from app.sync_limits()'
		);
		expect(rows[0]?.newest).toBe(SCHEMA_VERSION);
	});
});
