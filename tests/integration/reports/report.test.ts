import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallDate } from '../../../src/lib/domain/hall-time';
import { hallReport, REPORT_LIMITS, type HallReport } from '../../../src/lib/domain/report';
import { signedInClient, stack, useAdminDb } from '../support/clients';
import { createWorld, type Person, type ReportWorld } from './fixture';

// public.hall_report and public.report_halls (docs/REPORTS.md) through the gateway, as the app calls them: every
// figure of every section against the hand-made week of fixture.ts, whose expected numbers are counted by hand
// below; who may see which halls; the hall day's edges; the range's limits. Every answer is parsed with the
// client's contract (hallReport in src/lib/domain/report.ts).

const db = useAdminDb();
let world: ReportWorld;
const tokens = new Map<string, string>();

beforeAll(async () => {
	world = await createWorld(db());
	for (const person of [world.centerManager, world.centerIntake, world.stationManager, world.otherManager]) {
		const client = await signedInClient(person.email);
		const { data } = await client.auth.getSession();
		tokens.set(person.email, data.session?.access_token ?? '');
	}
});
afterAll(async () => {
	if (!world) return;
	// The world's rows stay (each run has a fresh stack); its people are deactivated so no test counts them.
	await db().query('update app.staff set active = false where hall_id = any ($1)', [
		[world.center, world.station, world.other]
	]);
});

async function call(
	person: Person,
	fn: 'hall_report' | 'report_halls',
	args: object = {}
): Promise<{ status: number; body: unknown }> {
	const response = await fetch(`${stack().url}/rest/v1/rpc/${fn}`, {
		method: 'POST',
		headers: {
			apikey: stack().anonKey,
			Authorization: `Bearer ${tokens.get(person.email) ?? ''}`,
			'Content-Type': 'application/json'
		},
		body: JSON.stringify(args)
	});
	return { status: response.status, body: await response.json() };
}

async function report(person: Person, halls: string[], from: string, to: string): Promise<HallReport> {
	const { status, body } = await call(person, 'hall_report', { hall_ids: halls, from_day: from, to_day: to });
	expect({ status, body: status === 200 ? 'a report' : body }).toEqual({ status: 200, body: 'a report' });
	return hallReport.parse(body);
}

async function refusal(person: Person, halls: string[], from: string, to: string) {
	const { status, body } = await call(person, 'hall_report', { hall_ids: halls, from_day: from, to_day: to });
	return { status, message: (body as { message?: string }).message };
}

const forbidden = { status: 403, message: 'report_forbidden' };
const invalidRange = { status: 400, message: 'report_invalid_range' };
const week = ['2026-11-02', '2026-11-08'] as const;

