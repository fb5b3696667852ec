import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffWorkload, WORKLOAD_TOTAL_MEASURES, workloadTotal } from '../../../src/lib/domain/assessment';
import { quarterlyRanking, type QuarterlyRanking } from '../../../src/lib/domain/assessment-review';
import { useAdminDb } from '../support/clients';
import { forbidden, Gateway, invalidRange } from './gateway';
import { createReviewWorld, retireReviewWorld, type ReviewWorld } from './review-fixture';

// The quarterly ranking (季度考, docs/REPORTS.md "Staff assessment") through the gateway, against the world of
// review-fixture.ts and reviews saved here, every number computed by hand below.

const db = useAdminDb();
const gateway = new Gateway();
let world: ReviewWorld;

/** Reviews of Q3 2026 by the hall's manager: [person, month, district rating, skill, attendance]. */
const reviews = (w: ReviewWorld) =>
	[
		[w.x, '2026-07-01', 80, 90, 100],
		[w.x, '2026-08-01', 70, 90, 100],
		[w.y, '2026-07-01', 90, 80, 95.5],
		[w.y, '2026-08-01', 90, 80, 95.5],
		[w.y, '2026-09-01', 90, 81, 95.5],
		[w.z, '2026-07-01', 60, 60, 60]
	] as const;

beforeAll(async () => {
	world = await createReviewWorld(db());
	await gateway.signIn([world.m, world.x, world.stationManager, world.otherManager]);
	for (const [person, month, district_rating, skill, attendance] of reviews(world)) {
		const { status } = await gateway.call(world.m, 'save_monthly_review', {
			staff_id: person.staffId,
			month,
			district_rating,
			skill,
			attendance
		});
		expect(status).toBe(200);
	}
});
afterAll(() => retireReviewWorld(db(), world));

async function ranking(quarterStart: string, hall = world.center): Promise<QuarterlyRanking> {
	const { status, body } = await gateway.call(world.m, 'quarterly_ranking', {
		hall_id: hall,
		quarter_start: quarterStart
	});
	expect({ status, body: status === 200 ? 'an answer' : body }).toEqual({ status: 200, body: 'an answer' });
	return quarterlyRanking.parse(body);
}

const setWeights = (workload: number, district_rating: number, skill: number, attendance: number) =>
	gateway.call(world.m, 'set_assessment_weights', {
		hall_id: world.center,
		workload,
		district_rating,
		skill,
		attendance
	});

describe('Q3 2026 with the default weights 40/20/20/20', () => {
	let q3: QuarterlyRanking;
	beforeAll(async () => {
		q3 = await ranking('2026-08-15');
	});

	it('names the quarter holding the day asked, complete, with the default weights', () => {
		expect([q3.quarter_start, q3.quarter_end, q3.complete]).toEqual(['2026-07-01', '2026-09-30', true]);
		expect(q3.hall_name).toBe('评分测试中心');
		expect(q3.weights).toMatchObject({ workload: 40, district_rating: 20, skill: 20, attendance: 20 });
		expect(q3.top_workload).toBe(20);
	});

	it('ranks the colleagues (not the managers) on the weighted total; the last one is flagged, again', () => {
		const rows = q3.staff.map((row) => ({
			name: row.name,
			workload_total: row.workload_total,
			workload_score: row.workload_score,
			scores: [row.district_rating, row.skill, row.attendance, row.reviewed_months],
			total: row.total,
			rank: row.rank,
			last: row.last,
			again: row.again
		}));
		expect(rows).toEqual([
			// 10 records and 10 consults: 20 of 20 = 100. Two months reviewed: (80 + 70) / 2 = 75, 90, 100.
			// (40 × 100 + 20 × 75 + 20 × 90 + 20 × 100) / 100 = 93.
			{
				name: 'X 王芳',
				workload_total: 20,
				workload_score: 100,
				scores: [75, 90, 100, 2],
				total: 93,
				rank: 1,
				last: false,
				again: false
			},
			// 5 records and 5 accepts on X's: 10 of 20 = 50. Skill (80 + 80 + 81) / 3 = 80.33 → 80.3.
			// (40 × 50 + 20 × 90 + 20 × 80.3 + 20 × 95.5) / 100 = 73.16.
			{
				name: 'Y 李娜',
				workload_total: 10,
				workload_score: 50,
				scores: [90, 80.3, 95.5, 3],
				total: 73.16,
				rank: 2,
				last: false,
				again: false
			},
			// 2 records and 2 consults: 4 of 20 = 20. (40 × 20 + 20 × 60 × 3) / 100 = 44. Last in Q2 too:
			// (40 × 25) / 100 = 10 against X's and Y's 40 (4 records each, no reviews).
			{
				name: 'Z 赵丽',
				workload_total: 4,
				workload_score: 20,
				scores: [60, 60, 60, 1],
				total: 44,
				rank: 3,
				last: true,
				again: true
			}
		]);
	});

	it('sums the same business volume as the workload screen', async () => {
		const { rows } = await db().query<{ measures: string[] }>(
			'select app.workload_total_measures() as measures'
		);
		expect(rows[0]?.measures).toEqual(WORKLOAD_TOTAL_MEASURES);
		const { body } = await gateway.call(world.m, 'staff_workload', {
			hall_ids: [world.center],
			from_day: '2026-07-01',
			to_day: '2026-09-30'
		});
		const totals = new Map(staffWorkload.parse(body).staff.map((row) => [row.staff_id, workloadTotal(row)]));
		for (const row of q3.staff) expect(totals.get(row.staff_id), row.name).toBe(row.workload_total);
	});

	it('Q2: Z last the first time (not again); nobody has a review', async () => {
		const q2 = await ranking('2026-04-01');
		expect(
			q2.staff.map((row) => [row.name, row.workload_score, row.total, row.rank, row.last, row.again])
		).toEqual([
			['X 王芳', 100, 40, 1, false, false],
			['Y 李娜', 100, 40, 1, false, false],
			['Z 赵丽', 25, 10, 3, true, false]
		]);
		expect(q2.staff.every((row) => row.district_rating === null && row.reviewed_months === 0)).toBe(true);
	});
});

