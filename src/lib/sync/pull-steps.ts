import type { PullResult } from '$lib/domain/sync-protocol';
import { applyOp, applyPulledChanges } from '$lib/local/apply';
import { EMPTY_SYNC_STATE, SYNCED_TABLE_NAMES, type HallDatabase, type SyncState } from '$lib/local/db';

/** The local side of a pull: storing a page, re-applying what is still pending, and epoch wipes. */

const PULL_TABLES = [...SYNCED_TABLE_NAMES, 'outbox', 'sync_state'] as const;

export async function readState(db: HallDatabase): Promise<SyncState> {
	return (await db.sync_state.get('state')) ?? EMPTY_SYNC_STATE;
}

/**
 * Re-applies this user's queued ops over what was just stored, so a value the user changed does not flip back
 * to the server's older one while its op is still on the way (DESIGN §2.10). Inside the caller's transaction.
 */
async function reapplyPending(db: HallDatabase, userId: string): Promise<void> {
	const pending = await db.outbox
		.orderBy('seq')
		.filter((entry) => entry.actor.user_id === userId)
		.toArray();
	for (const entry of pending) await applyOp(db, entry);
}

/**
 * Stores one page and its cursor in one transaction, so a crash leaves either both or neither. Returns the
 * number of rows skipped because they did not match this app's schemas.
 */
export async function storePage(db: HallDatabase, userId: string, page: PullResult): Promise<number> {
	let skipped = 0;
	await db.transaction('rw', PULL_TABLES, async () => {
		skipped = await applyPulledChanges(db, page.changes);
		await reapplyPending(db, userId);
		const state = await readState(db);
		await db.sync_state.put({ ...state, cursor: page.cursor, epoch: page.epoch });
	});
	return skipped;
}

/**
 * The user's scope changed (another hall, post or access): forget every synced row and start again from cursor
 * 0. The outbox stays: those are the user's own unsent actions, applied again at once so they stay on screen.
 */
export async function wipeForEpoch(db: HallDatabase, userId: string, epoch: number): Promise<void> {
	await db.transaction('rw', PULL_TABLES, async () => {
		await Promise.all(SYNCED_TABLE_NAMES.map((name) => db.table(name).clear()));
		await reapplyPending(db, userId);
		const state = await readState(db);
		await db.sync_state.put({ ...state, cursor: 0, epoch });
	});
}

export async function markSynced(db: HallDatabase, at: Date): Promise<void> {
	await db.sync_state.update('state', { last_synced_at: at.toISOString() });
}
