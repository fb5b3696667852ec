import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	LEDGER_RULE_KEYS,
	LEDGER_SCALE,
	ledgerMonth,
	type LedgerMonth,
	type LedgerRule,
	type LedgerRuleKey
} from '../../../src/lib/domain/ledger';
import { useAdminDb } from '../support/clients';
import { createAssessmentWorld, type AssessmentWorld, type Person } from '../assessment/fixture';
import { forbidden, Gateway, invalidRange } from '../assessment/gateway';

// public.ledger_month (docs/REPORTS.md, "The monthly ledger") through the gateway: every rule of the hand-made
// October of assessment/fixture.ts with its evidence (the fixture's row ids), counted by hand below; the caps, the
// clamp at 0 and 100, passing at exactly 80; the month's edges in UTC+8; who may see which halls; and the rules'
// agreement with the client's contract.

const db = useAdminDb();
const gateway = new Gateway();
let world: AssessmentWorld;

beforeAll(async () => {
	world = await createAssessmentWorld(db());
	await gateway.signIn([world.a, world.m, world.stationManager, world.otherManager]);
});
afterAll(async () => {
	if (!world) return;
	await db().query('update app.staff set active = false where hall_id = any ($1)', [
		[world.center, world.station, world.other]
	]);
});

async function ledger(person: Person, hall: string, month: string): Promise<LedgerMonth> {
	const { status, body } = await gateway.call(person, 'ledger_month', { hall_id: hall, month });
	expect({ status, body: status === 200 ? 'a ledger' : body }).toEqual({ status: 200, body: 'a ledger' });
	return ledgerMonth.parse(body);
}

const rule = (answer: LedgerMonth, key: LedgerRuleKey): LedgerRule | undefined =>
	answer.rules.find((row) => row.key === key);
const window = (day: string, id: string | null = null) => ({
	kind: 'patrol_window',
	id,
	day,
	text: '上午',
	window_key: 'am'
});
const incident = (id: string | undefined, day: string) => ({
	kind: 'incident',
	id,
	day,
	text: '等候区',
	window_key: null
});