describe('the hall’s weights', () => {
	afterAll(async () => {
		await setWeights(40, 20, 20, 20);
	});

	it('change the order: on the district rating alone Y leads; Q2 then ties at 0, so Z is not last twice', async () => {
		expect((await setWeights(0, 100, 0, 0)).status).toBe(200);
		const q3 = await ranking('2026-07-01');
		expect(q3.weights).toMatchObject({ workload: 0, district_rating: 100, is_default: false });
		expect(q3.staff.map((row) => [row.name, row.total, row.rank, row.last, row.again])).toEqual([
			['Y 李娜', 90, 1, false, false],
			['X 王芳', 75, 2, false, false],
			['Z 赵丽', 60, 3, true, false]
		]);
	});
});

describe('edges and refusals', () => {
	it('a quarter with nothing: everyone ties at 0 and nobody is last', async () => {
		const q1 = await ranking('2026-01-01');
		expect(q1.staff.map((row) => [row.name, row.total, row.rank, row.last])).toEqual([
			['X 王芳', 0, 1, false],
			['Y 李娜', 0, 1, false],
			['Z 赵丽', 0, 1, false]
		]);
	});

	it('the center’s manager ranks the station (one colleague: first, never last)', async () => {
		const station = await ranking('2026-07-01', world.station);
		expect(station.staff.map((row) => [row.name, row.rank, row.last])).toEqual([['T 杨帆', 1, false]]);
	});

	it('refuses a colleague, another hall’s manager, a station’s manager for the center, and bad quarters', async () => {
		const args = { hall_id: world.center, quarter_start: '2026-07-01' };
		expect(await gateway.refusal(world.x, 'quarterly_ranking', args)).toEqual(forbidden);
		expect(await gateway.refusal(world.otherManager, 'quarterly_ranking', args)).toEqual(forbidden);
		expect(await gateway.refusal(world.stationManager, 'quarterly_ranking', args)).toEqual(forbidden);
		expect(
			await gateway.refusal(world.x, 'quarterly_ranking', { ...args, quarter_start: '2099-01-01' })
		).toEqual(forbidden);
		for (const quarter_start of ['2099-01-01', null, 'infinity', '-infinity']) {
			expect(await gateway.refusal(world.m, 'quarterly_ranking', { ...args, quarter_start })).toEqual(
				invalidRange
			);
		}
		expect(await gateway.refusal(world.m, 'quarterly_ranking', { ...args, hall_id: null })).toEqual(
			invalidRange
		);
	});
});
