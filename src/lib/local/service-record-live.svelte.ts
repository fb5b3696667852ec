import { hallDate } from '$lib/domain/hall-time';
import { localDb } from './db';
import { live } from './live.svelte';
import {
	listRecords,
	loadRecord,
	type RecordDetail,
	type RecordFilter,
	type RecordListEntry
} from './service-record-queries';

/** Today's records (the hall's day), newest first; re-reads on every local write and every pull. */
export function todaysServiceRecords(filter: () => RecordFilter): {
	readonly current: RecordListEntry[] | undefined;
} {
	return live(
		() => ({ ...filter(), day: hallDate() }),
		({ day, ...rest }) => listRecords(localDb(), day, rest)
	);
}

/** One record with its timeline, following a merge to the surviving record. */
export function serviceRecordWithTimeline(id: () => string): {
	readonly current: RecordDetail | null | undefined;
} {
	return live(id, (value) => loadRecord(localDb(), value));
}
