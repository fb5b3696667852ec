import { beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../../src/lib/features/registry';
import type { OpSpec } from '../../../src/lib/local/workflow';
import { useAdminDb } from '../support/clients';
import { anon, signIn, type Caller } from '../fuzz/support/gateway-calls';
import { asCaller, sqlState, type Caller as SqlCaller } from './as-caller';
import { AUTHORS_ONLY, MANAGERS_ONLY } from './support/op-examples';
import { RowMaker } from './support/synced-rows';

// The RLS matrix, generated from the registry: every synced table × read, insert, update, delete × anon, staff of
// the hall, staff of another hall, a manager of the hall. Statements run as Postgres sees a PostgREST request
// (as-caller.ts). Every denial is paired with an allowed control: the same statement for the right person, or the
// same change through the intended path (sync_push as that person), since `authenticated` may never write a table
// directly. A new workflow's tables join the matrix without editing this file. Op types only managers may send
// (MANAGERS_ONLY in support/op-examples.ts) are the hall's manager's path: a non-manager of the hall is refused
// (`forbidden`) and the row stays as it was. Op types only a row's author may send (AUTHORS_ONLY: a patrol round
// is its walker's) are refused to the hall's manager the same way.

const db = useAdminDb();
const ROLES = ['anon', 'staff of the hall', 'staff of another hall', 'manager of the hall'] as const;
type Role = (typeof ROLES)[number];

let callers: Record<Role, Caller>;
/** The other hall's manager, for the tables only managers write. */
let otherManager: Caller;
let maker: RowMaker;
beforeAll(async () => {
	const [staff, other, manager, stationManager] = await Promise.all([
		signIn('staff of the hall', 'intake@demo.hall'),
		signIn('staff of another hall', 'assist@station.demo.hall'),
		signIn('manager of the hall', 'manager@demo.hall'),
		signIn('manager of another hall', 'manager@station.demo.hall')
	]);
	callers = {
		anon,
		'staff of the hall': staff,
		'staff of another hall': other,
		'manager of the hall': manager
	};
	otherManager = stationManager;
	maker = new RowMaker(db(), registry, (hall) => (hall === manager.hallId ? manager : otherManager));
});

/** The manager of a role's hall. */
const managerFor = (role: Role): Caller =>
	role === 'staff of another hall' ? otherManager : callers['manager of the hall'];

/** Who sends `spec` for a role: the role's person, or their hall's manager for a manager's op. */
const senderOf = (role: Role, spec: OpSpec): Caller =>
	MANAGERS_ONLY.has(spec.type) ? managerFor(role) : callers[role];

/** A non-manager of a hall sending a manager's op: refused, which the matrix checks instead of the write. */
const refusedAsNotManager = (role: Role, spec: OpSpec): boolean =>
	MANAGERS_ONLY.has(spec.type) && (role === 'staff of the hall' || role === 'staff of another hall');

const sqlCaller = (caller: Caller, role: 'authenticated' | 'app_writer' = 'authenticated'): SqlCaller =>
	caller.userId === null ? { role: 'anon' } : { role, userId: caller.userId };

/** Runs a statement as `caller`, rolled back: the SQLSTATE, or 'ok' with the rows it returned or changed. */
async function run(
	caller: SqlCaller,
	sql: string,
	values: unknown[]
): Promise<{ state: string; ids: string[] }> {
	let ids: string[] = [];
	const state = await asCaller(db(), caller, (client) =>
		sqlState(async () => {
			const result = await client.query<{ id: string }>(sql, values);
			ids = result.rows.map((row) => row.id);
		})
	);
	return { state, ids };
}

it('the matrix covers exactly the tables the database syncs (app.synced_tables equals the registry)', async () => {
	const { rows } = await db().query<{ table_name: string }>('select table_name from app.synced_tables');
	expect(rows.map((row) => row.table_name).sort()).toEqual(registry.tables.map((table) => table.name).sort());
});

describe.each(registry.tables.map((table) => [table.name, table] as const))('app.%s', (name, table) => {
	const statements = {
		read: `select id from app.${name} where id = $1`,
		insert: `insert into app.${name} select * from jsonb_populate_record(null::app.${name}, $1::jsonb) returning id`,
		update: `update app.${name} set version = version where id = $1 returning id`,
		delete: `delete from app.${name} where id = $1 returning id`
	};
	let hallRow: Record<string, unknown>;
	let otherHallRow: Record<string, unknown>;
	let changers: { spec: OpSpec; tombstones: boolean }[];
	const creator = () => {
		const spec = maker.creator(table);
		if (!spec) throw new Error(`no op type creates rows of ${name}`);
		return spec;
	};
	/** Who makes a row of this table for a role: the role's person, or their hall's manager. */
	const authorFor = (role: Role) => senderOf(role, creator());
	/**
	 * A table of a workflow without op types (the staff directory): kept by the server alone, so nobody writes it,
	 * not even the writing role; its rows are the ones the server keeps.
	 */
	const readOnly = registry.workflows.find((workflow) => workflow.tables.includes(table))?.ops.length === 0;
	const keptRow = async (role: Role) => {
		const { rows } = await db().query<Record<string, unknown>>(
			`select * from app.${name} where hall_id = $1 order by id limit 1`,
			[callers[role].hallId]
		);
		if (!rows[0]) throw new Error(`no row of ${name} in the hall of ${role}`);
		return rows[0];
	};
	beforeAll(async () => {
		if (readOnly) {
			hallRow = await keptRow('staff of the hall');
			otherHallRow = await keptRow('staff of another hall');
			changers = [];
			return;
		}
		// Rows of each hall, made the intended way by their staff.
		hallRow = await maker.create(authorFor('staff of the hall'), table);
		otherHallRow = await maker.create(authorFor('staff of another hall'), table);
		changers = await maker.changers(authorFor('staff of the hall'), table, (spec) =>
			senderOf('staff of the hall', spec)
		);
	}, 60_000);

	const as = (role: Role, statement: keyof typeof statements, row = hallRow) =>
		run(sqlCaller(callers[role]), statements[statement], [
			statement === 'insert' ? { ...row, id: crypto.randomUUID() } : row['id']
		]);

	describe('read', () => {
		it.each(ROLES)('as %s', async (role) => {
			const read = await as(role, 'read');
			switch (role) {
				case 'anon':
					expect(read.state).toBe('42501');
					// Control: the same statement for staff of the hall finds the row.
					expect((await as('staff of the hall', 'read')).ids).toEqual([hallRow['id']]);
					break;
				case 'staff of another hall':
					expect(read).toEqual({ state: 'ok', ids: [] });
					// Control: their own hall's row is there for them.
					expect((await as(role, 'read', otherHallRow)).ids).toEqual([otherHallRow['id']]);
					break;
				default:
					expect(read).toEqual({ state: 'ok', ids: [hallRow['id']] });
			}
		});
	});

	describe('insert', () => {
		it.each(ROLES)(
			'as %s: never directly; through sync_push as the person, in their own hall only',
			async (role) => {
				expect((await as(role, 'insert')).state).toBe('42501');
				if (readOnly) {
					if (callers[role].userId !== null) {
						const writer = sqlCaller(callers[role], 'app_writer');
						expect(
							(await run(writer, statements.insert, [{ ...hallRow, id: crypto.randomUUID() }])).state
						).toBe('42501');
					}
					// Control: the server's own row is there, readable by staff of the hall.
					expect((await as('staff of the hall', 'read')).ids).toEqual([hallRow['id']]);
					return;
				}
				const spec = creator();
				if (role === 'anon') {
					expect(await maker.push(anon, spec.type, { id: crypto.randomUUID() })).toBe('HTTP 401');
					// Control: staff of the hall make such a row through sync_push.
					const made = await maker.create(authorFor('staff of the hall'), table);
					expect(made['hall_id']).toBe(callers['staff of the hall'].hallId);
					return;
				}
				if (role === 'staff of another hall') {
					// Sent into the hall it is not theirs: refused before anything is written.
					const verdict = await maker.push(
						callers[role],
						spec.type,
						{ id: crypto.randomUUID() },
						hallRow['hall_id'] as string
					);
					expect(verdict).toBe('rejected (hall_changed)');
				}
				if (refusedAsNotManager(role, spec)) {
					// A manager's op from someone else of the hall: refused, nothing made; their manager may.
					expect(await maker.tryCreate(callers[role], table)).toEqual({ verdict: 'rejected (forbidden)' });
				}
				const made = await maker.create(authorFor(role), table);
				expect(made['hall_id']).toBe(callers[role].hallId);
			}
		);
	});

	describe('update', () => {
		it.each(ROLES)('as %s: never directly; the writing role only within the caller’s hall', async (role) => {
			expect((await as(role, 'update')).state).toBe('42501');
			const writer = callers[role].userId === null ? undefined : sqlCaller(callers[role], 'app_writer');
			if (readOnly) {
				if (writer) expect((await run(writer, statements.update, [hallRow['id']])).state).toBe('42501');
				// Control: the row is there to be changed, readable by staff of the hall.
				expect((await as('staff of the hall', 'read')).ids).toEqual([hallRow['id']]);
				return;
			}
			if (writer) {
				const changed = await run(writer, statements.update, [hallRow['id']]);
				expect(changed.ids).toEqual(role === 'staff of another hall' ? [] : [hallRow['id']]);
			}
			// Control for a denial: the writing role changes the row for staff of the hall.
			const control = await run(sqlCaller(callers['staff of the hall'], 'app_writer'), statements.update, [
				hallRow['id']
			]);
			expect(control.ids).toEqual([hallRow['id']]);
		});

		it.each(ROLES)('as %s: through the ops that change a row of the table', async (role) => {
			for (const { spec } of changers.filter((changer) => !changer.tombstones)) {
				await expectIntendedPath(role, spec);
			}
		});
	});

	describe('delete', () => {
		it.each(ROLES)('as %s: never a hard delete, not even by the writing role', async (role) => {
			expect((await as(role, 'delete')).state).toBe('42501');
			if (callers[role].userId !== null) {
				const writer = await run(sqlCaller(callers[role], 'app_writer'), statements.delete, [hallRow['id']]);
				expect(writer.state).toBe('42501');
			}
			// Control: the row is there to be deleted, readable by staff of the hall.
			expect((await as('staff of the hall', 'read')).ids).toEqual([hallRow['id']]);
		});

		it.each(ROLES)('as %s: through the ops that tombstone a row of the table', async (role) => {
			for (const { spec } of changers.filter((changer) => changer.tombstones)) {
				await expectIntendedPath(role, spec);
			}
		});
	});

	/**
	 * An op that changes rows of this table, as `role`, on a new row of the hall made by staff of the hall (its
	 * first responder, or the hall's manager for a manager's table): applied for the hall's staff and manager,
	 * refused and the row unchanged for staff of another hall and anon, each refusal paired with the same op applied
	 * for the row's author. A manager's op from staff of the hall is refused as `forbidden`, paired with the manager.
	 */
	async function expectIntendedPath(role: Role, spec: OpSpec): Promise<void> {
		const row = await maker.create(authorFor('staff of the hall'), table);
		const control = senderOf('staff of the hall', spec);
		if (role === 'staff of the hall' && refusedAsNotManager(role, spec)) {
			const tried = await maker.attempt(callers[role], table, spec, row);
			expect(tried.verdict).toBe('rejected (forbidden)');
			expect(tried.after).toEqual(row);
			expect(await maker.change(control, table, spec, row)).toMatchObject({ verdict: 'applied' });
			return;
		}
		if (role === 'manager of the hall' && AUTHORS_ONLY.has(spec.type)) {
			const tried = await maker.attempt(callers[role], table, spec, row);
			expect(tried.verdict).toBe('rejected (forbidden)');
			expect(tried.after).toEqual(row);
			expect(await maker.change(control, table, spec, row)).toMatchObject({ verdict: 'applied' });
			return;
		}
		if (role === 'staff of the hall' || role === 'manager of the hall') {
			expect(await maker.change(callers[role], table, spec, row)).toMatchObject({ verdict: 'applied' });
			return;
		}
		const tried = await maker.attempt(callers[role], table, spec, row);
		// Staff of another hall may also hear first that the op is a manager's.
		expect(tried.verdict).toMatch(
			role === 'anon'
				? /^HTTP 401$/
				: refusedAsNotManager(role, spec)
					? /^rejected \((not_found|hall_changed|forbidden)\)$/
					: /^rejected \((not_found|hall_changed)\)$/
		);
		expect(tried.after).toEqual(row);
		expect(await maker.change(control, table, spec, row)).toMatchObject({ verdict: 'applied' });
	}
});
