import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_CLOSING_RULES, ledgerMonth, type LedgerMonth } from '../../../src/lib/domain/ledger';
import { useAdminDb } from '../support/clients';
import { createAssessmentWorld, type AssessmentWorld, type Person } from '../assessment/fixture';
import { forbidden, Gateway } from '../assessment/gateway';

// Closing and reopening a month of the ledger (docs/REPORTS.md, "Closing a month") through the gateway, on the
// hand-made October of assessment/fixture.ts: a closed month answers the snapshot taken at closing while the rows
// under it change; only a reopening with its reason changes it, and both are recorded for good; who may do it.

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

async function answer(person: Person, fn: string, args: object): Promise<LedgerMonth> {
	const { status, body } = await gateway.call(person, fn, args);
	expect({ fn, status, body: status === 200 ? 'a ledger' : body }).toEqual({
		fn,
		status: 200,
		body: 'a ledger'
	});
	return ledgerMonth.parse(body);
}
const october = (hall: string) => ({ hall_id: hall, month: '2026-10-01' });
const complaints = (ledger: LedgerMonth) => ledger.rules.find((rule) => rule.key === 'complaint_reported');
/** The rows under the ledger change: the equipment fault of 30 October turns out to be a complaint. */
const reclassify = (category: string) =>
	db().query('update app.incidents set category = $2 where id = $1', [world.ids['I3'], category]);

describe('the ledger’s locked month cannot change without a recorded reopening', () => {
	it('closing freezes the ledger; new data, a second closing and the history itself change nothing', async () => {
		const before = await answer(world.m, 'ledger_month', october(world.center));
		expect(before).toMatchObject({ closed: null, events: [] });
		expect(complaints(before)?.counted).toBe(3);

		const closed = await answer(world.m, 'close_ledger_month', october(world.center));
		expect(closed.closed?.by_name).toBe('M 刘洋');
		expect(closed.events).toEqual([
			{ kind: 'close', at: closed.closed?.at, by_name: 'M 刘洋', reason: null }
		]);
		expect(closed.score).toBe(before.score);

		await reclassify('complaint');
		try {
			const later = await answer(world.m, 'ledger_month', october(world.center));
			expect({ ...later, generated_at: null }).toEqual({ ...closed, generated_at: null });
			expect(complaints(later)?.counted).toBe(3);
			// The rows did change: computed live, the month now has a fourth complaint.
			const { rows } = await db().query<{ live: LedgerMonth }>(
				`select app.ledger_live($1, '2026-10-01') as live`,
				[world.center]
			);
			expect(complaints(rows[0]!.live)?.counted).toBe(4);

			expect(await gateway.refusal(world.m, 'close_ledger_month', october(world.center))).toEqual({
				status: 409,
				message: 'ledger_month_closed'
			});
			// The history is evidence: not even the database's owner rewrites or removes it.
			for (const sql of [
				`update app.ledger_month_events set reason = 'x' where hall_id = $1`,
				`delete from app.ledger_month_events where hall_id = $1`
			]) {
				await expect(db().query(sql, [world.center])).rejects.toThrow('ledger_history_append_only');
			}

			// Reopening, with its reason: recorded, and the ledger is live again with the fourth complaint.
			const reopened = await answer(world.m, 'reopen_ledger_month', {
				...october(world.center),
				reason: '  10月30日的设备故障经核实为投诉  '
			});
			expect(reopened.closed).toBeNull();
			expect(complaints(reopened)?.counted).toBe(4);
			expect(reopened.events.map((event) => [event.kind, event.by_name, event.reason])).toEqual([
				['close', 'M 刘洋', null],
				['reopen', 'M 刘洋', '10月30日的设备故障经核实为投诉']
			]);

			// Closed again: a second close in the history, the new snapshot holding four complaints.
			const again = await answer(world.m, 'close_ledger_month', october(world.center));
			expect(complaints(again)?.counted).toBe(4);
			expect(again.events.map((event) => event.kind)).toEqual(['close', 'reopen', 'close']);
		} finally {
			await reclassify('equipment');
		}
		const still = await answer(world.m, 'ledger_month', october(world.center));
		expect(complaints(still)?.counted).toBe(4);
	});

	it('a reopening needs its reason (at most reasonMax characters) and a closed month', async () => {
		const station = october(world.station);
		await answer(world.m, 'close_ledger_month', station);
		const reasonMissing = { status: 400, message: 'ledger_reason_missing' };
		for (const reason of ['', '   ', null, '理'.repeat(LEDGER_CLOSING_RULES.reasonMax + 1)]) {
			expect(await gateway.refusal(world.m, 'reopen_ledger_month', { ...station, reason })).toEqual(
				reasonMissing
			);
		}
		const reopened = await answer(world.m, 'reopen_ledger_month', {
			...station,
			reason: '理'.repeat(LEDGER_CLOSING_RULES.reasonMax)
		});
		expect(reopened.events.map((event) => event.kind)).toEqual(['close', 'reopen']);
		expect(await gateway.refusal(world.m, 'reopen_ledger_month', { ...station, reason: '再开一次' })).toEqual(
			{ status: 409, message: 'ledger_month_open' }
		);
	});

	it('only a month that has ended is closed', async () => {
		const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
		expect(
			await gateway.refusal(world.m, 'close_ledger_month', { hall_id: world.center, month: thisMonth })
		).toEqual({ status: 400, message: 'ledger_month_running' });
		expect(
			await gateway.refusal(world.m, 'close_ledger_month', { hall_id: world.center, month: '2999-01-01' })
		).toEqual({ status: 400, message: 'report_invalid_range' });
	});
});

describe('who may close and reopen', () => {
	it('a colleague, another center’s manager and a station’s manager for the center are refused', async () => {
		const september = { hall_id: world.center, month: '2026-09-01' };
		for (const person of [world.a, world.otherManager, world.stationManager]) {
			expect(await gateway.refusal(person, 'close_ledger_month', september)).toEqual(forbidden);
		}
		await answer(world.m, 'close_ledger_month', september);
		for (const person of [world.a, world.otherManager, world.stationManager]) {
			expect(await gateway.refusal(person, 'reopen_ledger_month', { ...september, reason: '核对' })).toEqual(
				forbidden
			);
		}
		const { rows } = await db().query<{ kinds: string[] }>(
			`select array_agg(kind order by id) as kinds from app.ledger_month_events
			 where hall_id = $1 and month = '2026-09-01'`,
			[world.center]
		);
		expect(rows[0]?.kinds).toEqual(['close']);
	});

	it('the station’s own manager closes and reopens the station’s month; the center’s did it above', async () => {
		const august = { hall_id: world.station, month: '2026-08-01' };
		expect((await answer(world.stationManager, 'close_ledger_month', august)).closed?.by_name).toBe('S 周敏');
		const reopened = await answer(world.stationManager, 'reopen_ledger_month', { ...august, reason: '核对' });
		expect(reopened.closed).toBeNull();
	});
});

describe('the rules and the client’s contract', () => {
	it('app.ledger_closing_rules() = LEDGER_CLOSING_RULES', async () => {
		const { rows } = await db().query<{ rules: unknown }>('select app.ledger_closing_rules() as rules');
		expect(rows[0]?.rules).toEqual(LEDGER_CLOSING_RULES);
	});
});
