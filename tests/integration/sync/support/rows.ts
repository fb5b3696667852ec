import type pg from 'pg';
import type { PullResult } from '../../../../src/lib/domain/sync-protocol';
import { registry } from '../../../../src/lib/features/registry';

/**
 * What a device holds after applying pulled pages in order: the last version of each row, per table. This is
 * the device's view of the data, which is what a user sees.
 */
type Rows = Map<string, Record<string, unknown>>;

export function deviceView(
	pages: PullResult[]
): Record<string, Rows> & { service_records: Rows; service_record_events: Rows } {
	const view: Record<string, Rows> = Object.fromEntries(
		registry.tables.map((table) => [table.name, new Map()])
	);
	for (const page of pages) {
		for (const change of page.changes) {
			const rows = view[change.table];
			if (!rows) throw new Error(`pulled a row of ${change.table}, which no workflow declares`);
			rows.set(String(change.row['id']), change.row);
		}
	}
	return view as Record<string, Rows> & { service_records: Rows; service_record_events: Rows };
}

export async function countRows(db: pg.Pool, table: string, column: string, value: string): Promise<number> {
	const { rows } = await db.query<{ count: string }>(
		`select count(*) from app.${table} where ${column} = $1`,
		[value]
	);
	return Number(rows[0]?.count);
}
