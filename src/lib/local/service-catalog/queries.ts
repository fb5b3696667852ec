import type { ServiceItemRow, ServiceItemVersionRow } from '$lib/domain/service-catalog';
import type { LocalDb } from '../db';
import { pendingIds } from '../outbox';
import { serviceItems, serviceItemVersions } from './tables';

/** The reads behind the catalog and search screens, as plain async functions (live.svelte.ts makes them live). */

export interface CatalogEntry {
	item: ServiceItemRow;
	/** The version a new pre-check uses. */
	current: ServiceItemVersionRow;
	/** A version or withdrawal of the item still waits for the server. */
	pending: boolean;
}

export interface CatalogItemDetail {
	item: ServiceItemRow;
	/** Newest first. */
	versions: ServiceItemVersionRow[];
	pending: boolean;
}

const readScope = (db: LocalDb) => [serviceItems.of(db), serviceItemVersions.of(db), db.outbox];

/**
 * The item's current version. A version the device gave up (a refused publish) may leave the item pointing at a
 * version it no longer has: the newest one it has stands in until the next pull says otherwise.
 */
function currentOf(
	item: ServiceItemRow,
	versions: readonly ServiceItemVersionRow[]
): ServiceItemVersionRow | undefined {
	const named = versions.find((version) => version.id === item.current_version_id);
	if (named) return named;
	return versions.reduce<ServiceItemVersionRow | undefined>(
		(newest, version) => (newest === undefined || version.revision > newest.revision ? version : newest),
		undefined
	);
}

/** The hall's catalog, withdrawn items included, by code; an item without any version here is left out. */
export function listCatalog(db: LocalDb): Promise<CatalogEntry[]> {
	return db.transaction('r', readScope(db), async () => {
		const [items, versions, pending] = await Promise.all([
			serviceItems.of(db).orderBy('code').toArray(),
			serviceItemVersions.of(db).toArray(),
			pendingIds(db)
		]);
		const byItem = new Map<string, ServiceItemVersionRow[]>();
		for (const version of versions) {
			const list = byItem.get(version.item_id) ?? [];
			list.push(version);
			byItem.set(version.item_id, list);
		}
		const entries: CatalogEntry[] = [];
		for (const item of items) {
			const current = currentOf(item, byItem.get(item.id) ?? []);
			if (current) entries.push({ item, current, pending: pending.has(item.id) });
		}
		return entries;
	});
}

/** One item with all its versions, newest first; null when the device has neither it nor any of its versions. */
export function loadCatalogItem(db: LocalDb, itemId: string): Promise<CatalogItemDetail | null> {
	return db.transaction('r', readScope(db), async () => {
		const [item, versions, pending] = await Promise.all([
			serviceItems.of(db).get(itemId),
			versionsOf(db, itemId),
			pendingIds(db)
		]);
		if (!item || versions.length === 0) return null;
		return { item, versions, pending: pending.has(item.id) };
	});
}

/** An item's versions, newest first. */
export async function versionsOf(db: LocalDb, itemId: string): Promise<ServiceItemVersionRow[]> {
	return serviceItemVersions
		.of(db)
		.where('[item_id+revision]')
		.between([itemId, 0], [itemId, Infinity])
		.reverse()
		.toArray();
}

/** One version, whatever its item's state: a pre-check keeps reading the version it names. */
export async function loadVersion(db: LocalDb, versionId: string): Promise<ServiceItemVersionRow | null> {
	return (await serviceItemVersions.of(db).get(versionId)) ?? null;
}