describe('the center’s October: every rule, its evidence and the score', () => {
	let answer: LedgerMonth;
	beforeAll(async () => {
		answer = await ledger(world.m, world.center, '2026-10-17');
	});

	it('names the hall and the month (any day of it), over', () => {
		expect(answer).toMatchObject({
			hall: { id: world.center, name: '考核测试中心' },
			month: '2026-10-01',
			from: '2026-10-01',
			to: '2026-10-31',
			complete: true,
			base: 100,
			pass_mark: 80
		});
		expect(Date.parse(answer.until)).toBe(Date.parse('2026-11-01T00:00:00+08:00'));
	});

	it('lists the rules deductions first, then bonuses, in the rules’ order', () => {
		expect(answer.rules.map((row) => [row.key, row.kind, row.points, row.cap])).toEqual([
			['patrol_window_missed', 'deduction', -1, -10],
			['patrol_window_late', 'deduction', -0.5, -5],
			['patrol_round_incomplete', 'deduction', -0.5, -5],
			['incident_over_limit', 'deduction', -2, -10],
			['complaint_reported', 'deduction', -2, -10],
			['complaint_open', 'deduction', -1, -5],
			['broken_promise', 'deduction', -2, -10],
			['follow_up_overdue', 'deduction', -1, -5],
			['patrols_all_on_time', 'bonus', 2, 2],
			['prechecks_complete_first', 'bonus', 1, 1]
		]);
	});

	it('patrols: 13 of the 18 open days’ windows missed (capped at −10), one late, two rounds incomplete', () => {
		const missedDays = [10, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30];
		expect(rule(answer, 'patrol_window_missed')).toMatchObject({
			counted: 13,
			applied: -10,
			measured: null,
			evidence: missedDays.map((day) => window(`2026-10-${String(day).padStart(2, '0')}`))
		});
		expect(rule(answer, 'patrol_window_late')).toMatchObject({
			counted: 1,
			applied: -0.5,
			evidence: [window('2026-10-09', world.ids['W9'])]
		});
		expect(rule(answer, 'patrol_round_incomplete')).toMatchObject({
			counted: 2,
			applied: -1,
			evidence: [
				{ kind: 'patrol_round', id: world.ids['W12'], day: '2026-10-12', text: '上午', window_key: 'am' },
				{ kind: 'patrol_round', id: world.ids['X17'], day: '2026-10-17', text: null, window_key: null }
			]
		});
	});

	it('incidents: three over their limit on the day it ran out, three complaints, two still open', () => {
		expect(rule(answer, 'incident_over_limit')).toMatchObject({
			counted: 3,
			applied: -6,
			evidence: [
				incident(world.ids['I7'], '2026-10-01'),
				incident(world.ids['I2'], '2026-10-12'),
				incident(world.ids['I3'], '2026-10-31')
			]
		});
		expect(rule(answer, 'complaint_reported')).toMatchObject({
			counted: 3,
			applied: -6,
			evidence: [
				incident(world.ids['I1'], '2026-10-08'),
				incident(world.ids['I2'], '2026-10-12'),
				incident(world.ids['I5'], '2026-10-31')
			]
		});
		expect(rule(answer, 'complaint_open')).toMatchObject({
			counted: 2,
			applied: -2,
			evidence: [incident(world.ids['I2'], '2026-10-12'), incident(world.ids['I5'], '2026-10-31')]
		});
	});

	it('two notices broken (once each), two follow-ups overdue at the month’s end', () => {
		expect(rule(answer, 'broken_promise')).toMatchObject({
			counted: 2,
			applied: -4,
			evidence: [
				{ kind: 'precheck', id: world.ids['P3'], day: '2026-10-02', window_key: null },
				{ kind: 'precheck', id: world.ids['P2'], day: '2026-10-13', window_key: null }
			]
		});
		expect(rule(answer, 'follow_up_overdue')).toMatchObject({
			counted: 2,
			applied: -2,
			evidence: [
				{ kind: 'follow_up', id: world.ids['F1'], day: '2026-09-30', text: '诉求 F1', window_key: null },
				{ kind: 'follow_up', id: world.ids['F3'], day: '2026-10-20', text: '诉求 F3', window_key: null }
			]
		});
	});

	it('no bonus: 3 of 18 windows on time, 1 of 3 pre-checks complete at once', () => {
		expect(rule(answer, 'patrols_all_on_time')).toEqual({
			key: 'patrols_all_on_time',
			kind: 'bonus',
			points: 2,
			cap: 2,
			counted: 0,
			applied: 0,
			measured: { value: 3, of: 18 },
			evidence: []
		});
		expect(rule(answer, 'prechecks_complete_first')).toMatchObject({
			counted: 0,
			applied: 0,
			measured: { value: 1, of: 3 }
		});
	});

	it('scores 100 − 31.5 = 68.5, which does not pass', () => {
		expect(answer).toMatchObject({ deductions: -31.5, bonuses: 0, score: 68.5, passes: false });
	});
});

describe('the month’s edges (UTC+8)', () => {
	it('a complaint of October 31st 23:59 is October’s, one of November 1st 00:00 November’s', async () => {
		const november = await ledger(world.m, world.center, '2026-11-01');
		expect(rule(november, 'complaint_reported')?.evidence.map((row) => row.id)).toEqual([world.ids['I6']]);
		expect(november.month).toBe('2026-11-01');
	});

	it('a ledger of this month runs to now; a month not begun is refused', async () => {
		const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
		const current = await ledger(world.m, world.center, today);
		expect(current.complete).toBe(false);
		expect(Math.abs(Date.parse(current.until) - Date.now())).toBeLessThan(60_000);
		const next = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
		next.setUTCMonth(next.getUTCMonth() + 1);
		expect(
			await gateway.refusal(world.m, 'ledger_month', {
				hall_id: world.center,
				month: next.toISOString().slice(0, 10)
			})
		).toEqual(invalidRange);
		expect(await gateway.refusal(world.m, 'ledger_month', { hall_id: world.center, month: null })).toEqual(
			invalidRange
		);
		expect(
			await gateway.refusal(world.m, 'ledger_month', { hall_id: world.center, month: 'infinity' })
		).toEqual(invalidRange);
	});
});

