import type { Actor, DeviceActorRow, LocalDb } from './db';

/**
 * The signed-in staff member the device's data belongs to, kept in the sync_state table under the key 'actor'
 * (not in the engine's 'state' row, which every pull rewrites: a live query reading the actor would re-run on
 * each of those writes). Written only when a user's sync starts, removed when their data is wiped.
 */
function actorRows(db: LocalDb) {
	return db.table<DeviceActorRow, 'actor'>('sync_state');
}

/** The signed-in staff member, or null when no one's data is on the device. */
export async function readActor(db: LocalDb): Promise<Actor | null> {
	return (await actorRows(db).get('actor'))?.actor ?? null;
}

/** Inside the caller's transaction on sync_state. */
export async function storeActor(db: LocalDb, actor: Actor | null): Promise<void> {
	if (actor) await actorRows(db).put({ key: 'actor', actor });
	else await actorRows(db).delete('actor');
}
