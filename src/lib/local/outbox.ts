import { SCHEMA_VERSION } from '$lib/domain/sync-protocol';
import { uuidv7 } from '$lib/domain/uuid';
import type { Actor, LocalDb, OutboxEntry } from './db';
import { readActor } from './device-actor';
import type { OpSpec } from './workflow';
import { LocalWriteError } from './write-error';

/** The signed-in staff member stored at engine start; without one nothing can be attributed, so nothing is written. */
export async function currentActor(db: LocalDb): Promise<Actor> {
	const actor = await readActor(db);
	if (!actor) throw new LocalWriteError('not_signed_in', 'No signed-in staff member on this device.');
	return actor;
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
	const [entry] = await enqueueAll(db, spec, [payload], actor);
	return entry!;
}

/**
 * Queues one op per payload, in order, in the caller's transaction: all applied locally and all added to the outbox
 * at once. Every request is sent before any answer is awaited, so 5,000 rows of an import cost one round trip to
 * the browser's storage, not 10,000 (8 s on a phone-sized Chromium before, one at a time). The applies run side by
 * side, so the payloads must touch different rows.
 */
export async function enqueueAll<Payload extends { id: string }>(
	db: LocalDb,
	spec: OpSpec<string, Payload>,
	payloads: readonly Payload[],
	actor: Actor
): Promise<OutboxEntry[]> {
	const created_at = new Date().toISOString();
	const entries: OutboxEntry[] = payloads.map((payload) => ({
		op_id: uuidv7(),
		type: spec.type,
		payload,
		created_at,
		schema_version: SCHEMA_VERSION,
		actor,
		touches: spec.touches(payload)
	}));
	const [, seqs] = await Promise.all([
		Promise.all(payloads.map((payload) => spec.apply(db, { payload, actor, created_at }))),
		db.outbox.bulkAdd(entries, { allKeys: true })
	]);
	entries.forEach((entry, index) => (entry.seq = seqs[index]));
	return entries;
}

/**
 * The row ids ops in the outbox still touch: shown as "not synced yet". The whole outbox in one request (it holds
 * tens of ops, hundreds after a long time offline): an index lookup per row id would cost a round trip to the
 * browser's storage each, which a screen that re-reads after every tap cannot afford.
 */
export async function pendingIds(db: LocalDb): Promise<Set<string>> {
	return new Set((await db.outbox.toArray()).flatMap((entry) => entry.touches));
}
