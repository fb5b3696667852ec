import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { STAFF_POSTS } from '../../../src/lib/domain/staff-directory';
import { REJECTION_CODES, SCHEMA_VERSION, SYNC_LIMITS } from '../../../src/lib/domain/sync-protocol';
import { registry } from '../../../src/lib/features/registry';
import { expectedColumn } from './zod-columns';

// The client's registry of synced workflows against the database's: op types and their payload fields, synced
// tables and their columns (types, nullability, enum values), and each workflow's limits and patterns. The
// expected values come from the client's zod schemas; a workflow added on one side only fails here.

let db: pg.Pool;
beforeAll(() => {
	db = new pg.Pool({ connectionString: inject('stack').databaseUrl, max: 1 });
});
afterAll(async () => {
	await db.end();
});

async function enumValues(type: string): Promise<string[]> {
	const { rows } = await db.query<{ value: string }>(
		`select unnest(enum_range(null::app.${type}))::text as value`
	);
	return rows.map((row) => row.value);
}

interface Column {
	column_name: string;
	data_type: string;
	udt_name: string;
	is_nullable: 'YES' | 'NO';
}

it('every registered op type and synced table belongs to a workflow the client declares, and back', async () => {
	const ops = await db.query<{ op_type: string; area: string }>('select op_type, area from app.op_types');
	const tables = await db.query<{ table_name: string; area: string }>(
		'select table_name, area from app.synced_tables'
	);
	const clientOps = registry.ops.map((op) => [op.spec.type, op.workflow]);
	const clientTables = registry.workflows.flatMap((workflow) =>
		workflow.tables.map((table) => [table.name, workflow.name])
	);
	expect(ops.rows.map((row) => [row.op_type, row.area]).sort()).toEqual(clientOps.sort());
	expect(tables.rows.map((row) => [row.table_name, row.area]).sort()).toEqual(clientTables.sort());
});

describe.each(registry.workflows.map((workflow) => [workflow.name, workflow] as const))(
	'workflow %s',
	(name, workflow) => {
		it(`app.${name}_rules() answers exactly the client's limits and patterns`, async () => {
			const { rows } = await db.query<{ rules: unknown }>(`select app.${name}_rules() as rules`);
			expect(rows[0]?.rules).toEqual(workflow.rules);
		});

		it.each(workflow.ops.map((spec) => [spec.type, spec] as const))(
			'%s takes exactly the payload fields of its schema',
			async (type, spec) => {
				const { rows } = await db.query<{ required_fields: string[]; optional_fields: string[] }>(
					'select required_fields, optional_fields from app.op_types where op_type = $1',
					[type]
				);
				const fields = Object.entries(spec.schema.shape).map(
					([field, schema]) => [field, expectedColumn(schema).optional] as const
				);
				expect(rows[0]?.required_fields.slice().sort()).toEqual(
					fields
						.filter(([, optional]) => !optional)
						.map(([field]) => field)
						.sort()
				);
				expect(rows[0]?.optional_fields.slice().sort()).toEqual(
					fields
						.filter(([, optional]) => optional)
						.map(([field]) => field)
						.sort()
				);
			}
		);

		it.each(workflow.tables.map((table) => [table.name, table] as const))(
			'app.%s has exactly the columns of its row schema',
			async (table, spec) => {
				const { rows } = await db.query<Column>(
					`select column_name, data_type, udt_name, is_nullable from information_schema.columns
			 where table_schema = 'app' and table_name = $1 order by column_name`,
					[table]
				);
				const expected = Object.entries(spec.schema.shape).sort(([a], [b]) => a.localeCompare(b));
				expect(rows.map((row) => row.column_name)).toEqual(expected.map(([field]) => field));
				for (const [field, schema] of expected) {
					const want = expectedColumn(schema);
					const column = rows.find((row) => row.column_name === field);
					expect({
						field,
						type: column?.data_type,
						nullable: column?.is_nullable === 'YES',
						...(want.udtName ? { udt: column?.udt_name } : {})
					}).toEqual({
						field,
						type: want.dataType,
						nullable: want.nullable,
						...(want.udtName ? { udt: want.udtName } : {})
					});
					if (want.enumValues && column) {
						expect({ field, values: await enumValues(column.udt_name.replace(/^_/, '')) }).toEqual({
							field,
							values: want.enumValues
						});
					}
				}
			}
		);
	}
);

describe('the sync protocol', () => {
	it('the client knows exactly the staff posts of app.staff_post, in order', async () => {
		expect(await enumValues('staff_post')).toEqual([...STAFF_POSTS]);
	});

	it('the server rejects with exactly the client’s rejection codes', async () => {
		const { rows } = await db.query<{ codes: string[] }>('select app.rejection_codes() as codes');
		expect(rows[0]?.codes).toEqual([...REJECTION_CODES]);
	});

	it('app.sync_limits() answers exactly the client’s SYNC_LIMITS, its newest schema version SCHEMA_VERSION', async () => {
		const { rows } = await db.query<{ limits: unknown }>('select app.sync_limits() as limits');
		expect(rows[0]?.limits).toEqual(SYNC_LIMITS);
		expect(SYNC_LIMITS.newestSchemaVersion).toBe(SCHEMA_VERSION);
	});
});
