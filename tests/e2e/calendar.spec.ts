import { zhCN as zh } from '../../src/lib/features/reports/messages/zh-CN';
import { expect, signIn, test } from './fixtures';

// The district calendar: the center's manager opens it from the reports, finds this year's holidays, records a
// day (refused first without its reason, nothing typed lost) and undoes it. The day is one of the 2090s, which
// no figure of any other spec counts.

const day = '2090-01-04'; // a Wednesday

test('a district manager records a holiday on the calendar and undoes it', async ({ page }) => {
	await signIn(page, 'manager@demo.hall');
	await page.goto('/reports');
	await page.getByTestId('calendar-link').click();
	await expect(page.getByRole('heading', { name: zh['calendar.heading'] })).toBeVisible();
	await expect(page.getByTestId('calendar-year')).toHaveText('2026');
	await expect(page.getByTestId('calendar-day').filter({ hasText: '2026-10-10' })).toContainText(
		zh['calendar.kind.open']
	);

	const form = page.getByTestId('calendar-form');
	await form.getByLabel(zh['calendar.form.day']).fill(day);
	// A Wednesday: "closed" is what makes it an exception, chosen for the manager.
	await expect(form.getByLabel(zh['calendar.form.closed'])).toBeChecked();
	await form.getByRole('button', { name: zh['calendar.form.save'] }).click();
	await expect(form.getByText(zh['calendar.problem.note_missing'])).toBeVisible();
	await expect(form.getByLabel(zh['calendar.form.day'])).toHaveValue(day);

	await form.getByLabel(zh['calendar.form.note']).fill('临时闭厅');
	await form.getByRole('button', { name: zh['calendar.form.save'] }).click();
	await expect(page.getByTestId('calendar-year')).toHaveText('2090');
	const row = page.getByTestId('calendar-day').filter({ hasText: day });
	await expect(row).toContainText(zh['calendar.kind.closed']);
	await expect(row).toContainText('临时闭厅');
	await expect(row).toContainText('刘洋');

	await row.getByRole('button').click();
	await expect(page.getByTestId('calendar-message')).toContainText(day);
	await expect(page.getByTestId('calendar-empty')).toBeVisible();
});

test('a station’s manager reads the calendar but may not change it', async ({ page }) => {
	await signIn(page, 'manager@station.demo.hall');
	await page.goto('/reports/calendar');
	await expect(page.getByTestId('calendar-day').first()).toBeVisible();
	await expect(page.getByTestId('calendar-read-only')).toHaveText(zh['calendar.onlyDistrictManagers']);
	await expect(page.getByTestId('calendar-form')).toHaveCount(0);
});
