import type { Collection } from 'dexie';
import type {
	BusinessCategory,
	ServiceRecordEventRow,
	ServiceRecordRow,
	SpecialGroup
} from '$lib/domain/service-record';
import type { LocalDb } from '../db';
import { pendingIds } from '../outbox';
import { survivingRecord } from './apply';
import { serviceRecordEvents, serviceRecords } from './tables';

/** The reads behind the service-record screens, as plain async functions (live.svelte.ts makes them live). */

export interface RecordFilter {
	/** Part of a ticket number, any case: "a02" finds A023. */
	search: string;
	category: BusinessCategory | null;
	group: SpecialGroup | null;
	/** Only green-channel records. */
	green: boolean;
}

export const NO_RECORD_FILTER: RecordFilter = { search: '', category: null, group: null, green: false };

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
	/** The record or one of its events still waits for the server. */
	pending: boolean;
	timeline: TimelineEntry[];
}

/**
 * The tables these reads touch: each read runs in one read-only transaction over them, not one per request. The
 * scope functions are async on purpose: Dexie keeps a transaction alive across native awaits only for an async
 * scope function; a plain arrow returning the same promise let the transaction commit early under load
 * (PrematureCommitError on the ticket list, seen in the e2e suite). ESLint refuses a plain one.
 */
const readScope = (db: LocalDb) => [serviceRecords.of(db), serviceRecordEvents.of(db), db.outbox];

/** The live records of one hall day, newest opening first, narrowed by the filter. */
export function listRecords(db: LocalDb, day: string, filter: RecordFilter): Promise<RecordListEntry[]> {
	return db.transaction('r', readScope(db), async () => listInTransaction(db, day, filter));
}

async function listInTransaction(db: LocalDb, day: string, filter: RecordFilter): Promise<RecordListEntry[]> {
	const search = filter.search.trim().toUpperCase();
	const records = await serviceRecords
		.of(db)
		.where('[ticket_date+opened_at]')
		.between([day, ''], [day, '\uffff'])
		.reverse()
		.filter(
			(row) =>
				row.deleted_at === null &&
				(search === '' || row.ticket_no.includes(search)) &&
				(filter.category === null || row.category === filter.category) &&
				(filter.group === null || row.special_groups.includes(filter.group)) &&
				(!filter.green || row.green_channel)
		)
		.toArray();
	const pending = await pendingIds(db);
	return Promise.all(
		records.map(async (record) => ({
			record,
			lastEvent: (await timelineRange(db, record.id).last()) ?? null,
			pending: pending.has(record.id)
		}))
	);
}

/**
 * One record and its timeline, oldest first. An id merged into another record shows the survivor, so a link or
 * a screen opened before the merge keeps working; null when the record is not here or was deleted.
 */
export function loadRecord(db: LocalDb, id: string): Promise<RecordDetail | null> {
	return db.transaction('r', readScope(db), async () => loadInTransaction(db, id));
}

async function loadInTransaction(db: LocalDb, id: string): Promise<RecordDetail | null> {
	const record = await survivingRecord(db, id);
	if (!record || record.deleted_at) return null;
	const [events, pending] = await Promise.all([timelineRange(db, record.id).toArray(), pendingIds(db)]);
	return {
		record,
		pending: pending.has(record.id),
		timeline: events.map((event) => ({ event, pending: pending.has(event.id) }))
	};
}

/** A record's events, oldest first. */
function timelineRange(db: LocalDb, recordId: string): Collection<ServiceRecordEventRow, string> {
	return serviceRecordEvents
		.of(db)
		.where('[record_id+occurred_at]')
		.between([recordId, ''], [recordId, '\uffff']);
}
