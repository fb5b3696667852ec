import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	hallWeeklySummaries,
	WEEKLY_SUMMARY_RULES,
	weeklySummary
} from '../../../src/lib/domain/weekly-summary';
import { useAdminDb } from '../support/clients';
import { forbidden, Gateway, invalidRange } from './gateway';
import { createReviewWorld, retireReviewWorld, type ReviewWorld } from './review-fixture';

// Weekly summaries (周结, docs/REPORTS.md "Staff assessment") through the gateway: a colleague writes their week,
// the hall's manager reads the week and comments; who may do what; every bad input.

const db = useAdminDb();
const gateway = new Gateway();
let world: ReviewWorld;

beforeAll(async () => {
	world = await createReviewWorld(db());
	await gateway.signIn([world.m, world.x, world.y, world.stationManager, world.otherManager]);
});
afterAll(() => retireReviewWorld(db(), world));

const texts = { done: '  受理企业开办 32 件  ', problems: '自助机打印故障两次', next_week: '' };

it('has the client’s limits', async () => {
	const { rows } = await db().query<{ rules: unknown }>('select app.weekly_summary_rules() as rules');
	expect(rows[0]?.rules).toEqual(WEEKLY_SUMMARY_RULES);
});

describe('a colleague’s own week', () => {
	it('is written for the week holding the day (its Monday), trimmed, and read back; a rewrite replaces it', async () => {
		const saved = await gateway.call(world.x, 'save_weekly_summary', { week: '2026-11-12', ...texts });
		expect(saved.status).toBe(200);
		expect(weeklySummary.parse(saved.body)).toMatchObject({
			week: '2026-11-09',
			done: '受理企业开办 32 件',
			problems: '自助机打印故障两次',
			next_week: null,
			manager_comment: null
		});
		await gateway.call(world.x, 'save_weekly_summary', {
			week: '2026-11-09',
			...texts,
			next_week: '学习新事项'
		});
		const mine = await gateway.call(world.x, 'my_weekly_summary', { week: '2026-11-15' });
		expect(weeklySummary.parse(mine.body)).toMatchObject({
			done: '受理企业开办 32 件',
			next_week: '学习新事项'
		});
		const other = await gateway.call(world.y, 'my_weekly_summary', { week: '2026-11-09' });
		expect([other.status, other.body]).toEqual([200, null]);
	});

	it('refuses a week not begun, no "done", a text too long; the longest passes', async () => {
		for (const args of [
			{ week: '2099-01-05', ...texts },
			{ week: null, ...texts },
			{ week: '2026-11-09', ...texts, done: '   ' },
			{ week: '2026-11-09', ...texts, problems: '问'.repeat(WEEKLY_SUMMARY_RULES.textMax + 1) }
		]) {
			expect(await gateway.refusal(world.y, 'save_weekly_summary', args)).toEqual(invalidRange);
		}
		const longest = await gateway.call(world.y, 'save_weekly_summary', {
			week: '2026-11-02',
			...texts,
			done: '做'.repeat(WEEKLY_SUMMARY_RULES.textMax)
		});
		expect(longest.status).toBe(200);
	});
});

describe('the manager’s week', () => {
	it('lists the hall’s colleagues with their summaries, and the manager’s comment reaches the author', async () => {
		const week = await gateway.call(world.m, 'weekly_summaries', {
			hall_id: world.center,
			week: '2026-11-10'
		});
		const hall = hallWeeklySummaries.parse(week.body);
		expect(hall.week).toBe('2026-11-09');
		expect(hall.staff.map((row) => [row.name, row.summary?.done ?? null])).toEqual([
			['X 王芳', '受理企业开办 32 件'],
			['Y 李娜', null],
			['Z 赵丽', null]
		]);
		const commented = await gateway.call(world.m, 'comment_weekly_summary', {
			staff_id: world.x.staffId,
			week: '2026-11-09',
			comment: ' 打印故障已报修 '
		});
		expect(weeklySummary.parse(commented.body)).toMatchObject({
			manager_comment: '打印故障已报修',
			commented_by_name: 'M 刘洋'
		});
		const mine = await gateway.call(world.x, 'my_weekly_summary', { week: '2026-11-09' });
		expect(weeklySummary.parse(mine.body).manager_comment).toBe('打印故障已报修');
	});

	it('refuses colleagues, other halls’ managers, a comment too long, and a week nobody wrote', async () => {
		const read = { hall_id: world.center, week: '2026-11-09' };
		expect(await gateway.refusal(world.x, 'weekly_summaries', read)).toEqual(forbidden);
		expect(await gateway.refusal(world.otherManager, 'weekly_summaries', read)).toEqual(forbidden);
		expect(await gateway.refusal(world.stationManager, 'weekly_summaries', read)).toEqual(forbidden);
		expect(await gateway.refusal(world.m, 'weekly_summaries', { ...read, week: '2099-01-05' })).toEqual(
			invalidRange
		);
		const comment = { staff_id: world.x.staffId, week: '2026-11-09', comment: '好' };
		expect(await gateway.refusal(world.y, 'comment_weekly_summary', comment)).toEqual(forbidden);
		expect(await gateway.refusal(world.otherManager, 'comment_weekly_summary', comment)).toEqual(forbidden);
		expect(await gateway.refusal(world.stationManager, 'comment_weekly_summary', comment)).toEqual(forbidden);
		expect(
			await gateway.refusal(world.m, 'comment_weekly_summary', {
				...comment,
				comment: '好'.repeat(WEEKLY_SUMMARY_RULES.commentMax + 1)
			})
		).toEqual(invalidRange);
		expect(
			await gateway.refusal(world.m, 'comment_weekly_summary', { ...comment, staff_id: world.z.staffId })
		).toEqual(invalidRange);
	});
});
