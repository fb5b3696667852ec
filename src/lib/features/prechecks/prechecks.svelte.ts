/**
 * The pre-check screens' one seam to the device's data (src/lib/local/prechecks): pre-checks, live, and the
 * writes of a first and a return visit. Writes never wait for the network; a refused write throws a
 * LocalWriteError (nothing stored), or a NoDeviceCodeError when a notice is needed and the device has not yet
 * got its notice code (message: `precheck.noDeviceCode`).
 */
import type { RoundResult } from '$lib/domain/precheck';
import { live } from '$lib/local/live.svelte';
import { NoDeviceCodeError } from '$lib/local/prechecks/numbering';
import {
	findByNoticeNo,
	findByToken,
	itemUsage,
	listMyOpenPrechecks,
	listRecordPrechecks,
	loadPrecheck,
	type ItemUsage,
	type PrecheckDetail,
	type PrecheckListEntry
} from '$lib/local/prechecks/queries';
import * as writes from '$lib/local/prechecks/writes';
import type { NewPrecheck, Recheck } from '$lib/local/prechecks/writes';
import { localDb } from '../registry';

export { NoDeviceCodeError };
export type { ItemUsage, NewPrecheck, PrecheckDetail, PrecheckListEntry, Recheck };

type Arg<T> = T | (() => T);
const read = <T>(arg: Arg<T>): (() => T) => (typeof arg === 'function' ? (arg as () => T) : () => arg);

/** One pre-check with its version (the one it was made with), rounds oldest first, applicant and open points. */
export function livePrecheck(id: Arg<string>): { readonly current: PrecheckDetail | null | undefined } {
	return live(read(id), (value) => loadPrecheck(localDb(), value));
}

/** A first visit: makes the ids, the notice number and link token; files a `precheck` event on the record. */
export function recordPrecheck(
	input: NewPrecheck
): Promise<{ id: string; notice_no: string | null; result: RoundResult }> {
	return writes.recordPrecheck(localDb(), input);
}

/** A return visit of the notice's open points. */
export function recheckPrecheck(input: Recheck): Promise<{ id: string; result: RoundResult }> {
	return writes.recheckPrecheck(localDb(), input);
}

/** The pre-check of a scanned applicant link's token (parseNoticeUrl), or null when this device lacks it. */
export function findPrecheckByToken(token: string): Promise<string | null> {
	return findByToken(localDb(), token);
}

/** The pre-check of a typed notice number (any case, spaces allowed), or null. */
export function findPrecheckByNoticeNo(noticeNo: string): Promise<string | null> {
	return findByNoticeNo(localDb(), noticeNo);
}

/** The signed-in staff member's open notices, newest first (the home). */
export function liveMyOpenPrechecks(): { readonly current: PrecheckListEntry[] | undefined } {
	return live(
		() => null,
		() => listMyOpenPrechecks(localDb())
	);
}

/** A service record's pre-checks, oldest first. */
export function liveRecordPrechecks(recordId: Arg<string>): {
	readonly current: PrecheckListEntry[] | undefined;
} {
	return live(read(recordId), (id) => listRecordPrechecks(localDb(), id));
}

/** How often and how lately the signed-in user pre-checked each item here: the search's ranking. */
export function liveItemUsage(): { readonly current: Map<string, ItemUsage> | undefined } {
	return live(
		() => null,
		() => itemUsage(localDb())
	);
}
