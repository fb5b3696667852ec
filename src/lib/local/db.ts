import { Dexie, type DexieOptions, type Table } from 'dexie';
import { FIRST_CURSOR, type Op } from '$lib/domain/sync-protocol';

/** Who made a local change: the signed-in staff member, as the server will see them when the op arrives. */
export interface Actor {
	user_id: string;
	staff_id: string;
	staff_name: string;
	hall_id: string;
	/** Their post as me() names it (a notice printed before the sync shows it); absent from older stored actors. */
	post?: string;
}

/**
 * An op waiting for the server's acknowledgement. `seq` keeps creation order; `actor` lets the op be applied
 * locally again after a pull or a wipe, and names the hall it was made in (sent as the op's hall_id; the server
 * takes the user from the JWT); `touches` names the rows shown as "not synced yet" while it waits.
 */
export interface OutboxEntry extends Omit<Op, 'hall_id'> {
	seq?: number;
	actor: Actor;
	touches: string[];
	/** Pushes of this op that failed inside the server (HTTP 500); after a few it goes alone, then aside. */
	server_failures?: number;
}

/** An op the server refused, kept with its reason until a person retries or discards it. */
export interface RejectedEntry extends OutboxEntry {
	code: string;
	message: string;
	rejected_at: string;
}

/** Why the queue is held: the server no longer knows our functions, so only a new app version can go on. */
export type HeldReason = 'update_required';

/**
 * Pulled rows this app version could not read (a table it does not know, or a row its schema refuses). They are
 * counted, shown, and pulled again by the next app version, whose registry fingerprint differs.
 */
export interface UnreadableRows {
	count: number;
	tables: string[];
	app: string;
}

/**
 * This device database's identity for numbering one-time notices (docs/PRECHECK.md): an id made on the device,
 * the code the server handed to it for the hall (null until claimed), and the count of notices it numbered on
 * its last hall day. Wiped with the rest of the user's data, so a device database starts numbering anew under a
 * new id and a new code.
 */
export interface DeviceNumbering {
	device_id: string;
	hall_id: string;
	code: string | null;
	day: string | null;
	count: number;
}

/**
 * The engine's bookkeeping and whose data the device holds. The signed-in staff member (the actor) is a row of
 * its own (`DeviceActorRow`, `device-actor.ts`): every "mine" list reads the actor, and a live query re-runs on
 * any write to a row it read, so the actor must not share its row with the cursor the engine writes every pull.
 */
export interface SyncState {
	key: 'state';
	/** The auth user whose data this device holds; another user's sign-in wipes it first. */
	user_id: string | null;
	/** The server's opaque pull cursor. */
	cursor: string;
	/** The server's scope epoch at the last pull; null before the first one. */
	epoch: number | null;
	last_synced_at: string | null;
	held: HeldReason | null;
	unreadable: UnreadableRows | null;
	/** Absent in states stored by an app older than the pre-checks. */
	numbering?: DeviceNumbering | null;
}

export const EMPTY_SYNC_STATE: SyncState = {
	key: 'state',
	user_id: null,
	cursor: FIRST_CURSOR,
	epoch: null,
	last_synced_at: null,
	held: null,
	unreadable: null,
	numbering: null
};

/** The signed-in staff member whose data the device holds, in the sync_state table under its own key. */
export interface DeviceActorRow {
	key: 'actor';
	actor: Actor;
}

/**
 * A device-only table of a workflow (never synced, e.g. photo bytes waiting for their upload): written in the
 * same transactions as the workflow's rows (it is in `writeTables`), and told what to forget when the device's
 * user changes or signs out (`forget`, inside that transaction).
 */
export interface DeviceTable {
	readonly name: string;
	/** Secondary Dexie indexes (the primary key is always `id`). */
	readonly indexes: readonly string[];
	forget(db: LocalDb): Promise<void>;
}

/** What the database needs to know of the synced workflows: their tables and what an op touches. */
export interface LocalSchema {
	tables: readonly { name: string; indexes: readonly string[] }[];
	deviceTables?: readonly DeviceTable[];
	touches(op: Pick<Op, 'type' | 'payload'>): string[];
}

/**
 * The device's IndexedDB: one table per synced table of the registry (same names and row shapes as the server's),
 * plus `outbox`, `rejected` and `sync_state`. Dexie 4 upgrades the stored schema when the declared one differs, so
 * a workflow that adds tables needs no version bump here; a version is added only to migrate stored data.
 */
export class LocalDb extends Dexie {
	outbox!: Table<OutboxEntry, number>;
	rejected!: Table<RejectedEntry, number>;
	sync_state!: Table<SyncState, 'state'>;
	/** The synced tables' names, in the registry's order. */
	readonly syncedTables: readonly string[];
	/** The workflows' device-only tables (not synced), in the registry's order. */
	readonly deviceTables: readonly DeviceTable[];
	/**
	 * The tables a user action writes (its rows, its device-only rows, its outbox op, the actor): every mutation's
	 * transaction scope.
	 */
	readonly writeTables: readonly string[];

	/** `options`: Dexie's, e.g. an IndexedDB of its own for each simulated device of the torture run. */
	constructor(name: string, schema: LocalSchema, options?: DexieOptions) {
		// Dexie 4's live-query cache is off: with it on, the first pull's write transaction failed in Chromium with
		// PrematureCommitError while the home's patrol list was subscribed (found by the e2e suite), and the
		// checkpoints never arrived. The cache speeds up many concurrent live queries; these screens have a few.
		super(name, { cache: 'disabled', ...options });
		this.syncedTables = schema.tables.map((table) => table.name);
		this.deviceTables = schema.deviceTables ?? [];
		this.writeTables = [
			...this.syncedTables,
			...this.deviceTables.map((table) => table.name),
			'outbox',
			'sync_state'
		];
		const synced: Record<string, string> = Object.fromEntries(
			[...schema.tables, ...this.deviceTables].map((table) => [
				table.name,
				['id', ...table.indexes].join(', ')
			])
		);
		this.version(2)
			.stores({
				...synced,
				outbox: '++seq, &op_id',
				rejected: '++seq, &op_id',
				sync_state: 'key'
			})
			// Version 1 stored the cursor as a number and the outbox without `touches`.
			.upgrade(async (tx) => {
				await tx
					.table<OutboxEntry, number>('outbox')
					.toCollection()
					.modify((entry) => {
						entry.touches = schema.touches(entry);
					});
				await tx
					.table<SyncState, 'state'>('sync_state')
					.toCollection()
					.modify((state) => {
						state.cursor = String(state.cursor);
						state.unreadable ??= null;
					});
			});
		// Version 2 kept the actor inside the 'state' row; it has a row of its own now (see SyncState).
		this.version(3).upgrade(async (tx) => {
			const stored = tx.table<SyncState & { actor?: Actor | null }, string>('sync_state');
			const state = await stored.get('state');
			if (!state?.actor) return;
			const { actor, ...rest } = state;
			await tx.table<DeviceActorRow, string>('sync_state').put({ key: 'actor', actor });
			await stored.put(rest);
		});
	}
}
