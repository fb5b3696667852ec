import { SCHEMA_VERSION } from '$lib/domain/sync-protocol';
import { uuidv7 } from '$lib/domain/uuid';
import { EMPTY_SYNC_STATE, type Actor, type LocalDb, type OutboxEntry } from './db';
import type { OpSpec } from './workflow';
import { LocalWriteError } from './write-error';

/** The signed-in staff member stored at engine start; without one nothing can be attributed, so nothing is written. */
export async function currentActor(db: LocalDb): Promise<Actor> {
	const state = (await db.sync_state.get('state')) ?? EMPTY_SYNC_STATE;
	if (!state.actor) throw new LocalWriteError('not_signed_in', 'No signed-in staff member on this device.');
	return state.actor;
}

/** The payload if it fits the op type's schema; otherwise a LocalWriteError naming the fields, nothing stored. */
export function checkedPayload<Payload extends { id: string }>(
	spec: OpSpec<string, Payload>,
	input: unknown
): Payload {
	const checked = spec.parse(input);
	if (checked.ok) return checked.value;
	throw new LocalWriteError('invalid', `Invalid ${spec.type}: ${checked.fields.join(', ')}`, checked.fields);
}

/**
 * Applies an op locally and queues it, inside the caller's transaction (over db.writeTables), so the change and
 * its outbox entry are stored together or not at all.
 */
export async function enqueue<Payload extends { id: string }>(
	db: LocalDb,
	spec: OpSpec<string, Payload>,
	payload: Payload,
	actor: Actor
): Promise<OutboxEntry> {
	const created_at = new Date().toISOString();
	await spec.apply(db, { payload, actor, created_at });
	const entry: OutboxEntry = {
		op_id: uuidv7(),
		type: spec.type,
		payload,
		created_at,
		schema_version: SCHEMA_VERSION,
		actor,
		touches: spec.touches(payload)
	};
	entry.seq = await db.outbox.add(entry);
	return entry;
}

/** Of these row ids, the ones an op in the outbox still touches: shown as "not synced yet". */
export async function pendingAmong(db: LocalDb, ids: readonly string[]): Promise<Set<string>> {
	const wanted = new Set(ids);
	const pending = new Set<string>();
	if (wanted.size === 0) return pending;
	await db.outbox
		.where('touches')
		.anyOf([...wanted])
		.each((entry) => {
			for (const id of entry.touches) if (wanted.has(id)) pending.add(id);
		});
	return pending;
}