describe('one hall, one week: every figure', () => {
	let answer: HallReport;
	beforeAll(async () => {
		answer = await report(world.centerManager, [world.center], ...week);
	});

	it('names the hall and the range, and when it was computed', () => {
		expect(answer.halls).toEqual([{ id: world.center, name: '报表测试中心' }]);
		expect([answer.from, answer.to]).toEqual([...week]);
		expect(Math.abs(Date.parse(answer.generated_at) - Date.now())).toBeLessThan(60_000);
	});

	it('hall operation', () => {
		expect(answer.operation).toEqual({
			visitors: 5,
			by_day: [
				{ day: '2026-11-02', visitors: 2 },
				{ day: '2026-11-03', visitors: 2 },
				{ day: '2026-11-04', visitors: 1 },
				{ day: '2026-11-05', visitors: 0 },
				{ day: '2026-11-06', visitors: 0 },
				{ day: '2026-11-07', visitors: 0 },
				{ day: '2026-11-08', visitors: 0 }
			],
			by_hour: Array.from({ length: 24 }, (_, hour) => ({
				hour,
				visitors: ({ 0: 1, 9: 2, 14: 1, 23: 1 } as Record<number, number>)[hour] ?? 0
			})),
			by_category: [
				{ category: 'enterprise_setup', visitors: 2 },
				{ category: 'other_approval', visitors: 1 },
				{ category: 'consultation', visitors: 1 },
				{ category: null, visitors: 1 }
			],
			special_groups: [
				{ group: 'elderly', visitors: 2 },
				{ group: 'disabled', visitors: 1 },
				{ group: 'pregnant', visitors: 0 },
				{ group: 'foreigner', visitors: 1 }
			],
			special_visitors: 3,
			green_channel: 1,
			events: [
				{ kind: 'consult', count: 3 },
				{ kind: 'precheck', count: 0 },
				{ kind: 'guide_to_window', count: 1 },
				{ kind: 'accept', count: 2 },
				{ kind: 'notify_pickup', count: 0 },
				{ kind: 'picked_up', count: 1 },
				{ kind: 'mail', count: 0 },
				{ kind: 'note', count: 1 }
			]
		});
	});

	it('consultations', () => {
		expect(answer.consultations).toEqual({
			records: 2,
			events: 3,
			by_category: [
				{ category: 'enterprise_setup', records: 1 },
				{ category: 'consultation', records: 1 }
			]
		});
	});

	it('pre-checks', () => {
		expect(answer.prechecks).toEqual({
			prechecks: 4,
			complete_first: 1,
			complete_rate: 0.25,
			notices: 3,
			returned: 2,
			completed_on_return: 2,
			broken_promises: 1,
			promise_kept_rate: 0.5,
			most_missed: [
				{
					item_code: 'HB-QYKB-0001',
					item_name: '公司设立登记',
					material_key: 'articles',
					material_name: '公司章程',
					count: 3
				},
				{
					item_code: 'HB-QYKB-0001',
					item_name: '公司设立登记',
					material_key: 'shareholder_ids',
					material_name: '股东主体资格证明',
					count: 1
				}
			]
		});
	});

	it('incidents, against the hall’s own limits', () => {
		expect(answer.incidents).toEqual({
			reported: 6,
			by_category: [
				{ category: 'emergency', count: 0 },
				{ category: 'complaint', count: 3 },
				{ category: 'equipment', count: 1 },
				{ category: 'hazard', count: 1 },
				{ category: 'order', count: 1 },
				{ category: 'environment', count: 0 },
				{ category: 'system', count: 0 }
			],
			by_severity: [
				{ severity: 1, count: 1 },
				{ severity: 2, count: 2 },
				{ severity: 3, count: 2 },
				{ severity: 4, count: 1 }
			],
			// 20, 90 (over the hall's 60), 600 (over 480), 10, 30 minutes.
			responded: 5,
			responded_within: 3,
			respond_median_minutes: 30,
			// 180, 1380, 60 minutes.
			resolved: 3,
			resolved_within: 3,
			resolve_median_minutes: 180,
			overdue_open: 3
		});
	});

	it('patrols against the plan', () => {
		expect(answer.patrols).toEqual({
			// Two windows on five open days.
			expected_rounds: 10,
			rounds_on_time: 3,
			rounds_late: 1,
			rounds_missed: 5,
			extra_rounds: 2,
			checkpoints_missed: 4,
			problems: 5,
			problems_by_checkpoint: [
				{ checkpoint_id: world.checkpoints.entrance, name: '大厅入口', problems: 4 },
				{ checkpoint_id: world.checkpoints.selfService, name: '自助区', problems: 1 }
			],
			compliance_rate: 0.3
		});
	});

	it('service supervision', () => {
		expect(answer.supervision).toEqual({ complaints: 3, callbacks: 2, closed: 1, open: 2 });
	});

	it('visits and follow-ups', () => {
		expect(answer.visits).toEqual({
			visits: 3,
			by_kind: [
				{ kind: 'onsite', count: 2 },
				{ kind: 'stationed', count: 1 },
				{ kind: 'project', count: 0 }
			],
			enterprises_visited: 2,
			follow_ups_opened: 4,
			follow_ups_done: 1,
			follow_ups_cannot_solve: 1,
			follow_ups_overdue: 2
		});
	});
});

