import type { PublishServiceItem, WithdrawServiceItem } from '$lib/domain/service-catalog';
import type { LocalDb } from '../db';
import type { QueuedOp } from '../workflow';
import { serviceItems, serviceItemVersions } from './tables';

/**
 * The local effect of each service_item.* op, mirroring the server's writing functions: the new version shows at
 * once as the item's current one, with the revision the device guesses (the server numbers versions in the order
 * it receives them; the pull brings the real one). Each gives the same result however often it runs.
 */

/** The revision after the newest this device knows of the item, not counting the version being applied. */
async function provisionalRevision(db: LocalDb, itemId: string, versionId: string): Promise<number> {
	const others = await serviceItemVersions
		.of(db)
		.where('[item_id+revision]')
		.between([itemId, 0], [itemId, Infinity])
		.filter((row) => row.id !== versionId)
		.last();
	return (others?.revision ?? 0) + 1;
}

export async function applyPublish(
	db: LocalDb,
	{ payload, actor }: QueuedOp<PublishServiceItem>
): Promise<void> {
	const versions = serviceItemVersions.of(db);
	const { id, item_id, code, published_at, ...content } = payload;
	const stored = await versions.get(id);
	if (!stored || stored.version === 0) {
		// Ours and not yet numbered by the server: guess again, a colleague's version may have arrived meanwhile.
		const revision = await provisionalRevision(db, item_id, id);
		if (stored) {
			if (stored.revision !== revision) await versions.update(id, { revision });
		} else {
			await versions.add({
				id,
				item_id,
				hall_id: actor.hall_id,
				revision,
				...content,
				published_by: actor.staff_id,
				published_by_name: actor.staff_name,
				published_at,
				version: 0
			});
		}
	}
	const items = serviceItems.of(db);
	const item = await items.get(item_id);
	if (!item) {
		await items.add({
			id: item_id,
			hall_id: actor.hall_id,
			code,
			current_version_id: id,
			withdrawn_at: null,
			is_demo: false,
			version: 0
		});
		return;
	}
	// Still waiting for the server: as there, the version received last is the current one and revives the item.
	if (item.current_version_id !== id || item.withdrawn_at !== null) {
		await items.update(item_id, { current_version_id: id, withdrawn_at: null });
	}
}

export async function applyWithdraw(db: LocalDb, { payload }: QueuedOp<WithdrawServiceItem>): Promise<void> {
	const items = serviceItems.of(db);
	const item = await items.get(payload.id);
	if (!item || item.withdrawn_at !== null) return;
	await items.update(payload.id, { withdrawn_at: payload.withdrawn_at });
}

/**
 * Gives up a refused publish: the version the server never had goes, and so does an item it created that has no
 * other version here; an item the server has pulls again, so its current version and withdrawal return.
 */
export async function undoPublish(db: LocalDb, payload: PublishServiceItem): Promise<'pull_again' | null> {
	const versions = serviceItemVersions.of(db);
	if ((await versions.get(payload.id))?.version === 0) await versions.delete(payload.id);
	const item = await serviceItems.of(db).get(payload.item_id);
	if (!item) return null;
	if (item.version > 0) return 'pull_again';
	const others = await versions
		.where('[item_id+revision]')
		.between([item.id, 0], [item.id, Infinity])
		.count();
	if (others === 0) await serviceItems.of(db).delete(item.id);
	return null;
}
