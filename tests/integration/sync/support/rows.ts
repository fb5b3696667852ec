import type pg from 'pg';
import type { PullResult, SyncedTable } from '../../../../src/lib/domain/sync-protocol';

/**
 * What a device holds after applying pulled pages in order: the last version of each row, per table. This is
 * the device's view of the data, which is what a user sees.
 */
export function deviceView(pages: PullResult[]): Record<SyncedTable, Map<string, Record<string, unknown>>> {
	const view: Record<SyncedTable, Map<string, Record<string, unknown>>> = {
		service_records: new Map(),
		service_record_events: new Map()
	};
	for (const page of pages) {
		for (const change of page.changes) view[change.table].set(String(change.row['id']), change.row);
	}
	return view;
}

export async function countRows(db: pg.Pool, table: string, column: string, value: string): Promise<number> {
	const { rows } = await db.query<{ count: string }>(
		`select count(*) from app.${table} where ${column} = $1`,
		[value]
	);
	return Number(rows[0]?.count);
}
