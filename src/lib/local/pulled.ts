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

/** A pulled page checked against the registry's schemas, ready to store. */
export interface ReadPage {
	byTable: Map<SyncedTable, SyncedRow[]>;
	unreadable: Unreadable;
}

/** How long rows are checked before the page is given back to the browser, to paint or answer a tap. */
const SLICE_MS = 8;

/**
 * Checks each row of a pulled page against its table's schema. Rows of tables this app does not know, and rows
 * that do not fit their schema (a server newer than the app), are counted and named, never silently dropped.
 * A first pull brings hundreds of rows with nested content (a catalog item's materials); checked in one task on
 * a phone's CPU that is a long freeze of the first screen, so every SLICE_MS the work pauses with `pause` (which
 * ends the task). The first slice starts in a task of its own too: the task that delivered the page already
 * parsed its JSON and checked its envelope. Nothing is stored yet: a storage transaction cannot stay open across
 * such a pause.
 */
export async function readPulledChanges(
	registry: Registry,
	changes: readonly PulledChange[],
	pause: () => Promise<void> = () => Promise.resolve()
): Promise<ReadPage> {
	const byTable = new Map<SyncedTable, SyncedRow[]>();
	const unreadableTables = new Set<string>();
	let unreadable = 0;
	if (changes.length > 0) await pause();
	let sliceStart = performance.now();
	for (const change of changes) {
		if (performance.now() - sliceStart > SLICE_MS) {
			await pause();
			sliceStart = performance.now();
		}
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
	return { byTable, unreadable: { count: unreadable, tables: [...unreadableTables].sort() } };
}

/** Stores a read page table by table in the registry's order, each table in one bulk write. */
export async function storeReadPage(db: LocalDb, registry: Registry, page: ReadPage): Promise<void> {
	for (const table of registry.tables) {
		const rows = page.byTable.get(table);
		if (rows) await table.storePulled(db, rows);
	}
}
