import { hallToday } from '../../supabase/local/demo-history';
import { zhCN as zh } from '../../src/lib/features/ledger/messages/zh-CN';
import { expect, signIn, test } from './fixtures';
import { holdRequests } from './support/held-requests';
import { createHistoryHall, lastMonth, type HistoryHall } from './support/history-station';

// The monthly ledger: the center's manager opens last month's ledger of a street station of their own (a hall
// made for this file, filled with a month of generated history, so no other spec's rows move), reads the score
// against the pass mark, follows an occurrence to the screen that shows it, and prints the ledger; adds a manual
// item, closes the month and reopens it with a reason.

/** The ledger opens last month by default. */
const month = lastMonth();

test.describe('last month of a station with history', () => {
	let hall: HistoryHall;

	test.beforeAll(async () => {
		test.setTimeout(180_000);
		hall = await createHistoryHall('street_station', month);
	});

	test('the manager reads the score against 80, follows an occurrence and prints the ledger', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await signIn(page, 'manager@demo.hall');
		await page.goto('/reports');
		await page.getByTestId('ledger-link').click();
		await expect(page.getByRole('heading', { name: zh['ledger.heading'] })).toBeVisible();
		await expect(page.getByTestId('ledger-month')).toHaveValue(month.slug);
		await page.getByTestId('ledger-hall').selectOption({ label: hall.name });
		await expect(page).toHaveURL(new RegExp(`hall=${hall.id}&month=${month.slug}`));

		const head = page.getByTestId('ledger-head');
		await expect(head).toContainText(hall.name);
		await expect(head).toContainText(`考核月份：${month.from} 至 ${month.to}`);
		await expect(page.getByTestId('ledger-running')).toHaveCount(0);
		const score = Number(await page.getByTestId('ledger-score').innerText());
		expect(score).toBeGreaterThanOrEqual(0);
		expect(score).toBeLessThanOrEqual(100);
		await expect(page.getByTestId('ledger-verdict')).toHaveText(
			score >= 80 ? zh['ledger.passes'] : zh['ledger.fails']
		);
		await expect(page.getByTestId('ledger-deductions').getByTestId('ledger-rule')).toHaveCount(8);
		await expect(page.getByTestId('ledger-bonuses').getByTestId('ledger-rule')).toHaveCount(2);
		await expect(
			page.locator('[data-rule="patrol_window_missed"]').first().getByRole('rowheader')
		).toHaveText(zh['ledger.rule.patrol_window_missed']);

		// A month of generated patrols has late or missed windows: one opens the patrol log of its day.
		const patrolEvidence = page.locator(
			'[data-testid="ledger-evidence"][data-rule^="patrol_"] [data-testid="ledger-evidence-link"]'
		);
		await expect(patrolEvidence.first()).toBeVisible();
		const text = await patrolEvidence.first().innerText();
		const day = text.slice(0, 10);
		expect(day.slice(0, 7)).toBe(month.slug);
		await patrolEvidence.first().click();
		await expect(page).toHaveURL(new RegExp(`/patrols/log\\?day=${day}`));
		await page.goBack();

		// The print button asks the browser to print; paper gets the hall, the month, the score, no controls.
		await expect(page.getByTestId('ledger-print')).toBeVisible();
		await page.evaluate(() => {
			window.print = () => document.body.setAttribute('data-printed', 'yes');
		});
		await page.getByTestId('ledger-print').click();
		await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
		await page.emulateMedia({ media: 'print' });
		await expect(head).toBeVisible();
		await expect(page.getByTestId('ledger-score')).toBeVisible();
		await expect(page.getByTestId('ledger-print')).toBeHidden();
		await expect(page.getByTestId('ledger-hall')).toBeHidden();
		await expect(page.locator('header.header')).toBeHidden();
		const pdf = await page.pdf({ preferCSSPageSize: true });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		await page.emulateMedia({ media: 'screen' });
	});

	test('the manager adds a manual item, closes the month, and reopens it only with a reason, all on record', async ({
		page
	}) => {
		await signIn(page, 'manager@demo.hall');
		await page.goto(`/reports/ledger?hall=${hall.id}&month=${month.slug}`);
		await expect(page.getByTestId('ledger-open')).toBeVisible();

		// A manual deduction: refused as typed first (nothing lost), then counted with its note.
		const form = page.getByTestId('ledger-item-form');
		await page.getByTestId('ledger-item-points').fill('-2.25');
		await form.getByRole('button', { name: zh['ledger.itemSave'] }).click();
		await expect(form.getByText(zh['ledger.itemProblem.note_missing'])).toBeVisible();
		await expect(
			form.getByText(zh['ledger.itemProblem.points_invalid'].replace('{max}', '20'))
		).toBeVisible();
		await expect(page.getByTestId('ledger-item-points')).toHaveValue('-2.25');
		await page.getByTestId('ledger-item-points').fill('-2');
		await page.getByTestId('ledger-item-note').fill('群众电话投诉至采购方');
		await form.getByRole('button', { name: zh['ledger.itemSave'] }).click();
		await expect(page.getByTestId('ledger-item-done')).toHaveText(zh['ledger.itemAdded']);
		const item = page.getByTestId('ledger-item');
		await expect(item).toHaveCount(1);
		await expect(item).toContainText('−2');
		await expect(item).toContainText('群众电话投诉至采购方');
		await expect(page.getByTestId('ledger-item-points')).toHaveValue('');
		const score = await page.getByTestId('ledger-score').innerText();

		await page.getByTestId('ledger-close').click();
		await expect(page.getByText(zh['ledger.closeHint'])).toBeVisible();
		await page.getByTestId('ledger-close-confirm').click();
		await expect(page.getByTestId('ledger-change-done')).toHaveText(zh['ledger.closedDone']);
		await expect(page.getByTestId('ledger-closed')).toContainText('刘洋');
		await expect(page.getByTestId('ledger-score')).toHaveText(score);
		await expect(page.getByTestId('ledger-event')).toHaveCount(1);
		await expect(page.getByTestId('ledger-close')).toHaveCount(0);
		// Locked: the item stays on the ledger, nothing can be added or removed.
		await expect(page.getByTestId('ledger-item')).toHaveCount(1);
		await expect(page.getByTestId('ledger-item-form')).toHaveCount(0);
		await expect(page.getByTestId('ledger-item-remove')).toHaveCount(0);

		// Reopening: refused without a reason, what was typed kept through a refusal.
		await page.getByTestId('ledger-reopen').click();
		await page.getByTestId('ledger-reopen-confirm').click();
		await expect(page.getByTestId('ledger-reopen-problem')).toHaveText(zh['ledger.reasonMissing']);
		await expect(page.getByTestId('ledger-closed')).toBeVisible();
		await page.getByLabel(/重新开账的原因/).fill('补录月末漏报的投诉');
		await page.getByTestId('ledger-reopen-confirm').click();
		await expect(page.getByTestId('ledger-change-done')).toHaveText(zh['ledger.reopenedDone']);
		await expect(page.getByTestId('ledger-open')).toBeVisible();
		await expect(page.getByTestId('ledger-event')).toHaveCount(2);
		await expect(page.getByTestId('ledger-event').nth(1)).toContainText('补录月末漏报的投诉');
		await page.getByTestId('ledger-item-remove').click();
		await expect(page.getByTestId('ledger-item-done')).toHaveText(zh['ledger.itemRemoved']);
		await expect(page.getByTestId('ledger-item')).toHaveCount(0);

		// This month is not over: it cannot be closed yet.
		await page.goto(`/reports/ledger?hall=${hall.id}&month=${hallToday().slice(0, 7)}`);
		await expect(page.getByText(zh['ledger.closeRunning'])).toBeVisible();
		await expect(page.getByTestId('ledger-close')).toHaveCount(0);
	});

	test('the manager sets the hall’s own rules: a rule left out, a bad figure refused, then the defaults', async ({
		page
	}) => {
		await signIn(page, 'manager@demo.hall');
		// This month: never closed by the other test, so it counts the rules as they are set.
		await page.goto(`/reports/ledger?hall=${hall.id}&month=${hallToday().slice(0, 7)}`);
		const deductions = page.getByTestId('ledger-deductions').getByTestId('ledger-rule');
		await expect(deductions).toHaveCount(8);
		await page.getByTestId('ledger-rules').locator('summary').click();
		await expect(page.getByTestId('ledger-rules-source')).toHaveText(zh['ledger.rulesDefault']);

		const missed = page.locator('[data-testid="ledger-rule-setting"][data-rule="patrol_window_missed"]');
		await missed.getByRole('checkbox').uncheck();
		const late = page.locator('[data-testid="ledger-rule-setting"][data-rule="patrol_window_late"]');
		await late.getByTestId('ledger-rule-points').fill('1');
		await page.getByTestId('ledger-rules-save').click();
		await expect(page.getByTestId('ledger-rules-problem')).toBeVisible();
		await expect(late.getByTestId('ledger-rule-points')).toHaveValue('1');
		await late.getByTestId('ledger-rule-points').fill('-1');
		// The save is slow to answer: meanwhile nothing can be typed that its answer would replace.
		const release = await holdRequests(page, '**/rest/v1/rpc/set_ledger_rules');
		await page.getByTestId('ledger-rules-save').click();
		await expect(late.getByTestId('ledger-rule-points')).not.toBeEditable();
		await expect(missed.getByRole('checkbox')).toBeDisabled();
		release();
		await page.unrouteAll({ behavior: 'wait' });
		await expect(page.getByTestId('ledger-rules-saved')).toBeVisible();
		await expect(late.getByTestId('ledger-rule-points')).toBeEditable();
		await expect(page.getByTestId('ledger-rules-source')).toContainText('刘洋');
		await expect(deductions).toHaveCount(7);
		await expect(
			page.locator('[data-testid="ledger-rule"][data-rule="patrol_window_late"] td').first()
		).toHaveText('−1');

		await page.getByTestId('ledger-rules-reset').click();
		await expect(page.getByTestId('ledger-rules-source')).toHaveText(zh['ledger.rulesDefault']);
		await expect(deductions).toHaveCount(8);
	});
});

test('offline, the ledger says so in Chinese', async ({ page, context }) => {
	await signIn(page, 'manager@demo.hall');
	await page.goto('/reports/ledger');
	await expect(page.getByTestId('ledger-score')).toBeVisible();
	await context.setOffline(true);
	await page.getByTestId('ledger-previous').click();
	await expect(page.getByTestId('ledger-failure')).toHaveText(zh['ledger.failure.network']);
	await context.setOffline(false);
	await page.getByTestId('ledger-retry').click();
	await expect(page.getByTestId('ledger-score')).toBeVisible();
});

test('a colleague who is not a manager is told the ledger is for managers', async ({ page }) => {
	await signIn(page, 'intake@demo.hall');
	await page.goto('/reports/ledger');
	await expect(page.getByTestId('ledger-managers-only')).toHaveText(zh['ledger.managersOnly']);
	await expect(page.getByTestId('ledger-score')).toHaveCount(0);
});
