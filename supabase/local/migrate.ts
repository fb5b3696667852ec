import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import {
	migrationsDir as defaultMigrationsDir,
	platformFile,
	seedFiles as configuredSeedFiles
} from './config';
import { describeHistory, historyFile, runHistory, type HistoryResult } from './demo-history';

export interface MigrateOptions {
	/** Apply the seed files when the database is fresh (no migration history yet). */
	seed?: boolean;
	migrationsDir?: string;
	/** One seed file instead of the configured ones. */
	seedFile?: string;
	/** The seed files, in order; by default `[db.seed] sql_paths` of supabase/config.toml. */
	seedFiles?: string[];
	/** Generate the demo history (supabase/demo/history.sql) after seeding a fresh database; never otherwise. */
	history?: boolean;
	log?: (line: string) => void;
}

export interface MigrateResult {
	applied: string[];
	seeded: boolean;
	history?: HistoryResult;
}

/** A migration file whose SQL failed; the message names the file and the line, like the Supabase CLI does. */
export class MigrationError extends Error {
	constructor(file: string, cause: unknown, sql: string) {
		super(`${file} failed: ${describeSqlError(cause, sql)}`, { cause });
		this.name = 'MigrationError';
	}
}

interface MigrationFile {
	version: string;
	name: string;
	file: string;
}

/**
 * Brings a database to the state `supabase start` / `supabase db reset` would: the platform objects, then
 * every migration not yet recorded in supabase_migrations.schema_migrations (file-name order, one transaction
 * each), then the seed files once (each in its own transaction, in the order config.toml lists them), on a
 * database that had no migration history.
 */
export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrateResult> {
	const log = options.log ?? (() => undefined);
	const client = new pg.Client({ connectionString: databaseUrl });
	client.on('notice', () => undefined); // "already exists, skipping" notices are expected on every start.
	await client.connect();
	try {
		const fresh = !(await historyTableExists(client));
		await runInTransaction(client, 'platform.sql', await readFile(platformFile, 'utf8'));
		await client.query(`
			create schema if not exists supabase_migrations;
			create table if not exists supabase_migrations.schema_migrations (
				version text primary key,
				statements text[],
				name text
			);`);
		const applied = await applyMigrations(client, options.migrationsDir ?? defaultMigrationsDir, log);
		let seeded = false;
		if (fresh && (options.seed ?? true)) {
			const files =
				options.seedFiles ?? (options.seedFile ? [options.seedFile] : await configuredSeedFiles());
			for (const seedFile of files) {
				const name = path.relative(process.cwd(), seedFile) || seedFile;
				if (existsSync(seedFile)) {
					log(`Seeding data from ${name}`);
					await runInTransaction(client, path.basename(seedFile), await readFile(seedFile, 'utf8'));
					seeded = true;
				} else {
					log(`No ${name} yet: skipped.`);
				}
			}
		}
		// Demo activity needs the seed's halls and staff: only on the database just seeded.
		let history: HistoryResult | undefined;
		if (seeded && options.history) {
			if (existsSync(historyFile)) {
				history = await runHistory(client);
				log(describeHistory(history));
			} else {
				log(`No ${path.relative(process.cwd(), historyFile)}: demo history skipped.`);
			}
		}
		return { applied, seeded, history };
	} finally {
		await client.end();
	}
}

async function historyTableExists(client: pg.Client): Promise<boolean> {
	const result = await client.query<{ exists: boolean }>(
		`select to_regclass('supabase_migrations.schema_migrations') is not null as exists`
	);
	return result.rows[0]?.exists ?? false;
}

async function applyMigrations(
	client: pg.Client,
	directory: string,
	log: (line: string) => void
): Promise<string[]> {
	const files = await listMigrations(directory, log);
	if (files.length === 0) {
		log('No migrations in supabase/migrations yet.');
		return [];
	}
	const done = await client.query<{ version: string }>(
		'select version from supabase_migrations.schema_migrations'
	);
	const appliedVersions = new Set(done.rows.map((row) => row.version));
	const applied: string[] = [];
	for (const migration of files) {
		if (appliedVersions.has(migration.version)) continue;
		const sql = await readFile(path.join(directory, migration.file), 'utf8');
		log(`Applying migration ${migration.file}...`);
		await runInTransaction(client, migration.file, sql, async () => {
			await client.query(
				'insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)',
				[migration.version, [sql], migration.name]
			);
		});
		applied.push(migration.file);
	}
	return applied;
}

/** `<digits>_<name>.sql`, as the Supabase CLI requires; other files are skipped with a warning, as it does. */
async function listMigrations(directory: string, log: (line: string) => void): Promise<MigrationFile[]> {
	if (!existsSync(directory)) return [];
	const migrations: MigrationFile[] = [];
	for (const file of (await readdir(directory)).sort()) {
		if (!file.endsWith('.sql')) continue;
		const match = /^(\d+)_?(.*)\.sql$/.exec(file);
		if (!match?.[1]) {
			log(`Skipping migration ${file}... (file name must match pattern "<timestamp>_name.sql")`);
			continue;
		}
		migrations.push({ version: match[1], name: match[2] ?? '', file });
	}
	return migrations;
}

async function runInTransaction(
	client: pg.Client,
	label: string,
	sql: string,
	record?: () => Promise<void>
): Promise<void> {
	await client.query('begin');
	try {
		await client.query(sql);
		await record?.();
		await client.query('commit');
	} catch (error) {
		await client.query('rollback').catch(() => undefined);
		throw new MigrationError(label, error, sql);
	}
}

function describeSqlError(error: unknown, sql: string): string {
	if (!(error instanceof Error)) return String(error);
	const details = error as Error & { code?: string; position?: string; detail?: string; hint?: string };
	const parts = [`${details.message}${details.code ? ` (SQLSTATE ${details.code})` : ''}`];
	const position = Number(details.position);
	if (Number.isInteger(position) && position > 0) {
		const line = sql.slice(0, position).split('\n').length;
		parts.push(`at line ${line}: ${sql.split('\n')[line - 1]?.trim() ?? ''}`);
	}
	if (details.detail) parts.push(`detail: ${details.detail}`);
	if (details.hint) parts.push(`hint: ${details.hint}`);
	return parts.join('\n  ');
}
