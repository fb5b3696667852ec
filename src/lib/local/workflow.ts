import type { Table } from 'dexie';
import type * as z from 'zod/mini';
import type { Actor, DeviceTable, LocalDb } from './db';

/**
 * How a synced workflow declares itself: its tables (row schema, device indexes, how pulled rows are stored) and
 * its op types (payload schema, local apply, which rows it touches, what discarding it means), plus labels for
 * the sync panel. src/lib/features/registry.ts lists the workflows; the database, the outbox, pulls, discards and
 * the sync panel all read that one list (docs/SYNC.md, "Adding a workflow").
 */

/** What every synced row carries: its id, the hall it belongs to, and the change version that last wrote it. */
export interface SyncedRow {
	id: string;
	hall_id: string;
	version: number;
}

export interface SyncedTable<Name extends string = string, Row extends SyncedRow = SyncedRow> {
	readonly name: Name;
	/** The row as the server sends it; the schema agreement test compares its fields with the SQL table. */
	readonly schema: z.ZodMiniObject;
	/** Secondary Dexie indexes (the primary key is always `id`). */
	readonly indexes: readonly string[];
	/** The table in a device database. */
	of(db: LocalDb): Table<Row, string>;
	/** The row if it fits this app's schema, else null (a newer server's shape is not stored half-understood). */
	parse(row: unknown): Row | null;
	// Method syntax on purpose: method parameters are bivariant, so a table of specific rows fits a list of tables.
	/** Stores one pulled page's rows of this table, inside the pull's transaction. */
	storePulled(db: LocalDb, rows: Row[]): Promise<void>;
}

type RowOf<Schema extends z.ZodMiniObject> = z.infer<Schema> & SyncedRow;

/** Rows put per request batch when a pulled page is stored. */
const PUT_BATCH = 100;

/**
 * Puts pulled rows in batches, inside the caller's transaction. Every put of a batch is issued, and its row
 * serialised, in one task; the next batch is issued from the task that delivers the previous one's completion,
 * where the transaction is still active (it would not be after a timer). A 500-row page of a first pull is then
 * five short tasks on a phone instead of one long one, and still stores all or nothing with its cursor.
 */
export async function putPulledRows<Row>(table: Table<Row, string>, rows: readonly Row[]): Promise<void> {
	for (let start = 0; start < rows.length; start += PUT_BATCH) {
		await table.bulkPut(rows.slice(start, start + PUT_BATCH));
	}
}

export function syncedTable<const Name extends string, Schema extends z.ZodMiniObject>(
	name: Name,
	schema: Schema,
	options: {
		indexes: readonly string[];
		/** Replaces the plain bulk write, when rows of this table mean more (e.g. a merge to follow). */
		storePulled?: (db: LocalDb, rows: RowOf<Schema>[]) => Promise<void>;
	}
): SyncedTable<Name, RowOf<Schema>> {
	const of = (db: LocalDb): Table<RowOf<Schema>, string> => db.table<RowOf<Schema>, string>(name);
	return {
		name,
		schema,
		indexes: options.indexes,
		of,
		parse(row) {
			const parsed = schema.safeParse(row);
			return parsed.success ? (parsed.data as RowOf<Schema>) : null;
		},
		storePulled: options.storePulled ?? ((db, rows) => putPulledRows(of(db), rows))
	};
}

/** An op as the device applies it: what it says, who made it, and when. */
export interface QueuedOp<Payload> {
	payload: Payload;
	actor: Actor;
	created_at: string;
}

/**
 * What giving up a rejected op does to the device's data. `drop`: the op created a row of that table (id =
 * payload.id) the server never had; the row goes. `pull_again`: the op changed rows the server has; the device
 * pulls from the start, so the server's values return. `undo`, for an op that made or changed several rows: it
 * removes the rows the op made that the server never had (version 0), and answers 'pull_again' when rows the
 * server has must come back too; with `drop` beside it, `drop` still names the table of the op's own row.
 */
export type DiscardRule =
	{ drop: SyncedTable; undo?: UndoOp<unknown> } | 'pull_again' | { undo: UndoOp<unknown> };

/** Inside the discard's transaction. */
export type UndoOp<Payload> = (db: LocalDb, payload: Payload) => Promise<'pull_again' | null>;

