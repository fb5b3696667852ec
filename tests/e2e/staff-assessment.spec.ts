import pg from 'pg';
import { zhCN as zh } from '../../src/lib/features/assessment/messages/zh-CN';
import { hallToday } from '../../supabase/local/demo-history';
import { createTestHall, type TestHall } from '../integration/history/support/test-hall';
import { expect, phoneContext, signIn, test } from './fixtures';
import { holdRequests } from './support/held-requests';
import { readStackInfo } from './stack-info';
import { createHistoryHall, lastMonth, type HistoryHall } from './support/history-station';

// Staff workload and assessment: the manager of a hall made for this file (a district center of its own, filled
// with last month's generated history, so no other spec's rows move and no other spec's manager is involved) opens
// the staff screen from the reports, steps back to last month and reads each colleague's business volume.

/** The screen's default is this month: last month is one "previous" away. */
const month = lastMonth();

test.describe('a hall with last month’s history', () => {
	let hall: HistoryHall;

	// Only the tests that need the history make it: each worker runs its own beforeAll.
	test.beforeAll(async () => {
		test.setTimeout(180_000);
		hall = await createHistoryHall('district_center', month);
	});

	test('the manager reads last month’s business volume of each colleague, sorted by total', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await signIn(page, hall.emails[0] ?? '');
		await page.goto('/reports');
		await page.getByTestId('staff-link').click();
		await expect(page.getByRole('heading', { name: zh['assessment.heading'] })).toBeVisible();
		await page.getByTestId('report-previous').click();
		await expect(page.getByTestId('report-period')).toHaveText(`${month.from} – ${month.to}`);

		const table = page.getByTestId('workload-table');
		await expect(table.locator('caption')).toContainText(`${month.from} 至 ${month.to}`);
		for (const header of [
			'assessment.col.total',
			'assessment.measure.records_first_responder',
			'assessment.measure.prechecks'
		] as const) {
			await expect(table.getByRole('columnheader', { name: zh[header] })).toBeVisible();
		}
		// The hall's five colleagues, by total volume, most first; somebody served applicants last month.
		const rows = table.getByTestId('workload-row');
		await expect(rows).toHaveCount(5);
		await expect(rows.filter({ hasText: '测受理' })).toContainText(zh['assessment.post.intake']);
		const totals = (await table.getByTestId('workload-total').allInnerTexts()).map(Number);
		expect(totals).toEqual([...totals].sort((a, b) => b - a));
		expect(totals[0]).toBeGreaterThan(10);

		// By name, then back to by total.
		await page.getByTestId('workload-sort-name').click();
		await expect(table.getByRole('columnheader', { name: zh['assessment.col.name'] })).toHaveAttribute(
			'aria-sort',
			'ascending'
		);
		await page.getByTestId('workload-sort-total').click();
		expect((await table.getByTestId('workload-total').allInnerTexts()).map(Number)).toEqual(totals);

		// The month's review of a colleague: a score out of range is said next to its field and nothing typed is lost.
		const card = page.getByTestId('review-card').filter({ hasText: '测受理' });
		await expect(card.getByTestId('review-none')).toHaveText(zh['assessment.review.none']);
		await card.getByTestId('review-open').click();
		const form = card.getByTestId('review-form');
		await form.getByTestId('review-district_rating').fill('120');
		await form.getByTestId('review-skill').fill('88.25');
		await form.getByTestId('review-attendance').fill('100');
		await form.getByTestId('review-comment').fill('窗口服务规范');
		await form.getByTestId('review-save').click();
		await expect(form.getByText(zh['assessment.review.problem.range'].replace('{max}', '100'))).toBeVisible();
		await expect(form.getByText(zh['assessment.review.problem.decimals'])).toBeVisible();
		await expect(form.getByTestId('review-attendance')).toHaveValue('100');
		await expect(form.getByTestId('review-comment')).toHaveValue('窗口服务规范');
		await form.getByTestId('review-district_rating').fill('92.5');
		await form.getByTestId('review-skill').fill('88');
		await form.getByTestId('review-save').click();
		await expect(page.getByTestId('review-message')).toContainText('测受理');
		await expect(card.getByTestId('review-shown-district_rating')).toHaveText('92.5');
		await expect(card.getByTestId('review-shown-skill')).toHaveText('88');
		await expect(card).toContainText('窗口服务规范');

		// The ranking weights: a sum other than 100 is refused on the phone, then saved.
		const weights = page.getByTestId('weights-form');
		await weights.getByTestId('weight-workload').fill('50');
		await weights.getByTestId('weights-save').click();
		await expect(weights.getByTestId('weights-sum')).toHaveText(
			zh['assessment.weights.problem.total'].replace('{total}', '100').replace('{sum}', '110')
		);
		await weights.getByTestId('weight-district_rating').fill('10');
		await weights.getByTestId('weight-skill').fill('20');
		await weights.getByTestId('weight-attendance').fill('20');
		await weights.getByTestId('weights-save').click();
		await expect(weights.getByTestId('weights-saved')).toBeVisible();

		// The quarter's ranking with the new weights: the four colleagues (not the manager) by rank, the reviewed
		// one's scores in, the last-ranked marked for a talk.
		const ranking = page.getByTestId('ranking');
		await expect(page.getByTestId('ranking-weights')).toContainText('业务量 50');
		const ranked = ranking.getByTestId('ranking-row');
		await expect(ranked).toHaveCount(4);
		await expect(ranked.filter({ hasText: '测经理' })).toHaveCount(0);
		await expect(ranked.filter({ hasText: '测受理' }).getByTestId('ranking-district_rating')).toHaveText(
			'92.5'
		);
		await expect(ranked.first().getByTestId('ranking-rank')).toHaveText('1');
		const ranks = (await ranking.getByTestId('ranking-rank').allInnerTexts()).map(Number);
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		await expect(ranked.last().getByTestId('ranking-last')).toHaveText(zh['assessment.ranking.last']);
	});
});

