import { expect, phoneContext, signIn, test, zh } from './fixtures';
import { waitUntilSynced } from './support/prechecks';

// The manager's day at a glance: a colleague's green-channel visitor shows in today's figures on the manager's
// phone once synced, and each figure opens the list behind it, already filtered.

test('the manager’s today counts a colleague’s elderly green-channel visitor, and its figures open the lists', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(150_000);
	const ticket = `G${100 + Math.floor(Math.random() * 900)}`;
	await signIn(page, 'intake@demo.hall');
	await page.goto('/tickets/scan');
	await page.getByLabel(zh['scan.manualLabel']).fill(ticket);
	await page.getByTestId('manual-submit').click();
	await expect(page.getByTestId('record-ticket')).toHaveText(ticket);
	await page.getByRole('button', { name: zh['group.elderly'] }).click();
	await page.getByRole('button', { name: zh['record.greenChannel'] }).click();
	await expect(page.getByRole('button', { name: zh['record.greenChannel'] })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await waitUntilSynced(page);

	const context = await phoneContext(browser, baseURL);
	const manager = await context.newPage();
	await signIn(manager, 'manager@demo.hall');
	await waitUntilSynced(manager);
	const glance = manager.getByTestId('today-glance');
	await expect(glance.getByRole('heading', { name: '今日概览' })).toBeVisible();
	// The manager's home starts with the day, before the open incidents.
	const glanceFirst = await manager.evaluate(() => {
		const today = document.querySelector('[data-testid="today-glance"]');
		const incidents = document.querySelector('[data-testid="home-incidents"]');
		return (
			!!today &&
			!!incidents &&
			(today.compareDocumentPosition(incidents) & Node.DOCUMENT_POSITION_FOLLOWING) > 0
		);
	});
	expect(glanceFirst).toBe(true);
	const count = async (testId: string) =>
		Number((await glance.getByTestId(testId).innerText()).replace(/[^0-9]/g, ''));
	await expect.poll(() => count('today-visitors')).toBeGreaterThan(0);
	await expect.poll(() => count('today-group-elderly')).toBeGreaterThan(0);
	await expect.poll(() => count('today-green')).toBeGreaterThan(0);

	await glance.getByTestId('today-group-elderly').click();
	await expect(manager).toHaveURL(/\/tickets\?group=elderly$/);
	await expect(manager.getByTestId('filter-group-elderly')).toHaveAttribute('aria-pressed', 'true');
	const item = manager.locator(`[data-testid="record-item"][data-ticket="${ticket}"]`);
	await expect(item).toBeVisible();
	await expect(
		manager.locator('[data-testid="record-item"]').filter({ hasNotText: zh['group.elderly'] })
	).toHaveCount(0);

	await manager.goBack();
	await glance.getByTestId('today-green').click();
	await expect(manager).toHaveURL(/\/tickets\?green=1$/);
	await expect(manager.getByTestId('filter-green')).toHaveAttribute('aria-pressed', 'true');
	await expect(item).toBeVisible();
	await expect(
		manager.locator('[data-testid="record-item"]').filter({ hasNotText: zh['record.greenChannel'] })
	).toHaveCount(0);
	// Clearing the chip shows the whole day again.
	await manager.getByTestId('filter-green').click();
	await expect(manager.getByTestId('filter-green')).toHaveAttribute('aria-pressed', 'false');

	await manager.goBack();
	await glance.getByTestId('today-patrols').click();
	await expect(manager).toHaveURL(/\/patrols\/log\?day=\d{4}-\d{2}-\d{2}$/);
	await context.close();
});
