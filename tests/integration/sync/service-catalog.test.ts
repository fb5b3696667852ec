import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishServiceItem } from '../../../src/lib/domain/service-catalog';
import { FIRST_CURSOR } from '../../../src/lib/domain/sync-protocol';
import { adminDb } from '../support/clients';
import { center, staff } from './support/people';
import { companyDraft, publish, uniqueCode, withdraw } from './support/prechecks';
import { device, pullAll, push, type SyncClient } from './support/sync-client';

// The service catalog's writing functions (service_item.publish / withdraw): versions numbered by the server,
// old versions kept as they were, managers only, one code per item in a hall (docs/PRECHECK.md).

let db: pg.Pool;
let manager: SyncClient;
let intake: SyncClient;
let stationManager: SyncClient;
beforeAll(async () => {
	db = adminDb();
	[manager, intake, stationManager] = await Promise.all([
		device(staff.manager.email),
		device(staff.intake.email),
		device(staff.stationManager.email)
	]);
});
afterAll(async () => {
	await db.end();
});

async function item(id: string) {
	const { rows } = await db.query<Record<string, unknown>>(
		'select code, current_version_id, withdrawn_at, hall_id from app.service_items where id = $1',
		[id]
	);
	return rows[0];
}

async function versions(itemId: string) {
	const { rows } = await db.query<Record<string, unknown>>(
		`select id, revision, name_zh, promised_days, materials, published_by_name, version
		 from app.service_item_versions where item_id = $1 order by revision`,
		[itemId]
	);
	return rows;
}

describe('service_item.publish', () => {
	it('numbers versions 1, 2, 3 in the order the server receives them; old versions stay as they were', async () => {
		const first = publish(companyDraft());
		const itemId = first.payload.item_id;
		expect(await push(manager, [first])).toMatchObject([{ status: 'applied' }]);
		const [v1] = await versions(itemId);
		expect(v1).toMatchObject({ id: first.payload.id, revision: 1, published_by_name: staff.manager.name });

		const second = publish(companyDraft({ code: first.payload.code, promised_days: 2 }), { item_id: itemId });
		const third = publish(companyDraft({ code: first.payload.code, name_zh: '有限责任公司设立登记' }), {
			item_id: itemId
		});
		expect(await push(manager, [second, third])).toMatchObject([
			{ status: 'applied' },
			{ status: 'applied' }
		]);

		const all = await versions(itemId);
		expect(all.map((row) => [row['id'], row['revision']])).toEqual([
			[first.payload.id, 1],
			[second.payload.id, 2],
			[third.payload.id, 3]
		]);
		// Version 1 is exactly as it was stored: an edit never touches it.
		expect(all[0]).toEqual(v1);
		expect(all[1]).toMatchObject({ promised_days: 2, name_zh: '公司设立登记' });
		expect(await item(itemId)).toMatchObject({ current_version_id: third.payload.id, withdrawn_at: null });

		// Every colleague's device reads all three: a pre-check made with version 1 still shows version 1.
		const { pages } = await pullAll(intake, FIRST_CURSOR);
		const pulled = pages
			.flatMap((page) => page.changes)
			.filter((change) => change.table === 'service_item_versions' && change.row['item_id'] === itemId);
		expect(pulled.map((change) => change.row['revision']).sort()).toEqual([1, 2, 3]);
	});

	it('sent again under a new op id stores nothing new, and a replay of the same op is a duplicate', async () => {
		const first = publish(companyDraft());
		await push(manager, [first]);
		const resent = { ...first, op_id: crypto.randomUUID() };
		expect(await push(manager, [resent, first])).toMatchObject([
			{ status: 'applied' },
			{ status: 'duplicate' }
		]);
		expect(await versions(first.payload.item_id)).toHaveLength(1);
	});

	it('is refused to a staff member who is not a manager, and nothing is stored; a manager may', async () => {
		const attempt = publish(companyDraft());
		const [refused] = await push(intake, [attempt]);
		expect(refused).toMatchObject({ status: 'rejected', code: 'forbidden' });
		expect(refused?.message).toContain('manager');
		expect(await item(attempt.payload.item_id)).toBeUndefined();

		const byManager = { ...attempt, op_id: crypto.randomUUID() };
		expect(await push(manager, [byManager])).toMatchObject([{ status: 'applied' }]);
		expect(await item(attempt.payload.item_id)).toMatchObject({
			code: attempt.payload.code,
			hall_id: center
		});
	});

	it('refuses a new item with a code the hall already uses; another hall may use the same code', async () => {
		const code = uniqueCode();
		await push(manager, [publish(companyDraft({ code }))]);
		const [clash] = await push(manager, [publish(companyDraft({ code }))]);
		expect(clash).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(clash?.message).toContain(code);
		expect(await push(stationManager, [publish(companyDraft({ code }))])).toMatchObject([
			{ status: 'applied' }
		]);
	});

	it('refuses a new version of an item under another code: an item’s code never changes', async () => {
		const first = publish(companyDraft());
		await push(manager, [first]);
		const [renamed] = await push(manager, [
			publish(companyDraft({ code: uniqueCode() }), { item_id: first.payload.item_id })
		]);
		expect(renamed).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(await versions(first.payload.item_id)).toHaveLength(1);
	});

	it('refuses another hall’s item: the station’s manager cannot publish a version of the center’s item', async () => {
		const first = publish(companyDraft());
		await push(manager, [first]);
		const [result] = await push(stationManager, [
			publish(companyDraft({ code: first.payload.code }), { item_id: first.payload.item_id })
		]);
		expect(result?.status).toBe('rejected');
		expect(await versions(first.payload.item_id)).toHaveLength(1);
	});

	it.each([
		['a promised limit longer than the legal one', { legal_days: 5, promised_days: 10 }, 'promised_days'],
		[
			'a condition naming a question the version does not have',
			{
				materials: [
					{
						...companyDraft().materials[2]!,
						condition: { question: 'nobody', answer: true }
					}
				]
			},
			'condition'
		],
		[
			'a material limited to a situation the version does not have',
			{ materials: [{ ...companyDraft().materials[0]!, situations: ['renew'] }] },
			'situation'
		],
		[
			'two materials with one key',
			{ materials: [companyDraft().materials[0]!, companyDraft().materials[0]!] },
			'materials'
		],
		[
			'a conditional material without its condition',
			{ materials: [{ ...companyDraft().materials[2]!, condition: null }] },
			'condition'
		],
		[
			'a required material with a condition',
			{ materials: [{ ...companyDraft().materials[0]!, condition: { question: 'agent', answer: true } }] },
			'condition'
		],
		['no material at all', { materials: [] }, 'materials'],
		['a blank name', { name_zh: ' \t' }, 'name_zh'],
		['a link that is not http(s)', { online_url: 'javascript:alert(1)' }, 'online_url'],
		[
			'a name over the limit counted as the client counts (an emoji is one character, as zod counts)',
			{ name_zh: '😀'.repeat(101) },
			'name_zh'
		],
		[
			'an extra field inside a material',
			{ materials: [{ ...companyDraft().materials[0]!, hall_id: center }] },
			'hall_id'
		]
	])('refuses %s, naming the field, as the client’s schema does', async (_case, fields, named) => {
		const attempt = publish(companyDraft(fields));
		expect(publishServiceItem.safeParse(attempt.payload).success).toBe(false);
		const [result] = await push(manager, [attempt]);
		expect(result).toMatchObject({ status: 'rejected', code: 'validation' });
		expect(result?.message).toContain(named);
		expect(await item(attempt.payload.item_id)).toBeUndefined();
	});

	it('stores hostile text as text, exactly as sent', async () => {
		const hostile = `<img src=x onerror="alert(1)">'); drop table app.service_items; --`;
		const attempt = publish(
			companyDraft({
				name_zh: hostile.slice(0, 100),
				materials: [{ ...companyDraft().materials[0]!, name_zh: '<script>alert(1)</script>' }]
			})
		);
		expect(publishServiceItem.safeParse(attempt.payload).success).toBe(true);
		expect(await push(manager, [attempt])).toMatchObject([{ status: 'applied' }]);
		const [stored] = await versions(attempt.payload.item_id);
		expect(stored?.['name_zh']).toBe(hostile.slice(0, 100));
		expect((stored?.['materials'] as { name_zh: string }[])[0]?.name_zh).toBe('<script>alert(1)</script>');
	});
});

