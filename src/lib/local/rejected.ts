import { FIRST_CURSOR, SCHEMA_VERSION } from '$lib/domain/sync-protocol';
import { uuidv7 } from '$lib/domain/uuid';
import { applyQueued } from './apply';
import type { LocalDb, OutboxEntry } from './db';
import type { Registry } from './registry';
import { signalLocalWrite } from './write-signal';

/**
 * What a person can do with an op the server refused: send it again once the cause is gone, or give it up.
 * Nothing leaves the needs-attention list any other way.
 */

/** Queues the op again under a new op id: the server remembers the old id's rejection and would repeat it. */
export async function retryRejected(db: LocalDb, registry: Registry, seq: number): Promise<void> {
	await db.transaction('rw', [...db.syncedTables, 'outbox', 'rejected'], async () => {
		const entry = await db.rejected.get(seq);
		if (!entry) return;
		const { seq: _seq, code: _code, message: _message, rejected_at: _at, ...op } = entry;
		const again: OutboxEntry = {
			...op,
			op_id: uuidv7(),
			created_at: new Date().toISOString(),
			schema_version: SCHEMA_VERSION
		};
		await applyQueued(db, registry, again);
		await db.outbox.add(again);
		await db.rejected.delete(seq);
	});
	signalLocalWrite();
}

/**
 * Gives the op up, after the user confirmed, as its op type's discard rule says: a row it created that the server
 * never acknowledged (version 0) goes; for a change to rows the server has, the device pulls again from the start,
 * so the server's values return; an op of several rows undoes its own (and may ask to pull again).
 */
export async function discardRejected(db: LocalDb, registry: Registry, seq: number): Promise<void> {
	await db.transaction('rw', [...db.writeTables, 'rejected'], async () => {
		const entry = await db.rejected.get(seq);
		if (!entry) return;
		await db.rejected.delete(seq);
		const rule = registry.op(entry.type)?.spec.discard ?? 'pull_again';
		if (typeof rule === 'object' && rule.undo) {
			if ((await rule.undo(db, entry.payload)) === 'pull_again') {
				await db.sync_state.update('state', { cursor: FIRST_CURSOR });
			}
			return;
		}
		const id = (entry.payload as { id?: unknown } | null)?.id;
		if (rule !== 'pull_again' && 'drop' in rule && typeof id === 'string') {
			const table = rule.drop.of(db);
			if ((await table.get(id))?.version === 0) await table.delete(id);
			return;
		}
		await db.sync_state.update('state', { cursor: FIRST_CURSOR });
	});
}
