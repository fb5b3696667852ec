import { SYNCED_TABLES, type PulledChange } from '$lib/domain/sync-protocol';
import type { HallDatabase, OutboxEntry } from '../db';
import {
	applyAddEvent,
	applyDelete,
	applyOpen,
	applyPulledEvent,
	applyPulledRecord,
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
 * Stores one pulled row after checking it against the table's schema. Returns false for a row that does not
 * fit (a server newer than this app): it is skipped rather than stored half-understood.
 */
export async function applyPulledChange(db: Db, change: PulledChange): Promise<boolean> {
	switch (change.table) {
		case 'service_records': {
			const parsed = SYNCED_TABLES.service_records.safeParse(change.row);
			if (!parsed.success) return false;
			await applyPulledRecord(db, parsed.data);
			return true;
		}
		case 'service_record_events': {
			const parsed = SYNCED_TABLES.service_record_events.safeParse(change.row);
			if (!parsed.success) return false;
			await applyPulledEvent(db, parsed.data);
			return true;
		}
	}
}
