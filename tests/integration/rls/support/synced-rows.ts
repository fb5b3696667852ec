import fc from 'fast-check';
import type pg from 'pg';
import type { OpSpec, SyncedTable } from '../../../../src/lib/local/workflow';
import type { Registry } from '../../../../src/lib/local/registry';
import { idsByHall, rowsWithIds } from '../../fuzz/support/db-state';
import { callRpc, type Caller } from '../../fuzz/support/gateway-calls';
import { materialize, type RefContext } from '../../fuzz/support/refs';
import { schemaArbitraries } from '../../fuzz/support/zod-arbitrary';
import { CREATORS, OP_EXAMPLES, type ExampleContext } from './op-examples';

/**
 * Rows of any synced table, made and changed the intended way (sync_push as a staff member), with payloads
 * generated from the op types' schemas: the RLS matrix needs a row of every table, and an allowed write to pair
 * with each denied one, without naming a workflow.
 */

/** Candidate payloads per op type, the same in every run. */
const samples = (spec: OpSpec): unknown[] =>
	fc.sample(schemaArbitraries(spec.schema).valid, { seed: 20261130, numRuns: 60 });

export interface SyncedRow {
	table: string;
	row: Record<string, unknown>;
}

export class RowMaker {
	constructor(
		private readonly db: pg.Pool,
		private readonly registry: Registry,
		/** A manager of a hall, for rows only managers may make (op-examples.ts). */
		private readonly managerOf: (hall: string) => Caller = () => {
			throw new Error('no manager given to the RowMaker');
		}
	) {}

	/**
	 * The op type that creates rows of `table`: the one whose discard drops the row it made, or else the first
	 * creating op of the table's workflow (a version's op also makes its item; a pre-check's, its applicant).
	 */
	creator(table: SyncedTable): OpSpec | undefined {
		const creating = this.registry.ops.filter(
			(op) => typeof op.spec.discard === 'object' && 'drop' in op.spec.discard
		);
		const workflow = this.registry.workflows.find((candidate) => candidate.tables.includes(table))?.name;
		const named = CREATORS[table.name];
		if (named) return this.registry.ops.find((op) => op.spec.type === named)?.spec;
		return (
			creating.find(
				(op) =>
					typeof op.spec.discard === 'object' &&
					'drop' in op.spec.discard &&
					op.spec.discard.drop.name === table.name
			) ?? creating.find((op) => op.workflow === workflow)
		)?.spec;
	}

	private exampleContext(caller: Caller): ExampleContext {
		return {
			db: this.db,
			caller,
			push: (as, type, payload) => this.push(as, type, payload),
			managerOf: this.managerOf
		};
	}

	/**
	 * Makes a row of `table` with its creating op's example payload (op-examples.ts) as `caller`: the verdict, and
	 * the row (one the op names: its id, or a row it touches) when applied.
	 */
	async tryCreate(
		caller: Caller,
		table: SyncedTable
	): Promise<{ verdict: string; row?: Record<string, unknown> }> {
		const spec = this.creator(table);
		const example = spec && OP_EXAMPLES[spec.type];
		if (!spec || !example) throw new Error(`no example payload creates rows of ${table.name}`);
		const payload = (await example(this.exampleContext(caller))) as { id: string };
		const verdict = await this.push(caller, spec.type, payload);
		if (verdict !== 'applied') return { verdict };
		for (const id of new Set([payload.id, ...spec.touches(payload)])) {
			const row = await this.row(table, id);
			if (row) return { verdict, row };
		}
		throw new Error(`${spec.type} applied but made no row of ${table.name}`);
	}

	async refs(caller: Caller): Promise<RefContext> {
		const tables = this.registry.tables.map((table) => table.name);
		const byHall = await idsByHall(this.db, tables);
		const ownHall = caller.hallId ?? '';
		return {
			own: byHall.get(ownHall) ?? [],
			other: [],
			ownHall,
			otherHall: ownHall,
			now: new Date(),
			fresh: () => crypto.randomUUID()
		};
	}

	/** Pushes one op as `caller`; its result's status and code. */
	async push(caller: Caller, type: string, payload: unknown, hall = caller.hallId): Promise<string> {
		const op = {
			op_id: crypto.randomUUID(),
			type,
			payload,
			created_at: new Date().toISOString(),
			schema_version: 1,
			hall_id: hall
		};
		const answer = await callRpc(caller, 'sync_push', { ops: [op] });
		if (answer.status !== 200) return `HTTP ${answer.status}`;
		const [result] = answer.body as { status: string; code?: string }[];
		return result?.code ? `${result.status} (${result.code})` : (result?.status ?? 'no result');
	}

