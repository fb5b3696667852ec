import type pg from 'pg';

/**
 * What a case did to the database, read as the superuser. Every synced row carries the change version of the
 * transaction that last wrote it, and each hall's counter only moves when something was written: the rows a case
 * wrote are those above the counters read before it.
 */
export type HallVersions = Record<string, string>;

export interface ChangedRow {
	table: string;
	row: Record<string, unknown>;
}

export async function syncedTableNames(db: pg.Pool): Promise<string[]> {
	const { rows } = await db.query<{ table_name: string }>(
		'select table_name from app.synced_tables order by table_name'
	);
	return rows.map((row) => row.table_name);
}

export async function hallVersions(db: pg.Pool): Promise<HallVersions> {
	const { rows } = await db.query<{ versions: HallVersions }>(
		`select coalesce(jsonb_object_agg(hall_id, version::text), '{}') as versions from app.hall_versions`
	);
	return rows[0]?.versions ?? {};
}

/** Every synced row written after `before` was read, in any hall. */
export async function changedRows(
	db: pg.Pool,
	tables: string[],
	before: HallVersions
): Promise<ChangedRow[]> {
	if (tables.length === 0) return [];
	const union = tables
		.map(
			(table) =>
				`select ${escape(table)} as table, to_jsonb(r) as row from app.${ident(table)} r
				 where r.version > coalesce(($1::jsonb ->> r.hall_id::text)::bigint, -1)`
		)
		.join(' union all ');
	const { rows } = await db.query<ChangedRow>(union, [JSON.stringify(before)]);
	return rows;
}

/** Synced rows with one of `ids`, in any table. */
export async function rowsWithIds(db: pg.Pool, tables: string[], ids: string[]): Promise<ChangedRow[]> {
	if (tables.length === 0 || ids.length === 0) return [];
	const union = tables
		.map(
			(table) =>
				`select ${escape(table)} as table, to_jsonb(r) as row from app.${ident(table)} r where r.id = any ($1::uuid[])`
		)
		.join(' union all ');
	const { rows } = await db.query<ChangedRow>(union, [ids]);
	return rows;
}

/** The stored results of a user's ops (exactly-once memory), by op id. */
export async function storedResults(
	db: pg.Pool,
	userId: string,
	opIds: string[]
): Promise<Map<string, unknown>> {
	const { rows } = await db.query<{ op_id: string; result: unknown }>(
		'select op_id, result from app.applied_ops where user_id = $1 and op_id = any ($2)',
		[userId, opIds]
	);
	return new Map(rows.map((row) => [row.op_id, row.result]));
}

/** Ids of the synced rows in each hall, sorted (what refs of scope own/other pick from), plus staff and halls. */
export async function idsByHall(db: pg.Pool, tables: string[]): Promise<Map<string, string[]>> {
	const union = [
		...tables.map((table) => `select hall_id, id from app.${ident(table)}`),
		'select hall_id, id from app.staff',
		'select id, id from app.halls'
	].join(' union all ');
	const { rows } = await db.query<{ hall_id: string; id: string }>(`${union} order by 1, 2`);
	const byHall = new Map<string, string[]>();
	for (const row of rows) byHall.set(row.hall_id, [...(byHall.get(row.hall_id) ?? []), row.id]);
	return byHall;
}

// Table names come from app.synced_tables, whose names are identifiers; quoted anyway.
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const escape = (text: string) => `'${text.replaceAll("'", "''")}'`;