describe('the hall day (UTC+8)', () => {
	it('a ticket of 23:59 counts on its day, one of 00:00 on the next', async () => {
		const tuesday = await report(world.centerManager, [world.center], '2026-11-03', '2026-11-03');
		const wednesday = await report(world.centerManager, [world.center], '2026-11-04', '2026-11-04');
		expect(tuesday.operation.visitors).toBe(2);
		expect(tuesday.operation.by_hour[23]).toEqual({ hour: 23, visitors: 1 });
		expect(tuesday.operation.by_hour[0]).toEqual({ hour: 0, visitors: 0 });
		expect(wednesday.operation.visitors).toBe(1);
		expect(wednesday.operation.by_hour[0]).toEqual({ hour: 0, visitors: 1 });
	});

	it('an incident of Friday 23:59 is Friday’s; one of Saturday 00:00 is not', async () => {
		const friday = await report(world.centerManager, [world.center], '2026-11-06', '2026-11-06');
		const saturday = await report(world.centerManager, [world.center], '2026-11-07', '2026-11-07');
		expect(friday.incidents.reported).toBe(1);
		expect(friday.incidents.by_severity[0]).toEqual({ severity: 1, count: 1 });
		expect(saturday.incidents.reported).toBe(1);
		expect(saturday.incidents.by_category.find((row) => row.category === 'order')?.count).toBe(1);
	});

	it('a visit of Sunday 23:59 is in the week, one of Monday 00:00 is not', async () => {
		const sunday = await report(world.centerManager, [world.center], '2026-11-08', '2026-11-08');
		const monday = await report(world.centerManager, [world.center], '2026-11-09', '2026-11-09');
		expect(sunday.visits.visits).toBe(1);
		expect(monday.visits.visits).toBe(1);
	});

	it('a closed day expects no rounds', async () => {
		const weekend = await report(world.centerManager, [world.center], '2026-11-07', '2026-11-08');
		expect(weekend.patrols).toMatchObject({ expected_rounds: 0, rounds_missed: 0, compliance_rate: null });
	});

	it('today, a window past its end plus grace is missed and one still to come is not expected', async () => {
		const now = new Date();
		const today = hallDate(now);
		const minutes = (now.getUTCHours() * 60 + now.getUTCMinutes() + 8 * 60) % (24 * 60);
		// 00:00–00:01 has passed and 23:58–23:59 is to come, except in the minutes around midnight.
		if (minutes < 5 || minutes > 23 * 60 + 55) return;
		await db().query(
			`insert into app.patrol_plans (id, hall_id, windows, grace_minutes, min_scan_interval_seconds)
			 values (gen_random_uuid(), $1, $2, 0, 0)`,
			[
				world.other,
				JSON.stringify([
					{ key: 'early', label_zh: '凌晨', label_en: 'Early', start: '00:00', end: '00:01' },
					{ key: 'late', label_zh: '深夜', label_en: 'Late', start: '23:58', end: '23:59' }
				])
			]
		);
		const open = ![0, 6].includes(new Date(`${today}T12:00:00Z`).getUTCDay());
		const answer = await report(world.otherManager, [world.other], today, today);
		expect(answer.patrols).toMatchObject({
			expected_rounds: open ? 1 : 0,
			rounds_missed: open ? 1 : 0,
			compliance_rate: open ? 0 : null
		});
	});

	it('rates with nothing to rate are null, not 0', async () => {
		const empty = await report(world.centerManager, [world.center], '2026-10-05', '2026-10-05');
		expect(empty.prechecks.complete_rate).toBeNull();
		expect(empty.prechecks.promise_kept_rate).toBeNull();
		expect(empty.incidents.respond_median_minutes).toBeNull();
		expect(empty.operation.by_category).toEqual([]);
	});
});

