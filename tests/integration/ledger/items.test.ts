import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_ITEM_RULES, ledgerMonth, type LedgerMonth } from '../../../src/lib/domain/ledger';
import { useAdminDb } from '../support/clients';
import { createAssessmentWorld, type AssessmentWorld, type Person } from '../assessment/fixture';
import { forbidden, Gateway } from '../assessment/gateway';

// A manager's manual items of the ledger (docs/REPORTS.md, "Manual items") through the gateway, on the hand-made
// October of assessment/fixture.ts: they count in the score with their notes, are bounded, removed without being
// lost, refused in a closed month however they are written, and only the hall's managers enter them.

const db = useAdminDb();
const gateway = new Gateway();
let world: AssessmentWorld;

beforeAll(async () => {
	world = await createAssessmentWorld(db());
	await gateway.signIn([world.a, world.m, world.otherManager]);
});
afterAll(async () => {
	if (!world) return;
	await db().query('update app.staff set active = false where hall_id = any ($1)', [
		[world.center, world.station, world.other]
	]);
});

async function answer(person: Person, fn: string, args: object): Promise<LedgerMonth> {
	const { status, body } = await gateway.call(person, fn, args);
	expect({ fn, status, body: status === 200 ? 'a ledger' : body }).toEqual({
		fn,
		status: 200,
		body: 'a ledger'
	});
	return ledgerMonth.parse(body);
}
const october = () => ({ hall_id: world.station, month: '2026-10-01' });
const itemInvalid = { status: 400, message: 'ledger_item_invalid' };
const closed = { status: 409, message: 'ledger_month_closed' };

describe('manual items', () => {
	it('count in the score with their notes as evidence; a removed one stops counting and is kept', async () => {
		const before = await answer(world.m, 'ledger_month', october());
		expect(before.items).toEqual([]);

		await answer(world.m, 'add_ledger_item', { ...october(), points: -3, note: '  群众电话投诉至采购方  ' });
		const after = await answer(world.m, 'add_ledger_item', { ...october(), points: 1.5, note: '收到表扬信' });
		expect(after.items.map((item) => [item.points, item.note, item.by_name])).toEqual([
			[-3, '群众电话投诉至采购方', 'M 刘洋'],
			[1.5, '收到表扬信', 'M 刘洋']
		]);
		expect(after.deductions).toBe(before.deductions - 3);
		expect(after.bonuses).toBe(before.bonuses + 1.5);
		expect(after.score).toBe(Math.min(100, Math.max(0, 100 + before.deductions - 3) + before.bonuses + 1.5));
		expect(after.passes).toBe(after.score >= 80);

		const removed = await answer(world.m, 'remove_ledger_item', { item_id: after.items[0]?.id });
		expect(removed.items.map((item) => item.note)).toEqual(['收到表扬信']);
		expect(removed.deductions).toBe(before.deductions);
		const { rows } = await db().query<{ removed: boolean }>(
			'select removed_at is not null as removed from app.ledger_items where id = $1',
			[after.items[0]?.id]
		);
		expect(rows).toEqual([{ removed: true }]);
	});

	it('are bounded: tenths, not 0, within ±pointsMax, with a note of at most noteMax', async () => {
		const max = LEDGER_ITEM_RULES.pointsMax;
		for (const [points, note] of [
			[0, '零分'],
			[max + 0.1, '太多'],
			[-max - 1, '太多'],
			[1.25, '百分位'],
			[null, '无分'],
			[2, ''],
			[2, '   '],
			[2, null],
			[2, '注'.repeat(LEDGER_ITEM_RULES.noteMax + 1)]
		] as const) {
			expect(
				await gateway.refusal(world.m, 'add_ledger_item', { ...october(), points, note }),
				`${points} ${note}`
			).toEqual(itemInvalid);
		}
		const edge = await answer(world.m, 'add_ledger_item', {
			...october(),
			points: -max,
			note: '注'.repeat(LEDGER_ITEM_RULES.noteMax)
		});
		expect(edge.items.at(-1)?.points).toBe(-max);
		await answer(world.m, 'remove_ledger_item', { item_id: edge.items.at(-1)?.id });
	});

	it('are refused in a closed month, through the functions and written directly alike', async () => {
		const september = { hall_id: world.station, month: '2026-09-01' };
		const added = await answer(world.m, 'add_ledger_item', { ...september, points: -1, note: '迟到早退' });
		const closedMonth = await answer(world.m, 'close_ledger_month', september);
		expect(closedMonth.items).toHaveLength(1);

		expect(
			await gateway.refusal(world.m, 'add_ledger_item', { ...september, points: -2, note: '补扣' })
		).toEqual(closed);
		expect(await gateway.refusal(world.m, 'remove_ledger_item', { item_id: added.items[0]?.id })).toEqual(
			closed
		);
		await expect(
			db().query(
				`insert into app.ledger_items (hall_id, month, points, note, created_by, created_by_name)
				 values ($1, '2026-09-01', -2, '绕过', $2, 'x')`,
				[world.station, world.m.staffId]
			)
		).rejects.toThrow('ledger_month_closed');
		await expect(
			db().query('update app.ledger_items set points = 5 where id = $1', [added.items[0]?.id])
		).rejects.toThrow('ledger_month_closed');
		expect((await answer(world.m, 'ledger_month', september)).items).toHaveLength(1);

		await answer(world.m, 'reopen_ledger_month', { ...september, reason: '补扣一项' });
		const reopened = await answer(world.m, 'add_ledger_item', { ...september, points: -2, note: '补扣' });
		expect(reopened.items).toHaveLength(2);
	});

	it('only the hall’s managers enter or remove them; an unknown item is refused as a foreign one', async () => {
		const item = await answer(world.m, 'add_ledger_item', { ...october(), points: 1, note: '协助' });
		for (const person of [world.a, world.otherManager]) {
			expect(
				await gateway.refusal(person, 'add_ledger_item', { ...october(), points: 1, note: '越权' })
			).toEqual(forbidden);
			expect(await gateway.refusal(person, 'remove_ledger_item', { item_id: item.items.at(-1)?.id })).toEqual(
				forbidden
			);
		}
		expect(
			await gateway.refusal(world.m, 'remove_ledger_item', {
				item_id: '00000000-0000-4000-8000-000000000000'
			})
		).toEqual(forbidden);
	});

	it('app.ledger_item_rules() = LEDGER_ITEM_RULES', async () => {
		const { rows } = await db().query<{ rules: unknown }>('select app.ledger_item_rules() as rules');
		expect(rows[0]?.rules).toEqual(LEDGER_ITEM_RULES);
	});
});
