import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from './config';

/** The generator's SQL: demo.generate_history and its helpers (docs/HISTORY.md). Never a migration. */
export const historyFile = path.join(repoRoot, 'supabase', 'demo', 'history.sql');

/** history.sql with its parts in place of its `\ir` lines, as psql includes them. */
export async function historySql(file: string = historyFile): Promise<string> {
	const text = await readFile(file, 'utf8');
	const parts: string[] = [];
	for (const line of text.split('\n')) {
		const include = /^\\ir\s+(\S+)\s*$/.exec(line);
		parts.push(include?.[1] ? await historySql(path.join(path.dirname(file), include[1])) : line);
	}
	return parts.join('\n');
}

export interface HistoryOptions {
	/** The hall day (YYYY-MM-DD) the history leads up to; default the hall's today (UTC+8), up to now. */
	anchor?: string;
	/** How many hall days before the anchor (default 90). */
	days?: number;
	/** The halls to fill; default every hall with active staff. */
	hallIds?: string[];
}

/** What demo.generate_history answers. */
export interface HistoryResult {
	halls: string[];
	from: string;
	to: string;
	/** Rows of earlier runs this run replaced. */
	removed: number;
	/** Rows written, per table. */
	rows: Record<string, number>;
	/** Milliseconds per step inside the database, and in all. */
	step_ms: Record<string, number>;
	ms: number;
}

/** The hall's today: UTC+8 (src/lib/domain/hall-time.ts). */
export function hallToday(now: Date = new Date()): string {
	return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Loads the generator into the database (idempotent) and runs it in one transaction on an open connection: all
 * of the history or none of it.
 */
export async function runHistory(client: pg.Client, options: HistoryOptions = {}): Promise<HistoryResult> {
	const sql = await historySql();
	await client.query('begin');
	try {
		// One run at a time per database: loading the generator creates its schema and functions, and two loads at
		// once (two e2e workers each making a hall with history) collide on the schema's name even with IF NOT EXISTS.
		await client.query("select pg_advisory_xact_lock(hashtext('demo.generate_history'))");
		// The generator's "already exists, skipping" notices are expected on every load.
		await client.query("set local client_min_messages = 'warning'");
		await client.query(sql);
		const { rows } = await client.query<{ result: HistoryResult }>(
			'select demo.generate_history($1::date, $2::int, $3::uuid[]) as result',
			[options.anchor ?? hallToday(), options.days ?? 90, options.hallIds ?? null]
		);
		await client.query('commit');
		const result = rows[0]?.result;
		if (!result) throw new Error('demo.generate_history answered nothing');
		return result;
	} catch (error) {
		await client.query('rollback').catch(() => undefined);
		throw error;
	}
}

/** generateHistory against a database URL (a test stack's, or the running local stack's). */
export async function generateHistory(
	databaseUrl: string,
	options: HistoryOptions = {}
): Promise<HistoryResult> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		return await runHistory(client, options);
	} finally {
		await client.end();
	}
}

/** One line for a log: what was written, and how long it took. */
export function describeHistory(result: HistoryResult): string {
	const total = Object.values(result.rows).reduce((sum, count) => sum + count, 0);
	const records = result.rows['service_records'] ?? 0;
	return (
		`Demo history ${result.from} … ${result.to} for ${result.halls.length} hall(s): ${total.toLocaleString('en')} rows ` +
		`(${records.toLocaleString('en')} service records) in ${(result.ms / 1000).toFixed(1)} s`
	);
}
