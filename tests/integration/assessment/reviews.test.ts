import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ASSESSMENT_RULES,
	assessmentWeights,
	monthlyReviews,
	savedReview
} from '../../../src/lib/domain/assessment-review';
import { useAdminDb } from '../support/clients';
import { forbidden, Gateway, invalidRange } from './gateway';
import { createReviewWorld, retireReviewWorld, type ReviewWorld } from './review-fixture';

// Monthly reviews (月评) and the ranking weights (docs/REPORTS.md, "Staff assessment") through the gateway: a
// manager scores a colleague of their hall and reads the month back; who may write and read; every bad input.

const db = useAdminDb();
const gateway = new Gateway();
let world: ReviewWorld;

beforeAll(async () => {
	world = await createReviewWorld(db());
	await gateway.signIn([world.m, world.x, world.stationManager, world.otherManager]);
});
afterAll(() => retireReviewWorld(db(), world));

const review = (overrides: object = {}) => ({
	staff_id: world.x.staffId,
	month: '2026-07-15',
	district_rating: 80,
	skill: 90.5,
	attendance: 100,
	comment: '  窗口服务规范，群众满意  ',
	...overrides
});

it('has the client’s limits', async () => {
	const { rows } = await db().query<{ rules: unknown }>('select app.assessment_rules() as rules');
	expect(rows[0]?.rules).toEqual(ASSESSMENT_RULES);
});

describe('a manager reviews a colleague of their hall', () => {
	it('saves the month’s scores (any day names the month) and reads them back with the hall’s staff', async () => {
		const saved = await gateway.call(world.m, 'save_monthly_review', review());
		expect(saved.status).toBe(200);
		expect(savedReview.parse(saved.body)).toMatchObject({
			staff_id: world.x.staffId,
			month: '2026-07-01',
			district_rating: 80,
			skill: 90.5,
			attendance: 100,
			comment: '窗口服务规范，群众满意',
			reviewed_by_name: 'M 刘洋'
		});

		const read = await gateway.call(world.m, 'monthly_reviews', {
			hall_id: world.center,
			month: '2026-07-01'
		});
		expect(read.status).toBe(200);
		const month = monthlyReviews.parse(read.body);
		expect(month.month).toBe('2026-07-01');
		// The colleagues, by name; not the managers (the district assesses them).
		expect(month.staff.map((row) => [row.name, row.review?.skill ?? null])).toEqual([
			['X 王芳', 90.5],
			['Y 李娜', null],
			['Z 赵丽', null]
		]);
		expect(month.weights).toEqual({
			...ASSESSMENT_RULES.defaultWeights,
			is_default: true,
			updated_by_name: null
		});
	});

	it('replaces the month’s review on a second save, and an empty comment is none', async () => {
		await gateway.call(world.m, 'save_monthly_review', review({ month: '2026-08-01', skill: 70 }));
		const again = await gateway.call(
			world.m,
			'save_monthly_review',
			review({ month: '2026-08-31', skill: 75.5, comment: '   ' })
		);
		expect(savedReview.parse(again.body)).toMatchObject({ month: '2026-08-01', skill: 75.5, comment: null });
		const { rows } = await db().query(
			'select skill from app.monthly_reviews where staff_id = $1 and month = $2',
			[world.x.staffId, '2026-08-01']
		);
		expect(rows).toEqual([{ skill: '75.5' }]);
	});

	it('refuses a month not begun, scores outside 0–100 or with two decimals, and a comment too long', async () => {
		const next = new Date(Date.now() + 8 * 3_600_000);
		next.setUTCMonth(next.getUTCMonth() + 1, 1);
		const cases = [
			{ month: next.toISOString().slice(0, 10) },
			{ month: null },
			{ month: 'infinity' },
			{ district_rating: 100.1 },
			{ skill: -1 },
			{ attendance: 85.25 },
			{ attendance: null },
			{ skill: 'NaN' },
			{ comment: '好'.repeat(ASSESSMENT_RULES.commentMax + 1) }
		];
		for (const overrides of cases) {
			expect(
				await gateway.refusal(world.m, 'save_monthly_review', review(overrides)),
				JSON.stringify(overrides).slice(0, 80)
			).toEqual(invalidRange);
		}
		const longest = await gateway.call(
			world.m,
			'save_monthly_review',
			review({ month: '2026-09-01', comment: '好'.repeat(ASSESSMENT_RULES.commentMax) })
		);
		expect(longest.status).toBe(200);
	});

	it('refuses a colleague, another hall’s manager, the center’s manager for a station’s staff, and a manager reviewed', async () => {
		expect(
			await gateway.refusal(world.x, 'save_monthly_review', review({ staff_id: world.y.staffId }))
		).toEqual(forbidden);
		expect(await gateway.refusal(world.otherManager, 'save_monthly_review', review())).toEqual(forbidden);
		expect(await gateway.refusal(world.stationManager, 'save_monthly_review', review())).toEqual(forbidden);
		expect(
			await gateway.refusal(world.m, 'save_monthly_review', review({ staff_id: world.t.staffId }))
		).toEqual(forbidden);
		expect(
			await gateway.refusal(world.m, 'save_monthly_review', review({ staff_id: world.n.staffId }))
		).toEqual(forbidden);
		expect(
			await gateway.refusal(
				world.m,
				'save_monthly_review',
				review({ staff_id: '00000000-0000-4000-8000-000000000000' })
			)
		).toEqual(forbidden);
		// A refused person learns nothing from a bad month either.
		expect(await gateway.refusal(world.x, 'save_monthly_review', review({ month: '2099-01-01' }))).toEqual(
			forbidden
		);
	});
});

