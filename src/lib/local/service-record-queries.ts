import type {
	BusinessCategory,
	ServiceRecordEventRow,
	ServiceRecordRow,
	SpecialGroup
} from '$lib/domain/service-record';
import { survivingRecord } from './apply/service-records';
import type { HallDatabase } from './db';
import { pendingIds } from './outbox';

/** The reads behind the service-record screens, as plain async functions (live.svelte.ts makes them live). */

export interface RecordFilter {
	/** Part of a ticket number, any case: "a02" finds A023. */
	search: string;
	category: BusinessCategory | null;
	group: SpecialGroup | null;
}

export interface RecordListEntry {
	record: ServiceRecordRow;
	lastEvent: ServiceRecordEventRow | null;
	/** The record or one of its events still waits for the server. */
	pending: boolean;
}

export interface TimelineEntry {
	event: ServiceRecordEventRow;
	pending: boolean;
}

export interface RecordDetail {
	record: ServiceRecordRow;
	timeline: TimelineEntry[];
}

/** The live records of one hall day, newest opening first, narrowed by the filter. */
export async function listRecords(
	db: HallDatabase,
	day: string,
	filter: RecordFilter
): Promise<RecordListEntry[]> {
	const search = filter.search.trim().toUpperCase();
	const records = await db.service_records
		.where('[ticket_date+opened_at]')
		.between([day, ''], [day, '\uffff'])
		.reverse()
		.filter(
			(row) =>
				row.deleted_at === null &&
				(search === '' || row.ticket_no.includes(search)) &&
				(filter.category === null || row.category === filter.category) &&
				(filter.group === null || row.special_groups.includes(filter.group))
		)
		.toArray();
	const pending = await pendingIds(db);
	return Promise.all(
		records.map(async (record) => ({
			record,
			lastEvent: (await timelineOf(db, record.id)).at(-1) ?? null,
			pending: pending.has(record.id)
		}))
	);
}

/**
 * One record and its timeline, oldest first. An id merged into another record shows the survivor, so a link or
 * a screen opened before the merge keeps working; null when the record is not here or was deleted.
 */
export async function loadRecord(db: HallDatabase, id: string): Promise<RecordDetail | null> {
	const record = await survivingRecord(db, id);
	if (!record || record.deleted_at) return null;
	const pending = await pendingIds(db);
	const events = await timelineOf(db, record.id);
	return { record, timeline: events.map((event) => ({ event, pending: pending.has(event.id) })) };
}

function timelineOf(db: HallDatabase, recordId: string): Promise<ServiceRecordEventRow[]> {
	return db.service_record_events
		.where('[record_id+occurred_at]')
		.between([recordId, ''], [recordId, '\uffff'])
		.toArray();
}
