import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/lib/domain/uuid';
import { useAdminDb } from '../support/clients';
import { op } from './support/ops';
import { center, staff, staffIdOf, station } from './support/people';
import { device, push, type SyncClient } from './support/sync-client';

// Photos on the ledger's manual items (owner kind `ledger_item`, 20261206000130_ledger_item_photos.sql): a manager
// of the item's hall attaches them while its month is open; a closed month's item or a removed one refuses them as
// a conflict (the month's snapshot is the ledger); anyone else finds no such item. Months of 2024, which no other
// test's ledger reads.

const db = useAdminDb();
let manager: SyncClient;
let intake: SyncClient;
let stationManager: SyncClient;
let managerStaffId: string;
const items: string[] = [];

beforeAll(async () => {
	[manager, intake, stationManager] = await Promise.all([
		device(staff.manager.email),
		device(staff.intake.email),
		device(staff.stationManager.email)
	]);
	managerStaffId = await staffIdOf(db(), staff.manager.userId);
});
afterAll(async () => {
	await db().query(`delete from app.photos where owner_kind = 'ledger_item' and owner_id = any ($1)`, [
		items
	]);
	await db().query(
		`delete from app.ledger_months where hall_id = $1 and month between '2024-01-01' and '2024-12-01'`,
		[center]
	);
	await db().query('delete from app.ledger_items where id = any ($1)', [items]);
});

/** A manual item of the center's `month` (first day), as add_ledger_item writes it. */
async function itemOf(month: string, hall = center): Promise<string> {
	const { rows } = await db().query<{ id: string }>(
		`insert into app.ledger_items (hall_id, month, points, note, created_by, created_by_name)
		 values ($1, $2, -2, '群众电话投诉至采购方', $3, $4) returning id`,
		[hall, month, managerStaffId, staff.manager.name]
	);
	const id = rows[0]?.id ?? '';
	items.push(id);
	return id;
}

async function closeMonth(month: string): Promise<void> {
	await db().query(
		`insert into app.ledger_months (hall_id, month, snapshot, closed_by) values ($1, $2, '{}', $3)`,
		[center, month, managerStaffId]
	);
}

function attach(itemId: string) {
	return op('photo.attach', {
		id: uuidv7(),
		owner_kind: 'ledger_item',
		owner_id: itemId,
		bytes: 240_000,
		width: 1600,
		height: 1200,
		taken_at: new Date().toISOString()
	});
}

async function photoCount(itemId: string): Promise<number> {
	const { rows } = await db().query<{ count: string }>(
		`select count(*) from app.photos where owner_kind = 'ledger_item' and owner_id = $1`,
		[itemId]
	);
	return Number(rows[0]?.count);
}

async function listedCount(month: string, itemId: string): Promise<number | undefined> {
	const { rows } = await db().query<{ answer: { items: { id: string; photos: number }[] } }>(
		'select app.ledger_live($1, $2) as answer',
		[center, month]
	);
	return rows[0]?.answer.items.find((item) => item.id === itemId)?.photos;
}

describe('photos of a ledger item', () => {
	it('are attached by a manager of its hall while its month is open, under the hall’s folder, and counted in the ledger and its closing snapshot', async () => {
		const item = await itemOf('2024-01-01');
		const sent = attach(item);
		expect(await push(manager, [sent])).toMatchObject([{ status: 'applied' }]);
		const { rows } = await db().query<{ object_path: string }>(
			'select object_path from app.photos where id = $1',
			[sent.payload.id]
		);
		expect(rows).toEqual([{ object_path: `${center}/ledger_item/${sent.payload.id}.jpg` }]);
		expect(await listedCount('2024-01-01', item)).toBe(1);

		// Closed as close_ledger_month closes it: the snapshot keeps the count.
		await db().query(
			`insert into app.ledger_months (hall_id, month, snapshot, closed_by)
			 values ($1, '2024-01-01', app.ledger_live($1, '2024-01-01'), $2)`,
			[center, managerStaffId]
		);
		const { rows: answered } = await db().query<{ answer: { items: { id: string; photos: number }[] } }>(
			`select app.ledger_answer($1, '2024-01-01') as answer`,
			[center]
		);
		expect(answered[0]?.answer.items.find((listed) => listed.id === item)?.photos).toBe(1);
	});

	it('are refused for an item of a closed month as a conflict, and again taken once it is reopened', async () => {
		const item = await itemOf('2024-02-01');
		await closeMonth('2024-02-01');
		const [result] = await push(manager, [attach(item)]);
		expect(result).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(result?.message).toMatch(/month is closed/);
		expect(await photoCount(item)).toBe(0);

		await db().query(`delete from app.ledger_months where hall_id = $1 and month = '2024-02-01'`, [center]);
		expect(await push(manager, [attach(item)])).toMatchObject([{ status: 'applied' }]);
		expect(await photoCount(item)).toBe(1);
	});

	it('are refused for a removed item as a conflict', async () => {
		const item = await itemOf('2024-03-01');
		await db().query('update app.ledger_items set removed_by = $2, removed_at = now() where id = $1', [
			item,
			managerStaffId
		]);
		const [result] = await push(manager, [attach(item)]);
		expect(result).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(result?.message).toMatch(/removed/);
		expect(await photoCount(item)).toBe(0);
	});

	it('are not_found for a manager of another hall and for a colleague who is not a manager, storing nothing', async () => {
		const item = await itemOf('2024-04-01');
		expect(await push(stationManager, [attach(item)])).toMatchObject([
			{ status: 'rejected', code: 'not_found' }
		]);
		expect(await push(intake, [attach(item)])).toMatchObject([{ status: 'rejected', code: 'not_found' }]);
		expect(await photoCount(item)).toBe(0);
		// The station's own manager attaches to the station's item: the refusal above was the hall, not the kind.
		const stationItem = await itemOf('2024-04-01', station);
		expect(await push(stationManager, [attach(stationItem)])).toMatchObject([{ status: 'applied' }]);
	});
});
