import type { PulledChange } from '$lib/domain/sync-protocol';
import type { LocalDb } from './db';
import type { Registry } from './registry';
import type { SyncedRow, SyncedTable } from './workflow';

/** What a page held that this app version could not read. */
export interface Unreadable {
	count: number;
	/** Tables this app does not know, and known tables with rows its schema refused. */
	tables: string[];
}

/**
 * Stores one pulled page: each row checked against its table's schema, then written table by table in the
 * registry's order, each table in one bulk write. Rows of tables this app does not know, and rows that do not fit
 * their schema (a server newer than the app), are counted and named, never silently dropped.
 */
export async function storePulledChanges(
	db: LocalDb,
	registry: Registry,
	changes: readonly PulledChange[]
): Promise<Unreadable> {
	const byTable = new Map<SyncedTable, SyncedRow[]>();
	const unreadableTables = new Set<string>();
	let unreadable = 0;
	for (const change of changes) {
		const table = registry.table(change.table);
		const row = table?.parse(change.row) ?? null;
		if (!table || !row) {
			unreadable++;
			unreadableTables.add(change.table);
			continue;
		}
		const rows = byTable.get(table) ?? [];
		rows.push(row);
		byTable.set(table, rows);
	}
	for (const table of registry.tables) {
		const rows = byTable.get(table);
		if (rows) await table.storePulled(db, rows);
	}
	return { count: unreadable, tables: [...unreadableTables].sort() };
}