test('a colleague writes the week’s summary from the home, the manager comments, the colleague reads it', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const { databaseUrl } = await readStackInfo();
	const db = new pg.Pool({ connectionString: databaseUrl, max: 1 });
	let summaryHall: TestHall;
	try {
		summaryHall = await createTestHall(db, 'district_center');
	} finally {
		await db.end();
	}
	await signIn(page, summaryHall.emails[3] ?? '');
	// The week's stored texts are slow to come: until they do, nothing can be typed that they would replace.
	const release = await holdRequests(page, '**/rest/v1/rpc/my_weekly_summary');
	await page.getByTestId('summaries-entry').click();
	await expect(page.getByRole('heading', { name: zh['assessment.summary.heading'] })).toBeVisible();
	const form = page.getByTestId('summary-form');
	await expect(form.getByTestId('summary-next_week')).not.toBeEditable();
	await expect(form.getByTestId('summary-save')).toBeDisabled();
	release();
	await page.unrouteAll({ behavior: 'wait' });
	// "Done" missing: said next to it, the plan typed stays.
	await form.getByTestId('summary-next_week').fill('学习新上线的事项');
	await form.getByTestId('summary-save').click();
	await expect(form.getByText(zh['assessment.summary.problem.missing'])).toBeVisible();
	await expect(form.getByTestId('summary-next_week')).toHaveValue('学习新上线的事项');
	await form.getByTestId('summary-done').fill('受理企业开办 32 件');
	await form.getByTestId('summary-save').click();
	await expect(page.getByTestId('summary-saved')).toBeVisible();

	const manager = await (await phoneContext(browser, baseURL)).newPage();
	await signIn(manager, summaryHall.emails[0] ?? '');
	await manager.goto('/reports/staff?period=week&from=' + hallToday());
	const card = manager.getByTestId('summary-card').filter({ hasText: '测受理' });
	await expect(card.getByTestId('summary-card-done')).toHaveText('受理企业开办 32 件');
	await card.getByTestId('summary-comment-text').fill('请把新事项整理成清单');
	await card.getByTestId('summary-comment-save').click();
	await expect(manager.getByTestId('summaries-message')).toContainText('测受理');

	await page.reload();
	await expect(page.getByTestId('summary-comment')).toContainText('请把新事项整理成清单');
	await expect(page.getByTestId('summary-done')).toHaveValue('受理企业开办 32 件');
});

test('a colleague who is not a manager is told the staff screen is for managers', async ({ page }) => {
	await signIn(page, 'intake@demo.hall');
	await page.goto('/reports/staff');
	await expect(page.getByTestId('assessment-managers-only')).toHaveText(zh['assessment.managersOnly']);
	await expect(page.getByTestId('workload-table')).toHaveCount(0);
});
