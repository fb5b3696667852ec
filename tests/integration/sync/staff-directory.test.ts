import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_CURSOR } from '../../../src/lib/domain/sync-protocol';
import { adminDb } from '../support/clients';
import { center, createAccount, removeAccounts, staff, staffIdOf, station } from './support/people';
import { device, pullAll, type SyncClient } from './support/sync-client';

// The staff directory (docs/VISITS.md, "Staff directory"): every colleague of the hall, as a picker needs them,
// pulled read-only and kept equal to app.staff by the server; nothing private (no e-mail, no user id), and no
// other hall's people.

let db: pg.Pool;
let assist: SyncClient;
let stationAssist: SyncClient;
const newcomer = 'directory-newcomer@test.hall';

beforeAll(async () => {
	db = adminDb();
	[assist, stationAssist] = await Promise.all([
		device(staff.assist.email),
		device(staff.stationAssist.email)
	]);
});
afterAll(async () => {
	await removeAccounts(db, [newcomer]);
	await db.end();
});

async function directory(client: SyncClient, cursor = FIRST_CURSOR) {
	const pulled = await pullAll(client, cursor);
	return {
		cursor: pulled.cursor,
		rows: pulled.pages
			.flatMap((page) => page.changes)
			.filter((change) => change.table === 'staff_directory')
			.map((change) => change.row)
	};
}

describe('staff_directory', () => {
	it('a device pulls its hall’s staff with name, post and whether active, and nothing else', async () => {
		const { rows } = await directory(assist);
		const manager = rows.find((row) => row['display_name'] === staff.manager.name);
		expect(manager).toMatchObject({ hall_id: center, post: 'manager', active: true });
		expect(Object.keys(manager ?? {}).sort()).toEqual(
			['active', 'display_name', 'hall_id', 'id', 'post', 'version'].sort()
		);
		expect(rows.every((row) => row['hall_id'] === center)).toBe(true);
		const { rows: count } = await db.query<{ n: number }>(
			'select count(*)::int as n from app.staff where hall_id = $1',
			[center]
		);
		expect(rows).toHaveLength(count[0]?.n ?? -1);
		expect(rows.map((row) => row['display_name'])).not.toContain(staff.stationAssist.name);
	});

	it('the street station’s devices see the station’s staff only', async () => {
		const { rows } = await directory(stationAssist);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((row) => row['hall_id'] === station)).toBe(true);
		expect(rows.map((row) => row['display_name'])).toContain(staff.stationAssist.name);
	});

	it('a new colleague, a new name and a departure reach the devices in the next pull', async () => {
		const before = await directory(assist);
		await createAccount(db, newcomer, { hall: center, post: 'assist', name: '新同事' });
		const added = await directory(assist, before.cursor);
		expect(added.rows).toMatchObject([{ display_name: '新同事', post: 'assist', active: true }]);
		const id = added.rows[0]?.['id'];

		await db.query(`update app.staff set display_name = '新同事（已改名）', post = 'intake' where id = $1`, [
			id
		]);
		const renamed = await directory(assist, added.cursor);
		expect(renamed.rows).toMatchObject([
			{ id, display_name: '新同事（已改名）', post: 'intake', active: true }
		]);

		await db.query('update app.staff set active = false where id = $1', [id]);
		const left = await directory(assist, renamed.cursor);
		expect(left.rows).toMatchObject([{ id, active: false }]);
	});

	it('a change to a staff row that a picker does not show writes no new version', async () => {
		const assistId = await staffIdOf(db, staff.assist.userId);
		const { rows: before } = await db.query('select version from app.staff_directory where id = $1', [
			assistId
		]);
		await db.query('update app.staff set is_demo = is_demo where id = $1', [assistId]);
		await db.query('update app.staff set display_name = display_name where id = $1', [assistId]);
		const { rows: after } = await db.query('select version from app.staff_directory where id = $1', [
			assistId
		]);
		expect(after).toEqual(before);
	});

	it('no device can write it: the area has no op types, and the tables refuse the API roles', async () => {
		const { rows } = await db.query(`select count(*)::int as ops from app.op_types where area = 'staff'`);
		expect(rows[0]).toEqual({ ops: 0 });
		const { rows: privileges } = await db.query<{ writer: boolean; caller: boolean }>(
			`select has_table_privilege('app_writer', 'app.staff_directory', 'insert, update, delete') as writer,
			        has_table_privilege('authenticated', 'app.staff_directory', 'insert, update, delete') as caller`
		);
		expect(privileges[0]).toEqual({ writer: false, caller: false });
	});
});
