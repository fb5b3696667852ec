export { localDb, type Actor, type RejectedEntry } from './db';
export { LocalWriteError, type LocalWriteReason } from './write-error';
export {
	addServiceRecordEvent,
	deleteServiceRecord,
	openServiceRecord,
	updateServiceRecord,
	type AddEventInput,
	type OpenRecordInput
} from './service-records';
export type { RecordDetail, RecordFilter, RecordListEntry, TimelineEntry } from './service-record-queries';
export { serviceRecordWithTimeline, todaysServiceRecords } from './service-record-live.svelte';
