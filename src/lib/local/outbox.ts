import type { OpPayload, OpType } from '$lib/domain/sync-protocol';
import { SCHEMA_VERSION } from '$lib/domain/sync-protocol';
import { uuidv7 } from '$lib/domain/uuid';
import { applyOp } from './apply';
import { EMPTY_SYNC_STATE, type Actor, type HallDatabase, type OutboxEntry } from './db';
import { LocalWriteError } from './write-error';

/** The tables a user action writes; open every mutation's transaction over all of them. */
export const WRITE_TABLES = ['service_records', 'service_record_events', 'outbox', 'sync_state'] as const;

/** The signed-in staff member stored at engine start; without one nothing can be attributed, so nothing is written. */
export async function currentActor(db: HallDatabase): Promise<Actor> {
	const state = (await db.sync_state.get('state')) ?? EMPTY_SYNC_STATE;
	if (!state.actor) throw new LocalWriteError('not_signed_in', 'No signed-in staff member on this device.');
	return state.actor;
}

/**
 * Applies an op locally and queues it, inside the caller's Dexie transaction, so the change and its outbox entry
 * are stored together or not at all (DESIGN §2.2).
 */
export async function enqueueOp<T extends OpType>(
	db: HallDatabase,
	type: T,
	payload: OpPayload<T>,
	actor: Actor
): Promise<OutboxEntry> {
	const entry = {
		op_id: uuidv7(),
		type,
		payload,
		created_at: new Date().toISOString(),
		schema_version: SCHEMA_VERSION,
		actor
	} as OutboxEntry; // T is one member of the union; TypeScript cannot correlate the generic with it.
	await applyOp(db, entry);
	entry.seq = await db.outbox.add(entry);
	return entry;
}

/** Record ids and event ids that still have an op in the outbox: shown as "not synced yet". */
export async function pendingIds(db: HallDatabase): Promise<Set<string>> {
	const ids = new Set<string>();
	await db.outbox.each((entry) => {
		ids.add(entry.payload.id);
		if (entry.type === 'service_record.add_event') ids.add(entry.payload.record_id);
	});
	return ids;
}
