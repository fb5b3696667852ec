import type { ServiceRecordEventRow, ServiceRecordRow } from '$lib/domain/service-record';
import { SYNCED_TABLES, type PulledChange } from '$lib/domain/sync-protocol';
import type { HallDatabase, OutboxEntry } from '../db';
import {
	applyAddEvent,
	applyDelete,
	applyOpen,
	applyPulledEvents,
	applyPulledRecords,
	applyUpdate
} from './service-records';

type Db = Pick<HallDatabase, 'service_records' | 'service_record_events'>;

/**
 * The one dispatch from an op to its local effect. A later workflow adds its op types here (and its tables to
 * SYNCED_TABLES); the engine and the mutations need no change. Runs inside the caller's transaction.
 */
export async function applyOp(db: Db, entry: OutboxEntry): Promise<void> {
	switch (entry.type) {
		case 'service_record.open':
			return applyOpen(db, entry.payload, entry.actor);
		case 'service_record.update':
			return applyUpdate(db, entry.payload);
		case 'service_record.add_event':
			return applyAddEvent(db, entry.payload, entry.actor);
		case 'service_record.delete':
			return applyDelete(db, entry.payload, entry.created_at);
	}
}

/**
 * Stores the rows of one pulled page, each checked against its table's schema first, then written table by table
 * in bulk: events first, then records, so a merge also moves an event of the merged record that came in the same
 * page. Returns how many rows did not fit (a server newer than this app): those are skipped rather than stored
 * half-understood.
 */
export async function applyPulledChanges(db: Db, changes: readonly PulledChange[]): Promise<number> {
	const records: ServiceRecordRow[] = [];
	const events: ServiceRecordEventRow[] = [];
	let skipped = 0;
	for (const change of changes) {
		switch (change.table) {
			case 'service_records': {
				const parsed = SYNCED_TABLES.service_records.safeParse(change.row);
				if (parsed.success) records.push(parsed.data);
				else skipped++;
				break;
			}
			case 'service_record_events': {
				const parsed = SYNCED_TABLES.service_record_events.safeParse(change.row);
				if (parsed.success) events.push(parsed.data);
				else skipped++;
				break;
			}
		}
	}
	await applyPulledEvents(db, events);
	await applyPulledRecords(db, records);
	return skipped;
}
