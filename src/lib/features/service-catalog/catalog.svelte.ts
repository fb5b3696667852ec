/**
 * The catalog screens' one seam to the device's data (src/lib/local/service-catalog): the hall's items with their
 * versions, live, and a manager's writes. Writes never wait for the network; a refused write throws a
 * LocalWriteError whose `fields` name what to fix, and nothing is stored.
 */
import type { ServiceItemDraft } from '$lib/domain/service-catalog';
import { live } from '$lib/local/live.svelte';
import {
	listCatalog,
	loadCatalogItem,
	type CatalogEntry,
	type CatalogItemDetail
} from '$lib/local/service-catalog/queries';
import * as writes from '$lib/local/service-catalog/writes';
import { localDb } from '../registry';
import { searchKeysFor } from './search-keys';

export type { CatalogEntry, CatalogItemDetail };

type Arg<T> = T | (() => T);
const read = <T>(arg: Arg<T>): (() => T) => (typeof arg === 'function' ? (arg as () => T) : () => arg);

/** The hall's items with their current versions, withdrawn included, by code; follows every write and pull. */
export function liveCatalog(): { readonly current: CatalogEntry[] | undefined } {
	return live(
		() => null,
		() => listCatalog(localDb())
	);
}

/** One item and its versions, newest first; null when the device does not have it. */
export function liveCatalogItem(itemId: Arg<string>): {
	readonly current: CatalogItemDetail | null | undefined;
} {
	return live(read(itemId), (id) => loadCatalogItem(localDb(), id));
}

/**
 * Publishes the draft as a new version of `itemId`, or as a new item. The pinyin search keys are computed here,
 * on the manager's device, so that searching devices never load a pinyin dictionary.
 */
export function publishServiceItem(
	draft: ServiceItemDraft,
	itemId?: string
): Promise<{ itemId: string; versionId: string }> {
	const search_keys = searchKeysFor({ name_zh: draft.name_zh, aliases: draft.aliases });
	return writes.publishServiceItem(localDb(), { ...draft, search_keys }, itemId);
}

/** Stops new pre-checks of the item; its old pre-checks keep reading their versions. */
export function withdrawServiceItem(itemId: string): Promise<void> {
	return writes.withdrawServiceItem(localDb(), itemId);
}
