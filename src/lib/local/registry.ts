import type { Op } from '$lib/domain/sync-protocol';
import type { DeviceTable, LocalSchema } from './db';
import type { OpSpec, PayloadOf, SyncedTable, Workflow } from './workflow';

/**
 * Every synced workflow of the app, looked up by table name and op type. Built once from the list in
 * src/lib/features/registry.ts; everything central (the database's tables, applying and re-applying ops, storing
 * pulls, discarding, the sync panel's words) reads it instead of naming workflows itself.
 */

/** A workflow as the registry holds it: labels take the payload their op type's schema has already checked. */
export type AnyWorkflow = Omit<Workflow, 'labels'> & {
	readonly labels: Readonly<Record<string, (payload: never) => string>>;
};

export interface RegisteredOp {
	readonly spec: OpSpec;
	readonly workflow: string;
	/** The sync panel's words for an op of this type, or null when its payload does not fit this app's schema. */
	label(payload: unknown): string | null;
}

export interface Registry<
	Workflows extends readonly AnyWorkflow[] = readonly AnyWorkflow[]
> extends LocalSchema {
	readonly workflows: Workflows;
	readonly tables: readonly SyncedTable[];
	readonly ops: readonly RegisteredOp[];
	/** Changes whenever a table or op type is added or removed: a device re-reads rows an older app skipped. */
	readonly fingerprint: string;
	table(name: string): SyncedTable | undefined;
	op(type: string): RegisteredOp | undefined;
}

export function defineRegistry<const Workflows extends readonly AnyWorkflow[]>(
	workflows: Workflows
): Registry<Workflows> {
	const tables = new Map<string, SyncedTable>();
	const deviceTables = new Map<string, DeviceTable>();
	const ops = new Map<string, RegisteredOp>();
	for (const workflow of workflows) {
		for (const table of workflow.deviceTables ?? []) {
			if (tables.has(table.name) || deviceTables.has(table.name))
				throw new Error(`Device table ${table.name} is declared twice`);
			deviceTables.set(table.name, table);
		}
		for (const table of workflow.tables) {
			if (tables.has(table.name) || deviceTables.has(table.name))
				throw new Error(`Synced table ${table.name} is declared twice`);
			tables.set(table.name, table);
		}
		for (const spec of workflow.ops) {
			if (ops.has(spec.type)) throw new Error(`Op type ${spec.type} is declared twice`);
			const label = workflow.labels[spec.type];
			if (!label) throw new Error(`Op type ${spec.type} has no label`);
			ops.set(spec.type, {
				spec,
				workflow: workflow.name,
				label(payload) {
					const checked = spec.parse(payload);
					// `never`: the label was declared for exactly this op type's payload, which parse just checked.
					return checked.ok ? label(checked.value as never) : null;
				}
			});
		}
	}
	const fingerprint = [...tables.keys(), ...ops.keys()].sort().join(',');
	return {
		workflows,
		tables: [...tables.values()],
		deviceTables: [...deviceTables.values()],
		ops: [...ops.values()],
		fingerprint,
		table: (name) => tables.get(name),
		op: (type) => ops.get(type),
		touches(op: Pick<Op, 'type' | 'payload'>): string[] {
			const spec = ops.get(op.type)?.spec;
			const checked = spec?.parse(op.payload);
			return spec && checked?.ok ? spec.touches(checked.value) : [];
		}
	};
}

/** The op types of a registry's workflows, as a union of string literals. */
export type OpTypeOf<R> =
	R extends Registry<infer Workflows> ? Workflows[number]['ops'][number]['type'] : never;

/** The payload an op type of a registry carries. */
export type OpPayloadOf<R, Type extends string> =
	R extends Registry<infer Workflows>
		? PayloadOf<Extract<Workflows[number]['ops'][number], { type: Type }>>
		: never;
