import type { LocalDb, OutboxEntry } from './db';
import type { Registry } from './registry';

/**
 * Applies a queued op's local effect through its op type's declaration, inside the caller's transaction. An op
 * this app cannot read (its type unknown, or a payload an older version wrote in another shape) changes nothing
 * here; it still goes to the server, which decides.
 */
export async function applyQueued(db: LocalDb, registry: Registry, entry: OutboxEntry): Promise<void> {
	const spec = registry.op(entry.type)?.spec;
	const checked = spec?.parse(entry.payload);
	if (!spec || !checked?.ok) return;
	await spec.apply(db, { payload: checked.value, actor: entry.actor, created_at: entry.created_at });
}

/**
 * Re-applies a user's queued ops over what a pull just stored, so a value they changed does not flip back to the
 * server's older one while its op is still on the way. Inside the caller's transaction.
 */
export async function reapplyPending(db: LocalDb, registry: Registry, userId: string): Promise<void> {
	const pending = await db.outbox
		.orderBy('seq')
		.filter((entry) => entry.actor.user_id === userId)
		.toArray();
	for (const entry of pending) await applyQueued(db, registry, entry);
}
