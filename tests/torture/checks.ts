import type pg from 'pg';
import { registry } from '../../src/lib/features/registry';
import type { OutboxEntry } from '../../src/lib/local/db';
import type { TortureDevice } from './device';
import { differences, sameRow, serverView, type TableRows } from './server-view';

/** The checks at the end of a run, against the database itself (superuser) and what sync_pull shows. */

export interface CreatedOp {
	entry: OutboxEntry;
	device: number;
}

export interface ExactlyOnce {
	created: number;
	applied: number;
	rejected: number;
	/** Ops a device created that the server never recorded, or whose row is not there. */
	lost: string[];
	/** Ops the server recorded (or rows it holds) that no device created, or an effect found more than once. */
	duplicated: string[];
}

/**
 * Every op created was applied exactly once: the server recorded each in app.applied_ops, and no op it recorded
 * for these people since the run began is one no device created. For op types that create a row (their discard
 * rule drops it), that row exists exactly once, and no other row appeared in the run's halls.
 */
export async function checkExactlyOnce(
	db: pg.Pool,
	created: ReadonlyMap<string, CreatedOp>,
	run: { startedAt: Date; userIds: string[]; hallVersions: ReadonlyMap<string, number> }
): Promise<ExactlyOnce> {
	const { rows } = await db.query<{ user_id: string; op_id: string; status: string }>(
		`select user_id, op_id, result ->> 'status' as status from app.applied_ops
		 where user_id = any ($1::uuid[]) and applied_at >= $2`,
		[run.userIds, run.startedAt]
	);
	const recorded = new Map(rows.map((row) => [`${row.user_id}/${row.op_id}`, row.status]));
	const lost: string[] = [];
	const duplicated: string[] = [];
	for (const key of created.keys()) if (!recorded.has(key)) lost.push(`${key}: not in applied_ops`);
	for (const key of recorded.keys())
		if (!created.has(key)) duplicated.push(`${key}: applied, created by no device`);

	for (const { spec } of registry.ops) {
		// Ops that name the table of the row they create (their discard drops it): an op of several rows without
		// one (undo only) is checked by applied_ops alone.
		if (spec.discard === 'pull_again' || !('drop' in spec.discard)) continue;
		const table = spec.discard.drop.name;
		const ids = [...created]
			.filter(([key, op]) => op.entry.type === spec.type && recorded.get(key) === 'applied')
			.map(([, op]) => (op.entry.payload as { id: string }).id);
		const { rows: found } = await db.query<{ id: string; n: number }>(
			`select id::text, count(*)::int as n from app.${table} where id = any ($1::uuid[]) group by id`,
			[ids]
		);
		const counts = new Map(found.map((row) => [row.id, row.n]));
		for (const id of ids) {
			const n = counts.get(id) ?? 0;
			if (n === 0) lost.push(`${spec.type} ${id}: applied, but no row in app.${table}`);
			if (n > 1) duplicated.push(`${spec.type} ${id}: ${n} rows in app.${table}`);
		}
		const everyId = [...created.values()]
			.filter((op) => op.entry.type === spec.type)
			.map((op) => (op.entry.payload as { id: string }).id);
		for (const [hall, version] of run.hallVersions) {
			const { rows: strangers } = await db.query<{ id: string }>(
				`select id::text from app.${table} where hall_id = $1 and version > $2 and id <> all ($3::uuid[])`,
				[hall, version, everyId]
			);
			for (const row of strangers) duplicated.push(`app.${table} ${row.id}: a row no op of the run created`);
		}
	}
	const statuses = [...recorded].filter(([key]) => created.has(key)).map(([, status]) => status);
	return {
		created: created.size,
		applied: statuses.filter((status) => status === 'applied').length,
		rejected: statuses.filter((status) => status === 'rejected').length,
		lost,
		duplicated
	};
}

export interface Convergence {
	/** Per hall: devices compared and rows that differ. */
	halls: Map<string, { devices: number; rows: number; divergent: number }>;
	divergent: string[];
}

/** Every device holds exactly what sync_pull from scratch shows its person, table by table, row by row. */
export async function checkConvergence(
	devices: readonly TortureDevice[],
	stack: { url: string; anonKey: string },
	db?: pg.Pool
): Promise<Convergence> {
	/** For a row the device holds and its person's pull does not show: is it in the database at all? */
	const inDatabase = async (table: string, id: string): Promise<string> => {
		if (!db) return '';
		const { rows } = await db.query<{ row: Record<string, unknown> }>(
			`select to_jsonb(t) as row from app.${table} t where id = $1`,
			[id]
		);
		return rows[0] ? ` (the database has it: ${JSON.stringify(rows[0].row)})` : ' (nor has the database)';
	};
	const views = new Map<string, TableRows>();
	const halls: Convergence['halls'] = new Map();
	const divergent: string[] = [];
	for (const device of devices) {
		const email = device.person.email;
		if (!views.has(email)) views.set(email, await serverView(stack.url, stack.anonKey, email));
		const view = views.get(email)!;
		const hall = halls.get(device.actor.hall_id) ?? { devices: 0, rows: 0, divergent: 0 };
		halls.set(device.actor.hall_id, hall);
		hall.devices++;
		const pending = await device.db.outbox.count();
		if (pending > 0) divergent.push(`device ${device.index}: ${pending} ops still in the outbox`);
		for (const table of registry.tables) {
			const server = view.get(table.name) ?? new Map<string, Record<string, unknown>>();
			const local = new Map((await table.of(device.db).toArray()).map((row) => [row.id, row]));
			hall.rows += server.size;
			for (const [id, row] of server) {
				const mine = local.get(id) as unknown as Record<string, unknown> | undefined;
				if (!mine || !sameRow(mine, row)) {
					hall.divergent++;
					divergent.push(
						`device ${device.index} ${table.name} ${id}: ${mine ? differences(mine, row) : 'missing'}`
					);
				}
			}
			for (const id of local.keys()) {
				if (!server.has(id)) {
					hall.divergent++;
					divergent.push(
						`device ${device.index} ${table.name} ${id}: not on the server${await inDatabase(table.name, id)}`
					);
				}
			}
		}
	}
	return { halls, divergent };
}