	async row(table: SyncedTable, id: string): Promise<Record<string, unknown> | undefined> {
		return (await rowsWithIds(this.db, [table.name], [id]))[0]?.row;
	}

	/**
	 * A new row of `table` in the caller's hall, made by its creating op through sync_push: the first generated
	 * payload that applies and leaves a live row under its id. References pick among `among` when given (rows just
	 * made for it), else among the hall's rows; when none fits (an event needs a live record), a row of each other
	 * table of its workflow is made first and the references pick among those. Op types whose rules read other
	 * rows' content use their example payload instead (op-examples.ts).
	 */
	async create(caller: Caller, table: SyncedTable, among?: string[]): Promise<Record<string, unknown>> {
		const spec = this.creator(table);
		if (!spec) throw new Error(`no op type creates rows of ${table.name}`);
		if (OP_EXAMPLES[spec.type]) {
			const made = await this.tryCreate(caller, table);
			if (!made.row) throw new Error(`${spec.type} for ${caller.label}: ${made.verdict}`);
			return made.row;
		}
		const refs = { ...(await this.refs(caller)), ...(among ? { own: among } : {}) };
		for (const sample of samples(spec)) {
			const payload = materialize(sample, refs) as { id: string };
			payload.id = crypto.randomUUID();
			if ((await this.push(caller, spec.type, payload)) !== 'applied') continue;
			const row = await this.row(table, payload.id);
			// A live row: an opening of a ticket the hall already has is born a tombstone (merged into the other).
			if (row && row['deleted_at'] == null) return row;
		}
		if (among === undefined) {
			// The rows it may need are of its own workflow (an event needs its record).
			const made: string[] = [];
			const workflow = this.registry.workflows.find((candidate) => candidate.tables.includes(table));
			for (const other of workflow?.tables ?? []) {
				if (other !== table && this.creator(other))
					made.push(String((await this.create(caller, other, []))['id']));
			}
			return this.create(caller, table, made);
		}
		throw new Error(`no generated ${spec.type} payload made a row of ${table.name} for ${caller.label}`);
	}

	/**
	 * The op types that change an existing row of `table` (a row made for the purpose, by `author`; changed by
	 * `changer(spec)`, the author unless the op is a manager's), and whether each one tombstones it: the intended
	 * path of an update or a delete.
	 */
	async changers(
		author: Caller,
		table: SyncedTable,
		changer: (spec: OpSpec) => Caller = () => author
	): Promise<{ spec: OpSpec; tombstones: boolean }[]> {
		const found: { spec: OpSpec; tombstones: boolean }[] = [];
		for (const { spec } of this.registry.ops) {
			if (spec.discard !== 'pull_again') continue;
			const change = await this.change(changer(spec), table, spec, await this.create(author, table));
			if (change) found.push({ spec, tombstones: change.after['deleted_at'] != null });
		}
		return found;
	}

	/** Applies `spec` to `row` as `caller`; the row before and after, or undefined when it did not change it. */
	async change(
		caller: Caller,
		table: SyncedTable,
		spec: OpSpec,
		row: Record<string, unknown>
	): Promise<{ verdict: string; after: Record<string, unknown> } | undefined> {
		const refs = await this.refs(caller);
		let verdict = 'no payload tried';
		for (const sample of samples(spec)) {
			const payload = { ...(materialize(sample, refs) as object), id: row['id'] };
			verdict = await this.push(caller, spec.type, payload);
			if (verdict !== 'applied') continue;
			const after = await this.row(table, String(row['id']));
			if (after && after['version'] !== row['version']) return { verdict, after };
		}
		return undefined;
	}

	/** What `spec` does to `row` as `caller` with its first generated payload: the verdict, and the row after. */
	async attempt(
		caller: Caller,
		table: SyncedTable,
		spec: OpSpec,
		row: Record<string, unknown>,
		hall?: string | null
	) {
		const refs = await this.refs(caller);
		const payload = { ...(materialize(samples(spec)[0], refs) as object), id: row['id'] };
		const verdict = await this.push(caller, spec.type, payload, hall);
		return { verdict, after: await this.row(table, String(row['id'])) };
	}
}
