import { EMPTY_SYNC_STATE, type Actor, type LocalDb } from './db';

/**
 * Whose data the device holds. Synced rows belong to the signed-in user's scope, so they are wiped when the
 * user signs out or another user signs in. The outbox and the rejected list are never wiped here: each entry
 * names its author, and stays theirs until the server has it or they resolve it (a user with work left can only
 * hand the device over, never just sign out).
 */

function allTables(db: LocalDb): string[] {
	return [...db.syncedTables, 'outbox', 'rejected', 'sync_state'];
}

/** Forgets every synced row; the outbox and the rejected list stay. Inside the caller's transaction. */
export async function clearSyncedRows(db: LocalDb): Promise<void> {
	await Promise.all(db.syncedTables.map((name) => db.table(name).clear()));
}

/** Called when the engine starts for a signed-in user: keeps their data, or starts clean for a new user. */
export async function prepareForUser(db: LocalDb, actor: Actor): Promise<void> {
	await db.transaction('rw', allTables(db), async () => {
		const state = (await db.sync_state.get('state')) ?? EMPTY_SYNC_STATE;
		if (state.user_id !== actor.user_id) {
			await clearSyncedRows(db);
			await db.sync_state.put({ ...EMPTY_SYNC_STATE, user_id: actor.user_id, actor });
			return;
		}
		// Same user: the name or hall may have changed since; the cursor and epoch stay.
		await db.sync_state.put({ ...state, actor });
	});
}

/** At sign-out: the next person on this tablet must not see this user's hall data. */
export async function wipeSyncedData(db: LocalDb): Promise<void> {
	await db.transaction('rw', allTables(db), async () => {
		await clearSyncedRows(db);
		await db.sync_state.put(EMPTY_SYNC_STATE);
	});
}

/** Ops of this user not yet acknowledged by the server. */
export function pendingCount(db: LocalDb, userId: string): Promise<number> {
	return db.outbox.filter((entry) => entry.actor.user_id === userId).count();
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

export async function colleaguesWork(db: LocalDb, signedInUserId: string): Promise<ColleagueWork[]> {
	const byUser = new Map<string, ColleagueWork>();
	const count = (entry: { actor: Actor }, field: 'pending' | 'unresolved') => {
		if (entry.actor.user_id === signedInUserId) return;
		const work = byUser.get(entry.actor.user_id) ?? {
			user_id: entry.actor.user_id,
			name: entry.actor.staff_name,
			pending: 0,
			unresolved: 0
		};
		work[field]++;
		byUser.set(entry.actor.user_id, work);
	};
	await db.outbox.each((entry) => count(entry, 'pending'));
	await db.rejected.each((entry) => count(entry, 'unresolved'));
	return [...byUser.values()];
}
