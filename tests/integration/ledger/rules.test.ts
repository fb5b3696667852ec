import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	LEDGER_RULE_KEYS,
	LEDGER_RULE_LIMITS,
	ledgerMonth,
	ledgerRuleSettings,
	type LedgerMonth,
	type LedgerRuleSetting,
	type LedgerRuleSettings
} from '../../../src/lib/domain/ledger';
import { useAdminDb } from '../support/clients';
import { createAssessmentWorld, type AssessmentWorld, type Person } from '../assessment/fixture';
import { forbidden, Gateway } from '../assessment/gateway';

// A hall's own ledger rules (docs/REPORTS.md, "Per-hall rules") through the gateway, on the hand-made October of
// assessment/fixture.ts: the defaults until a manager sets them; points, caps and enabled counted at once in open
// months while a closed month keeps its snapshot; a set checked whole; only the hall's managers set them.

const db = useAdminDb();
const gateway = new Gateway();
let world: AssessmentWorld;

beforeAll(async () => {
	world = await createAssessmentWorld(db());
	await gateway.signIn([world.a, world.m, world.otherManager, world.stationManager]);
});
afterAll(async () => {
	if (!world) return;
	await db().query('update app.staff set active = false where hall_id = any ($1)', [
		[world.center, world.station, world.other]
	]);
});

async function call<T>(person: Person, fn: string, args: object, parse: (body: unknown) => T): Promise<T> {
	const { status, body } = await gateway.call(person, fn, args);
	expect({ fn, status, body: status === 200 ? 'ok' : body }).toEqual({ fn, status: 200, body: 'ok' });
	return parse(body);
}
const ledger = (person: Person, fn: string, args: object): Promise<LedgerMonth> =>
	call(person, fn, args, (body) => ledgerMonth.parse(body));
const settings = (person: Person, fn: string, args: object): Promise<LedgerRuleSettings> =>
	call(person, fn, args, (body) => ledgerRuleSettings.parse(body));
const rule = (answer: LedgerMonth, key: string) => answer.rules.find((row) => row.key === key);

describe('a hall’s own rules', () => {
	it('are the defaults, every rule enabled, until set', async () => {
		const answer = await settings(world.m, 'ledger_rules', { hall_id: world.center });
		expect(answer).toMatchObject({ custom: false, updated_by_name: null });
		expect(answer.rules.map((row) => [row.key, row.enabled])).toEqual(
			LEDGER_RULE_KEYS.map((key) => [key, true])
		);
	});

	it('count at once in an open month, not in a closed one; null goes back to the defaults', async () => {
		const october = { hall_id: world.center, month: '2026-10-01' };
		const september = { hall_id: world.center, month: '2026-09-01' };
		const before = await ledger(world.m, 'ledger_month', october);
		const closedSeptember = await ledger(world.m, 'close_ledger_month', september);
		expect(rule(before, 'complaint_reported')).toMatchObject({ points: -2, counted: 3, applied: -6 });

		const { rules } = await settings(world.m, 'ledger_rules', { hall_id: world.center });
		const own: LedgerRuleSetting[] = rules.map((row) =>
			row.key === 'complaint_reported'
				? { ...row, points: -3, cap: -6 }
				: row.key === 'patrol_window_missed'
					? { ...row, enabled: false }
					: row
		);
		const saved = await settings(world.m, 'set_ledger_rules', { hall_id: world.center, rules: own });
		expect(saved).toMatchObject({ custom: true, updated_by_name: 'M 刘洋', rules: own });

		const after = await ledger(world.m, 'ledger_month', october);
		expect(rule(after, 'complaint_reported')).toMatchObject({ points: -3, cap: -6, counted: 3, applied: -6 });
		expect(rule(after, 'patrol_window_missed')).toBeUndefined();
		expect(after.rules).toHaveLength(LEDGER_RULE_KEYS.length - 1);
		// The missed windows' −10 is gone; the complaints' applied stays −6 (now at its cap).
		expect(after.deductions).toBe(before.deductions + 10);

		const september2 = await ledger(world.m, 'ledger_month', september);
		expect({ ...september2, generated_at: null }).toEqual({ ...closedSeptember, generated_at: null });

		const reset = await settings(world.m, 'set_ledger_rules', { hall_id: world.center, rules: null });
		expect(reset.custom).toBe(false);
		const back = await ledger(world.m, 'ledger_month', october);
		expect(back.score).toBe(before.score);
	});

	it('are checked whole: every rule once, its own kind, signs, tenths, caps, fields', async () => {
		const { rules } = await settings(world.m, 'ledger_rules', { hall_id: world.station });
		const change = (key: string, patch: object) =>
			rules.map((row) => (row.key === key ? { ...row, ...patch } : row));
		const invalid = [
			'not rules',
			rules.slice(1),
			[...rules, rules[0]],
			change('patrol_window_missed', { key: 'late_lunch' }),
			change('patrol_window_missed', { kind: 'bonus' }),
			change('patrol_window_missed', { points: 1 }),
			change('patrol_window_missed', { points: -1.25 }),
			change('patrol_window_missed', { points: -LEDGER_RULE_LIMITS.pointsMax - 1 }),
			change('patrol_window_missed', { cap: -0.5 }),
			change('patrol_window_missed', { cap: -LEDGER_RULE_LIMITS.capMax - 1 }),
			change('patrol_window_missed', { points: '-1' }),
			change('patrol_window_missed', { enabled: 'yes' }),
			change('patrol_window_missed', { extra: 1 }),
			change('patrols_all_on_time', { points: -2, cap: -2 }),
			change('patrols_all_on_time', { cap: 1 }),
			change('prechecks_complete_first', { minRate: 1.5 }),
			change('prechecks_complete_first', { minCount: 2.5 }),
			rules.map(() => 1)
		];
		for (const set of invalid) {
			expect(
				await gateway.refusal(world.m, 'set_ledger_rules', { hall_id: world.station, rules: set }),
				JSON.stringify(set).slice(0, 200)
			).toEqual({ status: 400, message: 'ledger_rules_invalid' });
		}
		const shuffled = [...rules].reverse();
		const saved = await settings(world.m, 'set_ledger_rules', { hall_id: world.station, rules: shuffled });
		expect(saved.rules.map((row) => row.key)).toEqual([...LEDGER_RULE_KEYS]);
	});

	it('only the hall’s managers read and set them', async () => {
		const { rules } = await settings(world.m, 'ledger_rules', { hall_id: world.center });
		for (const person of [world.a, world.otherManager, world.stationManager]) {
			expect(await gateway.refusal(person, 'ledger_rules', { hall_id: world.center })).toEqual(forbidden);
			expect(await gateway.refusal(person, 'set_ledger_rules', { hall_id: world.center, rules })).toEqual(
				forbidden
			);
		}
	});

	it('app.ledger_rule_limits() = LEDGER_RULE_LIMITS', async () => {
		const { rows } = await db().query<{ limits: unknown }>('select app.ledger_rule_limits() as limits');
		expect(rows[0]?.limits).toEqual(LEDGER_RULE_LIMITS);
	});
});
