import { EMPTY_SYNC_STATE, type Actor, type LocalDb, type RejectedEntry, type SyncState } from './db';
import { storeActor } from './device-actor';

/**
 * Whose data the device holds. Synced rows belong to the signed-in user's scope, so they are wiped when the
 * user signs out or another user signs in. The outbox and the rejected list are never wiped here: each entry
 * names its author, and stays theirs until the server has it or they resolve it (a user with work left can only
 * hand the device over, never just sign out).
 */

function allTables(db: LocalDb): string[] {
	return [...db.writeTables, 'rejected'];
}

/** What the device-only tables forget (each decides: bytes still to upload are unsent work and stay). */
async function forgetDeviceRows(db: LocalDb): Promise<void> {
	for (const table of db.deviceTables) await table.forget(db);
}

/** Forgets every synced row; the outbox and the rejected list stay. Inside the caller's transaction. */
export async function clearSyncedRows(db: LocalDb): Promise<void> {
	await Promise.all(db.syncedTables.map((name) => db.table(name).clear()));
}

/**
 * A database never prepared for anyone holds no rows: its first sign-in only stores the user, without clearing
 * some thirty empty tables in one transaction (a long task of a phone's first load). False when it was prepared.
 */
async function prepareFresh(db: LocalDb, actor: Actor): Promise<boolean> {
	return db.transaction('rw', db.sync_state, async () => {
		if ((await db.sync_state.get('state')) !== undefined) return false;
		await db.sync_state.put({ ...EMPTY_SYNC_STATE, user_id: actor.user_id });
		await storeActor(db, actor);
		return true;
	});
}

/** Called when the engine starts for a signed-in user: keeps their data, or starts clean for a new user. */
export async function prepareForUser(db: LocalDb, actor: Actor): Promise<void> {
	if (await prepareFresh(db, actor)) return;
	await db.transaction('rw', allTables(db), async () => {
		const state = (await db.sync_state.get('state')) ?? EMPTY_SYNC_STATE;
		if (state.user_id !== actor.user_id) {
			await clearSyncedRows(db);
			await forgetDeviceRows(db);
			await db.sync_state.put({ ...EMPTY_SYNC_STATE, user_id: actor.user_id });
			await storeActor(db, actor);
			return;
		}
		// Same user: the name or hall may have changed since; the cursor and epoch stay.
		await storeActor(db, actor);
	});
}

/** At sign-out: the next person on this tablet must not see this user's hall data. */
export async function wipeSyncedData(db: LocalDb): Promise<void> {
	await db.transaction('rw', allTables(db), async () => {
		await clearSyncedRows(db);
		await forgetDeviceRows(db);
		await db.sync_state.put(EMPTY_SYNC_STATE);
		await storeActor(db, null);
	});
}

/** This user's work on the device: ops not yet on the server, and ops the server refused. */
export async function workOf(db: LocalDb, userId: string): Promise<{ pending: number; unresolved: number }> {
	const mine = (entry: { actor: Actor }) => entry.actor.user_id === userId;
	const [pending, unresolved] = await Promise.all([
		db.outbox.filter(mine).count(),
		db.rejected.filter(mine).count()
	]);
	return { pending, unresolved };
}

/** Work other staff left on this device (they handed it over), by person; names and counts only. */
export interface ColleagueWork {
	user_id: string;
	name: string;
	pending: number;
	unresolved: number;
}

/** What the sync control shows, read in one transaction (it re-reads after every write and every pull). */
export interface DeviceWork {
	pending: number;
	rejected: RejectedEntry[];
	colleagues: ColleagueWork[];
	state: SyncState | undefined;
}

export function deviceWork(db: LocalDb, userId: string): Promise<DeviceWork> {
	return db.transaction('r', [db.outbox, db.rejected, db.sync_state], async () => {
		const [queued, refused, state] = await Promise.all([
			db.outbox.toArray(),
			db.rejected.toArray(),
			db.sync_state.get('state')
		]);
		const colleagues = new Map<string, ColleagueWork>();
		const count = (entry: { actor: Actor }, field: 'pending' | 'unresolved') => {
			const work = colleagues.get(entry.actor.user_id) ?? {
				user_id: entry.actor.user_id,
				name: entry.actor.staff_name,
				pending: 0,
				unresolved: 0
			};
			work[field]++;
			colleagues.set(entry.actor.user_id, work);
		};
		for (const entry of queued) if (entry.actor.user_id !== userId) count(entry, 'pending');
		for (const entry of refused) if (entry.actor.user_id !== userId) count(entry, 'unresolved');
		return {
			pending: queued.filter((entry) => entry.actor.user_id === userId).length,
			rejected: refused.filter((entry) => entry.actor.user_id === userId),
			colleagues: [...colleagues.values()],
			state
		};
	});
}
