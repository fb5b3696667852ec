import type { Op, OpResult } from '$lib/domain/sync-protocol';
import type { LocalDb, OutboxEntry } from '$lib/local/db';

/** The outbox's side of a push: which ops go next, and what the server's answer does to them. */

/** The next ops of this user, oldest first. Ops of another account wait for that account's sign-in. */
export function nextBatch(db: LocalDb, userId: string, size: number): Promise<OutboxEntry[]> {
	return db.outbox
		.orderBy('seq')
		.filter((entry) => entry.actor.user_id === userId)
		.limit(size)
		.toArray();
}

/** The op as it travels: no seq, no actor (the server takes the user from the JWT), the hall it was made in. */
export function toWire(entry: OutboxEntry): Op {
	return {
		op_id: entry.op_id,
		type: entry.type,
		payload: entry.payload,
		created_at: entry.created_at,
		schema_version: entry.schema_version,
		hall_id: entry.actor.hall_id
	};
}

/**
 * Applies the server's answer in one transaction: acknowledged ops leave the outbox; rejected ones move to the
 * rejected table with their code and message, so they stay visible. An op the answer does not mention stays
 * queued. Returns how many ops the server answered for.
 */
export async function acknowledge(
	db: LocalDb,
	entries: readonly OutboxEntry[],
	results: readonly OpResult[]
): Promise<number> {
	const byOpId = new Map(results.map((result) => [result.op_id, result]));
	let answered = 0;
	await db.transaction('rw', [db.outbox, db.rejected], async () => {
		for (const entry of entries) {
			const result = byOpId.get(entry.op_id);
			if (!result || entry.seq === undefined) continue;
			answered++;
			await db.outbox.delete(entry.seq);
			if (result.status === 'rejected') {
				await moveToRejected(db, entry, result.code ?? 'validation', result.message ?? '');
			}
		}
	});
	return answered;
}

/** Dead-letters one op; call inside a transaction over outbox and rejected (or alone: Dexie wraps it). */
export async function moveToRejected(
	db: LocalDb,
	entry: OutboxEntry,
	code: string,
	message: string
): Promise<void> {
	const { seq: _seq, server_failures: _failures, ...op } = entry;
	await db.rejected.put({ ...op, code, message, rejected_at: new Date().toISOString() });
}

/** Counts a server failure (HTTP 500) against each op of a batch; returns the highest count among them. */
export async function countServerFailure(db: LocalDb, entries: readonly OutboxEntry[]): Promise<number> {
	let highest = 0;
	await db.transaction('rw', db.outbox, async () => {
		for (const entry of entries) {
			if (entry.seq === undefined) continue;
			const failures = (entry.server_failures ?? 0) + 1;
			highest = Math.max(highest, failures);
			await db.outbox.update(entry.seq, { server_failures: failures });
		}
	});
	return highest;
}

export async function deadLetter(
	db: LocalDb,
	entry: OutboxEntry,
	code: string,
	message: string
): Promise<void> {
	await db.transaction('rw', [db.outbox, db.rejected], async () => {
		if (entry.seq !== undefined) await db.outbox.delete(entry.seq);
		await moveToRejected(db, entry, code, message);
	});
}
