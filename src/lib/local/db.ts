import { Dexie, type Table } from 'dexie';
import type { ServiceRecordEventRow, ServiceRecordRow } from '$lib/domain/service-record';
import type { Op, OpType } from '$lib/domain/sync-protocol';

/** Who made a local change: the signed-in staff member, as the server will see them when the op arrives. */
export interface Actor {
	user_id: string;
	staff_id: string;
	staff_name: string;
	hall_id: string;
}

/**
 * An op waiting for the server's acknowledgement. `seq` keeps creation order; `actor` lets the op be applied
 * locally again after a pull or a wipe (it is never sent: the server takes the user from the JWT).
 */
export type OutboxEntry = { [T in OpType]: Op<T> & { seq?: number; actor: Actor } }[OpType];

/** An op the server refused, kept with its reason until a person retries or discards it (DESIGN §2.4). */
export type RejectedEntry = OutboxEntry & { code: string; message: string; rejected_at: string };

/** Why the queue is held: the server no longer knows our functions, so only a new app version can go on. */
export type HeldReason = 'update_required';

export interface SyncState {
	key: 'state';
	/** The auth user whose data this device holds; another user's sign-in wipes it first. */
	user_id: string | null;
	actor: Actor | null;
	cursor: number;
	/** The server's scope epoch at the last pull; null before the first one. */
	epoch: number | null;
	last_synced_at: string | null;
	held: HeldReason | null;
}

export const EMPTY_SYNC_STATE: SyncState = {
	key: 'state',
	user_id: null,
	actor: null,
	cursor: 0,
	epoch: null,
	last_synced_at: null,
	held: null
};

/** The tables that mirror the server's rows; wiped on an epoch change or a change of user. */
export const SYNCED_TABLE_NAMES = ['service_records', 'service_record_events'] as const;

export class HallDatabase extends Dexie {
	service_records!: Table<ServiceRecordRow, string>;
	service_record_events!: Table<ServiceRecordEventRow, string>;
	outbox!: Table<OutboxEntry, number>;
	rejected!: Table<RejectedEntry, number>;
	sync_state!: Table<SyncState, 'state'>;

	constructor(name = 'hall-assist') {
		super(name);
		this.version(1).stores({
			// [ticket_date+ticket_no]: finding today's record for a scanned ticket; opened_at: newest first.
			service_records: 'id, [ticket_date+ticket_no], [ticket_date+opened_at], merged_into',
			service_record_events: 'id, record_id, [record_id+occurred_at]',
			outbox: '++seq, &op_id',
			rejected: '++seq, &op_id',
			sync_state: 'key'
		});
	}
}

let shared: HallDatabase | undefined;

/** The app's one database, opened on first use (never during server-side rendering). */
export function localDb(): HallDatabase {
	shared ??= new HallDatabase();
	return shared;
}

/** Tests and a second "tab" in tests use their own instance; the app never calls this. */
export function useLocalDb(db: HallDatabase): void {
	shared = db;
}