describe('reading a month', () => {
	it('the center’s manager reads the station’s; the station’s manager not the center’s; colleagues never', async () => {
		const station = await gateway.call(world.m, 'monthly_reviews', {
			hall_id: world.station,
			month: '2026-07-01'
		});
		expect(monthlyReviews.parse(station.body).staff.map((row) => row.name)).toEqual(['T 杨帆']);
		const args = { hall_id: world.center, month: '2026-07-01' };
		expect(await gateway.refusal(world.stationManager, 'monthly_reviews', args)).toEqual(forbidden);
		expect(await gateway.refusal(world.otherManager, 'monthly_reviews', args)).toEqual(forbidden);
		expect(await gateway.refusal(world.x, 'monthly_reviews', args)).toEqual(forbidden);
		expect(await gateway.refusal(world.x, 'monthly_reviews', { ...args, month: '2099-01-01' })).toEqual(
			forbidden
		);
		expect(await gateway.refusal(world.m, 'monthly_reviews', { ...args, month: '2099-01-01' })).toEqual(
			invalidRange
		);
	});
});

describe('the ranking weights', () => {
	it('the hall’s manager sets whole numbers summing to 100; the month then shows them', async () => {
		const set = await gateway.call(world.m, 'set_assessment_weights', {
			hall_id: world.center,
			workload: 10,
			district_rating: 30,
			skill: 30,
			attendance: 30
		});
		expect(set.status).toBe(200);
		const weights = { workload: 10, district_rating: 30, skill: 30, attendance: 30 };
		expect(assessmentWeights.parse(set.body)).toEqual({
			...weights,
			is_default: false,
			updated_by_name: 'M 刘洋'
		});
		const read = await gateway.call(world.m, 'monthly_reviews', {
			hall_id: world.center,
			month: '2026-07-01'
		});
		expect(monthlyReviews.parse(read.body).weights).toMatchObject(weights);
	});

	it('refuses weights that are not whole numbers 0–100 summing to 100, and anyone but the hall’s manager', async () => {
		const weights = { hall_id: world.center, workload: 40, district_rating: 20, skill: 20, attendance: 20 };
		for (const overrides of [
			{ workload: 41 },
			{ workload: 110, district_rating: -10 },
			{ attendance: null },
			{ workload: 2147483647, district_rating: 2147483647 }
		]) {
			expect(await gateway.refusal(world.m, 'set_assessment_weights', { ...weights, ...overrides })).toEqual(
				invalidRange
			);
		}
		expect(
			(await gateway.refusal(world.m, 'set_assessment_weights', { ...weights, skill: 20.5 })).status
		).toBe(400);
		expect(await gateway.refusal(world.x, 'set_assessment_weights', weights)).toEqual(forbidden);
		expect(await gateway.refusal(world.otherManager, 'set_assessment_weights', weights)).toEqual(forbidden);
		expect(
			await gateway.refusal(world.m, 'set_assessment_weights', { ...weights, hall_id: world.station })
		).toEqual(forbidden);
	});
});