describe('service_item.withdraw', () => {
	it('withdraws for a manager only; publishing again brings the item back as the next revision', async () => {
		const first = publish(companyDraft());
		const itemId = first.payload.item_id;
		await push(manager, [first]);

		const [refused] = await push(intake, [withdraw(itemId)]);
		expect(refused).toMatchObject({ status: 'rejected', code: 'forbidden' });
		expect(await item(itemId)).toMatchObject({ withdrawn_at: null });

		expect(await push(manager, [withdraw(itemId), withdraw(itemId)])).toMatchObject([
			{ status: 'applied' },
			{ status: 'applied' }
		]);
		const withdrawn = await item(itemId);
		expect(withdrawn?.['withdrawn_at']).toBeInstanceOf(Date);
		// Its version stays readable (old pre-checks name it).
		expect(await versions(itemId)).toHaveLength(1);

		const again = publish(companyDraft({ code: first.payload.code }), { item_id: itemId });
		await push(manager, [again]);
		expect(await item(itemId)).toMatchObject({ withdrawn_at: null, current_version_id: again.payload.id });
		expect((await versions(itemId)).map((row) => row['revision'])).toEqual([1, 2]);
	});

	it('of an item of another hall or of no item is not_found', async () => {
		const first = publish(companyDraft());
		await push(manager, [first]);
		expect(await push(stationManager, [withdraw(first.payload.item_id)])).toMatchObject([
			{ status: 'rejected', code: 'not_found' }
		]);
		expect(await push(manager, [withdraw(crypto.randomUUID())])).toMatchObject([
			{ status: 'rejected', code: 'not_found' }
		]);
		expect(await item(first.payload.item_id)).toMatchObject({ withdrawn_at: null });
	});
});

describe('hall isolation', () => {
	it('a device pulls only its own hall’s catalog', async () => {
		const centerItem = publish(companyDraft());
		const stationItem = publish(companyDraft());
		await push(manager, [centerItem]);
		await push(stationManager, [stationItem]);
		const station = await device(staff.stationAssist.email);
		const rows = (await pullAll(station, FIRST_CURSOR)).pages.flatMap((page) => page.changes);
		const ids = new Set(rows.map((change) => change.row['id']));
		expect(ids.has(stationItem.payload.item_id)).toBe(true);
		expect(ids.has(stationItem.payload.id)).toBe(true);
		expect(ids.has(centerItem.payload.item_id)).toBe(false);
		expect(ids.has(centerItem.payload.id)).toBe(false);
		expect(rows.every((change) => change.row['hall_id'] !== center)).toBe(true);
	});
});
