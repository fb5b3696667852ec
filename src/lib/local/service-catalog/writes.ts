import type { PublishServiceItem, ServiceItemDraft, ServiceItemRow } from '$lib/domain/service-catalog';
import { uuidv7 } from '$lib/domain/uuid';
import type { LocalDb } from '../db';
import { checkedPayload, currentActor, enqueue } from '../outbox';
import { LocalWriteError } from '../write-error';
import { signalLocalWrite } from '../write-signal';
import { publishItem, withdrawItem } from './ops';
import { serviceItems } from './tables';

/**
 * The catalog writes a manager's screens call. Each checks its input first (a LocalWriteError naming the fields
 * to fix, nothing stored), then writes the rows and the outbox op in one Dexie transaction, then wakes the sync
 * engine. The server refuses them from anyone but a manager.
 */

/** A draft with the pinyin search keys the feature layer computed for it (search-keys.ts). */
export type DraftWithKeys = ServiceItemDraft & Pick<PublishServiceItem, 'search_keys'>;

/**
 * Publishes the draft as a new version: of the item `itemId`, or of a new item with the draft's code. Returns the
 * ids. The code of an existing item never changes, and a new item's code must not be another item's.
 */
export async function publishServiceItem(
	db: LocalDb,
	draft: DraftWithKeys,
	itemId?: string
): Promise<{ itemId: string; versionId: string }> {
	const payload = checkedPayload(publishItem, {
		...draft,
		id: uuidv7(),
		item_id: itemId ?? uuidv7(),
		published_at: new Date().toISOString()
	});
	await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const items = serviceItems.of(db);
		if (itemId !== undefined) {
			const item = await items.get(itemId);
			if (!item) throw new LocalWriteError('not_found', `Service item ${itemId} is not on this device.`);
			if (item.code !== payload.code) {
				throw new LocalWriteError('invalid', `The code of item ${item.code} cannot change.`, ['code']);
			}
		} else {
			const taken = await items.where('code').equals(payload.code).first();
			if (taken) {
				throw new LocalWriteError('invalid', `Code ${payload.code} is already item ${taken.id}.`, ['code']);
			}
		}
		await enqueue(db, publishItem, payload, actor);
	});
	signalLocalWrite();
	return { itemId: payload.item_id, versionId: payload.id };
}

/** Stops new pre-checks of the item; already withdrawn: nothing to do. */
export async function withdrawServiceItem(db: LocalDb, itemId: string): Promise<void> {
	const payload = checkedPayload(withdrawItem, { id: itemId, withdrawn_at: new Date().toISOString() });
	const queued = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const item: ServiceItemRow | undefined = await serviceItems.of(db).get(itemId);
		if (!item) throw new LocalWriteError('not_found', `Service item ${itemId} is not on this device.`);
		if (item.withdrawn_at !== null) return false;
		await enqueue(db, withdrawItem, payload, actor);
		return true;
	});
	if (queued) signalLocalWrite();
}
