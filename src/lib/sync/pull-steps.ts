import { FIRST_CURSOR, type PullResult } from '$lib/domain/sync-protocol';
import { reapplyPending } from '$lib/local/apply';
import { EMPTY_SYNC_STATE, type LocalDb, type SyncState, type UnreadableRows } from '$lib/local/db';
import { clearSyncedRows } from '$lib/local/device-data';
import { readPulledChanges, storeReadPage } from '$lib/local/pulled';
import type { Registry } from '$lib/local/registry';
import { yieldToMain } from '$lib/local/yield-to-main';

/** The local side of a pull: storing a page, re-applying what is still pending, and epoch wipes. */

function pullTables(db: LocalDb): string[] {
	return [...db.syncedTables, 'outbox', 'sync_state'];
}

export async function readState(db: LocalDb): Promise<SyncState> {
	return (await db.sync_state.get('state')) ?? EMPTY_SYNC_STATE;
}

/**
 * Stores one page and its cursor in one transaction, so a crash leaves either both or neither. Rows this app
 * cannot read are added to the state's `unreadable` tally (shown in the sync panel). Returns how many there were,
 * or 'stale' when the stored cursor is no longer the one the page was asked from (`from`): something moved it
 * while the page was on its way (a discarded op asking to pull again from the start), and storing the page's
 * cursor over it would lose that. Nothing is stored then; the caller pulls again from the cursor now stored.
 */
export async function storePage(
	db: LocalDb,
	registry: Registry,
	userId: string,
	page: PullResult,
	from: string
): Promise<number | 'stale'> {
	let skipped: number | 'stale' = 0;
	const read = await readPulledChanges(registry, page.changes, yieldToMain);
	await db.transaction('rw', pullTables(db), async () => {
		if ((await readState(db)).cursor !== from) {
			skipped = 'stale';
			return;
		}
		await storeReadPage(db, registry, read);
		const { unreadable } = read;
		skipped = unreadable.count;
		await reapplyPending(db, registry, userId);
		const state = await readState(db);
		await db.sync_state.put({
			...state,
			cursor: page.cursor,
			epoch: page.epoch,
			unreadable: tally(state.unreadable, unreadable, registry.fingerprint)
		});
	});
	return skipped;
}

function tally(
	before: UnreadableRows | null,
	page: { count: number; tables: string[] },
	app: string
): UnreadableRows | null {
	if (page.count === 0) return before;
	return {
		count: (before?.count ?? 0) + page.count,
		tables: [...new Set([...(before?.tables ?? []), ...page.tables])].sort(),
		app
	};
}

/**
 * A newer app version starts: rows an older version could not read were skipped, so pull again from the start
 * for this version to read them. Called once at engine start.
 */
export async function rereadSkippedRows(db: LocalDb, registry: Registry): Promise<void> {
	await db.transaction('rw', db.sync_state, async () => {
		const state = await readState(db);
		if (!state.unreadable || state.unreadable.app === registry.fingerprint) return;
		await db.sync_state.put({ ...state, cursor: FIRST_CURSOR, unreadable: null });
	});
}

/**
 * The user's scope changed (another hall, post or access): forget every synced row and start again from the
 * first cursor. The outbox stays: those are the user's own unsent actions, applied again at once so they stay on
 * screen.
 */
export async function wipeForEpoch(
	db: LocalDb,
	registry: Registry,
	userId: string,
	epoch: number
): Promise<void> {
	await db.transaction('rw', pullTables(db), async () => {
		await clearSyncedRows(db);
		await reapplyPending(db, registry, userId);
		const state = await readState(db);
		await db.sync_state.put({ ...state, cursor: FIRST_CURSOR, epoch, unreadable: null });
	});
}

export async function markSynced(db: LocalDb, at: Date): Promise<void> {
	await db.sync_state.update('state', { last_synced_at: at.toISOString() });
}