export type PayloadCheck<Payload> = { ok: true; value: Payload } | { ok: false; fields: string[] };

/** A discard rule as an op type declares it: `undo` receives the payload its schema has checked. */
export type OpDiscardRule<Payload> =
	{ drop: SyncedTable; undo?: UndoOp<Payload> } | 'pull_again' | { undo: UndoOp<Payload> };

/** Every op names the row it creates or changes. */
interface OpPayloadBase {
	id: string;
}

export interface OpSpec<Type extends string = string, Payload extends OpPayloadBase = OpPayloadBase> {
	readonly type: Type;
	/** The payload's shape; the schema agreement test compares its fields with the server's registration. */
	readonly schema: z.ZodMiniObject;
	readonly discard: DiscardRule;
	parse(payload: unknown): PayloadCheck<Payload>;
	/**
	 * The op's local effect, run when the user acts and again after every pull while the op waits, so it must give
	 * the same result however often it runs. Inside the caller's transaction.
	 */
	apply(db: LocalDb, op: QueuedOp<Payload>): Promise<void>;
	/** The ids of rows shown as "not synced yet" while the op waits. */
	touches(payload: Payload): string[];
}

export function defineOp<const Type extends string, Schema extends z.ZodMiniObject>(
	type: Type,
	schema: Schema,
	behaviour: {
		apply: (db: LocalDb, op: QueuedOp<z.infer<Schema> & OpPayloadBase>) => Promise<void>;
		discard: OpDiscardRule<z.infer<Schema> & OpPayloadBase>;
		/** Defaults to the op's own row. */
		touches?: (payload: z.infer<Schema> & OpPayloadBase) => string[];
	}
): OpSpec<Type, z.infer<Schema> & OpPayloadBase> {
	type Payload = z.infer<Schema> & OpPayloadBase;
	return {
		type,
		schema,
		discard: typedDiscard(schema, behaviour.discard),
		parse(payload) {
			const parsed = schema.safeParse(payload);
			if (parsed.success) return { ok: true, value: parsed.data as Payload };
			return { ok: false, fields: parsed.error.issues.map((issue) => issue.path.join('.')) };
		},
		apply: behaviour.apply,
		touches: behaviour.touches ?? ((payload: Payload) => [payload.id])
	};
}

/** An `undo` reads the payload it was declared for; one that no longer fits this app's schema is pulled again. */
function typedDiscard<Payload>(schema: z.ZodMiniObject, rule: OpDiscardRule<Payload>): DiscardRule {
	if (typeof rule !== 'object' || !rule.undo) return rule as DiscardRule;
	const undo = rule.undo;
	const checked: UndoOp<unknown> = async (db, payload) => {
		const parsed = schema.safeParse(payload);
		return parsed.success ? undo(db, parsed.data as Payload) : 'pull_again';
	};
	return 'drop' in rule ? { drop: rule.drop, undo: checked } : { undo: checked };
}

export type PayloadOf<Spec extends OpSpec> =
	ReturnType<Spec['parse']> extends PayloadCheck<infer Payload> ? Payload : never;

/** The sync panel's words for each op type of a workflow: every op type needs one (the compiler checks). */
export type OpLabels<Ops extends readonly OpSpec[]> = {
	[Spec in Ops[number] as Spec['type']]: (payload: PayloadOf<Spec>) => string;
};

export interface Workflow<Ops extends readonly OpSpec[] = readonly OpSpec[]> {
	/** The server's area name: its op types and tables are registered under it, its rules are app.<name>_rules(). */
	readonly name: string;
	/** Limits and patterns the server must enforce identically (compared by the schema agreement test). */
	readonly rules: Readonly<Record<string, number | string>>;
	/** In the order pulled rows are stored within a page. */
	readonly tables: readonly SyncedTable[];
	/** Device-only tables (never synced), written in the same transactions as the workflow's rows. */
	readonly deviceTables?: readonly DeviceTable[];
	readonly ops: Ops;
	readonly labels: OpLabels<Ops>;
}

export function defineWorkflow<const Ops extends readonly OpSpec[]>(
	workflow: Omit<Workflow<Ops>, 'labels'> & { labels: NoInfer<OpLabels<Ops>> }
): Workflow<Ops> {
	return workflow;
}