describe('caps, the clamp and the pass mark', () => {
	it('six complaints capped at −10 and five broken notices at −10: exactly 80 passes', async () => {
		const station = await ledger(world.stationManager, world.station, '2026-10-01');
		expect(rule(station, 'complaint_reported')).toMatchObject({ counted: 6, applied: -10 });
		expect(rule(station, 'complaint_reported')?.evidence.map((row) => row.id)).toEqual(
			[1, 2, 3, 4, 5, 6].map((n) => world.ids[`SC${n}`])
		);
		expect(rule(station, 'broken_promise')).toMatchObject({ counted: 5, applied: -10 });
		expect(rule(station, 'patrols_all_on_time')).toMatchObject({ counted: 0, measured: { value: 0, of: 0 } });
		expect(station).toMatchObject({ deductions: -20, bonuses: 0, score: 80, passes: true });
	});

	it('18 of 20 pre-checks complete at once (90 %) earn the bonus, held at 100', async () => {
		const september = await ledger(world.m, world.station, '2026-09-30');
		expect(rule(september, 'prechecks_complete_first')).toMatchObject({
			counted: 1,
			applied: 1,
			measured: { value: 18, of: 20 }
		});
		expect(september).toMatchObject({ deductions: 0, bonuses: 1, score: 100, passes: true });
	});

	it('every window on time: a complaint’s −2, then the +2 bonus', async () => {
		const august = await ledger(world.otherManager, world.other, '2026-08-01');
		expect(rule(august, 'patrols_all_on_time')).toMatchObject({
			counted: 1,
			applied: 2,
			measured: { value: 21, of: 21 }
		});
		expect(rule(august, 'patrol_window_missed')).toMatchObject({ counted: 0, applied: 0, evidence: [] });
		expect(august).toMatchObject({ deductions: -2, bonuses: 2, score: 100, passes: true });
	});

	it('deductions stop at 0 before the bonuses count (rules of a hall’s own, as the superuser)', async () => {
		const rules = [
			{ key: 'patrol_window_missed', kind: 'deduction', points: -10, cap: -200 },
			{ key: 'prechecks_complete_first', kind: 'bonus', points: 5, cap: 5, minRate: 0.3, minCount: 3 }
		];
		const { rows } = await db().query<{ answer: unknown }>(
			`select app.ledger_compute($1, '2026-10-01', $2) as answer`,
			[world.center, JSON.stringify(rules)]
		);
		// ledger_compute is the rules alone: ledger_month adds the manual items, whether the month is closed, its history.
		const answer = ledgerMonth.parse({
			...(rows[0]?.answer as object),
			items: [],
			closed: null,
			events: []
		});
		expect(answer.rules.map((row) => [row.key, row.counted, row.applied])).toEqual([
			['patrol_window_missed', 13, -130],
			['prechecks_complete_first', 1, 5]
		]);
		expect(answer).toMatchObject({ deductions: -130, bonuses: 5, score: 5, passes: false });
	});
});

describe('who sees which halls', () => {
	it('the center’s manager reads the station’s ledger; the station’s manager not the center’s', async () => {
		expect((await ledger(world.m, world.station, '2026-10-01')).score).toBe(80);
		const ask = (person: Person, hall: string) =>
			gateway.refusal(person, 'ledger_month', { hall_id: hall, month: '2026-10-01' });
		expect(await ask(world.stationManager, world.center)).toEqual(forbidden);
		expect(await ask(world.otherManager, world.center)).toEqual(forbidden);
		expect(await ask(world.otherManager, '00000000-0000-4000-8000-000000000000')).toEqual(forbidden);
		expect(await ask(world.a, world.center)).toEqual(forbidden);
		// A colleague learns nothing from a bad month either.
		expect(await gateway.refusal(world.a, 'ledger_month', { hall_id: world.center, month: null })).toEqual(
			forbidden
		);
	});
});

describe('the rules and the client’s contract', () => {
	it('app.ledger_default_rules() names exactly LEDGER_RULE_KEYS, deductions then bonuses', async () => {
		const { rows } = await db().query<{ rules: { key: string; kind: string }[]; scale: unknown }>(
			'select app.ledger_default_rules() as rules, app.ledger_scale() as scale'
		);
		expect(rows[0]?.rules.map((row) => row.key)).toEqual([...LEDGER_RULE_KEYS]);
		const kinds = rows[0]?.rules.map((row) => row.kind) ?? [];
		expect(kinds).toEqual([...kinds].sort((x, y) => Number(x === 'bonus') - Number(y === 'bonus')));
		expect(rows[0]?.scale).toEqual(LEDGER_SCALE);
	});
});
