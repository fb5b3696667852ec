import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../supabase/local/migrate';
import { stack } from '../support/clients';

// The migration runner as the lead uses it: Supabase CLI file naming, one transaction per file, history in
// supabase_migrations.schema_migrations, seed once on a fresh database.

let admin: pg.Client;
let workDir: string;
let migrationsDir: string;
let seedFile: string;
let databaseName: string;
let databaseUrl: string;
let counter = 0;

beforeAll(async () => {
	admin = new pg.Client({ connectionString: stack().databaseUrl });
	await admin.connect();
});
afterAll(() => admin.end());

beforeEach(async () => {
	workDir = await mkdtemp(path.join(os.tmpdir(), 'hall-migrate-test-'));
	migrationsDir = path.join(workDir, 'migrations');
	seedFile = path.join(workDir, 'seed.sql');
	await writeFile(seedFile, `insert into public.notes (body) values ('seeded');`);
	databaseName = `hall_migrate_${process.pid}_${++counter}`;
	await admin.query(`create database ${databaseName}`);
	const url = new URL(stack().databaseUrl);
	url.pathname = `/${databaseName}`;
	databaseUrl = url.toString();
});

afterEach(async () => {
	await admin.query(`drop database if exists ${databaseName} with (force)`);
	await rm(workDir, { recursive: true, force: true });
});

async function files(entries: Record<string, string>): Promise<void> {
	await mkdir(migrationsDir, { recursive: true });
	for (const [name, sql] of Object.entries(entries)) await writeFile(path.join(migrationsDir, name), sql);
}

async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		return (await client.query<T>(text)).rows;
	} finally {
		await client.end();
	}
}

describe('migrate', () => {
	it('applies files in name order, records them like the Supabase CLI, seeds once, and skips them next time', async () => {
		await files({
			'20260101000200_add_column.sql':
				'alter table public.notes add column pinned boolean not null default false;',
			'20260101000100_notes.sql': 'create table public.notes (id bigserial primary key, body text not null);',
			'README.md': 'not a migration'
		});
		const first = await migrate(databaseUrl, { migrationsDir, seedFile });
		expect(first).toEqual({
			applied: ['20260101000100_notes.sql', '20260101000200_add_column.sql'],
			seeded: true
		});
		expect(
			await query('select version, name, statements from supabase_migrations.schema_migrations order by 1')
		).toEqual([
			{
				version: '20260101000100',
				name: 'notes',
				statements: ['create table public.notes (id bigserial primary key, body text not null);']
			},
			{
				version: '20260101000200',
				name: 'add_column',
				statements: ['alter table public.notes add column pinned boolean not null default false;']
			}
		]);

		const second = await migrate(databaseUrl, { migrationsDir, seedFile });
		expect(second).toEqual({ applied: [], seeded: false });
		expect(await query('select body, pinned from public.notes')).toEqual([{ body: 'seeded', pinned: false }]);
	});

	it('stops at a failing migration naming the file and line, keeping what came before and nothing of it', async () => {
		await files({
			'20260101000100_notes.sql': 'create table public.notes (id bigserial primary key, body text not null);',
			'20260101000200_broken.sql': 'create table public.half (id int);\n\nselect * from missing_table;\n'
		});
		await expect(migrate(databaseUrl, { migrationsDir, seedFile })).rejects.toThrow(
			/20260101000200_broken\.sql failed: relation "missing_table" does not exist \(SQLSTATE 42P01\)\n\s+at line 3: select \* from missing_table;/
		);
		expect(await query('select version from supabase_migrations.schema_migrations')).toEqual([
			{ version: '20260101000100' }
		]);
		expect(await query(`select to_regclass('public.half') is null as rolled_back`)).toEqual([
			{ rolled_back: true }
		]);
	});

	it('works with no migrations and no seed file yet', async () => {
		const result = await migrate(databaseUrl, { migrationsDir, seedFile: path.join(workDir, 'absent.sql') });
		expect(result).toEqual({ applied: [], seeded: false });
		// The platform is there anyway: what hosted Supabase provides before any migration.
		expect(
			await query(`select extensions.crypt('x', extensions.gen_salt('bf')) like '$2a$%' as bcrypt`)
		).toEqual([{ bcrypt: true }]);
	});
});