describe('who sees which halls', () => {
	it('a center’s manager reports on the center and its station, summed', async () => {
		const { status, body } = await call(world.centerManager, 'report_halls');
		expect({ status, body }).toEqual({
			status: 200,
			body: [
				{ id: world.center, name: '报表测试中心', kind: 'district_center' },
				{ id: world.station, name: '报表测试街道站', kind: 'street_station' }
			]
		});
		const both = await report(world.centerManager, [world.center, world.station], ...week);
		expect(both.halls.map((hall) => hall.id)).toEqual([world.center, world.station]);
		expect(both.operation.visitors).toBe(6);
		expect(both.operation.special_groups[2]).toEqual({ group: 'pregnant', visitors: 1 });
		expect(both.consultations).toMatchObject({ records: 3, events: 4 });
		expect(both.incidents).toMatchObject({ reported: 7, overdue_open: 4 });
		expect(both.supervision).toEqual({ complaints: 4, callbacks: 2, closed: 1, open: 3 });
		// The station has no plan: nothing more expected.
		expect(both.patrols.expected_rounds).toBe(10);
	});

	it('a station’s manager sees the station only, never the center', async () => {
		expect(await call(world.stationManager, 'report_halls')).toEqual({
			status: 200,
			body: [{ id: world.station, name: '报表测试街道站', kind: 'street_station' }]
		});
		expect((await report(world.stationManager, [world.station], ...week)).operation.visitors).toBe(1);
		expect(await refusal(world.stationManager, [world.center], ...week)).toEqual(forbidden);
		expect(await refusal(world.stationManager, [world.station, world.center], ...week)).toEqual(forbidden);
	});

	it('a manager of another hall is refused, as for a hall that does not exist', async () => {
		expect(await refusal(world.otherManager, [world.center], ...week)).toEqual(forbidden);
		expect(await refusal(world.otherManager, ['00000000-0000-4000-8000-000000000000'], ...week)).toEqual(
			forbidden
		);
		expect((await report(world.otherManager, [world.other], ...week)).operation.visitors).toBe(0);
	});

	it('a colleague who is not a manager is refused, even for their own hall', async () => {
		expect(await refusal(world.centerIntake, [world.center], ...week)).toEqual(forbidden);
		expect(await call(world.centerIntake, 'report_halls')).toMatchObject({
			status: 403,
			body: { message: 'report_forbidden' }
		});
	});

	it('a deactivated manager is refused', async () => {
		await db().query('update app.staff set active = false where id = $1', [world.otherManager.staffId]);
		try {
			expect(await refusal(world.otherManager, [world.other], ...week)).toEqual(forbidden);
		} finally {
			await db().query('update app.staff set active = true where id = $1', [world.otherManager.staffId]);
		}
	});
});

describe('the range', () => {
	it('refuses an inverted range, a missing day and no halls', async () => {
		expect(await refusal(world.centerManager, [world.center], '2026-11-08', '2026-11-02')).toEqual(
			invalidRange
		);
		expect(await refusal(world.centerManager, [], ...week)).toEqual(invalidRange);
		const { status, body } = await call(world.centerManager, 'hall_report', {
			hall_ids: [world.center],
			from_day: null,
			to_day: '2026-11-02'
		});
		expect({ status, message: (body as { message?: string }).message }).toEqual(invalidRange);
	});

	it(`takes ${REPORT_LIMITS.maxDays} days and no more`, async () => {
		const longest = await report(world.centerManager, [world.center], '2025-10-05', '2026-11-08');
		expect(longest.operation.by_day).toHaveLength(REPORT_LIMITS.maxDays);
		expect(longest.operation.visitors).toBe(6);
		expect(await refusal(world.centerManager, [world.center], '2025-10-04', '2026-11-08')).toEqual(
			invalidRange
		);
	});
});

describe('limits', () => {
	it('app.reports_rules() answers exactly REPORT_LIMITS', async () => {
		const { rows } = await db().query<{ rules: unknown }>('select app.reports_rules() as rules');
		expect(rows[0]?.rules).toEqual(REPORT_LIMITS);
	});
});
