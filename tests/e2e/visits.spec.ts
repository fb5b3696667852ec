import { expect, phoneContext, signIn, test, waitForServiceWorkerControl } from './fixtures';
import { waitUntilSynced } from './support/prechecks';
import { JINSHI, openEnterprise, standNear, uniqueText, vzh } from './support/visits';

// Enterprise visits end to end (docs/VISITS.md): a visit made offline inside a building, with the phone's position
// 1.2 km from the enterprise's; its demand becomes a follow-up owned by a colleague once synced; the colleague
// closes it from their home on their phone; the manager sees it closed on the enterprise's page.

/** The hall date `days` from now (Asia/Shanghai, UTC+8 all year). */
const hallDay = (days: number): string =>
	new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

test('an offline visit’s demand is followed by a colleague until closed, and the manager sees it closed', async ({
	page,
	context,
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const demand = uniqueText('希望协助办理食品经营许可证变更');
	await standNear(context, 1200);
	await signIn(page, 'assist@demo.hall');
	await waitForServiceWorkerControl(page);
	await waitUntilSynced(page);
	await openEnterprise(page);

	// Inside the building, no signal: the visit starts and is saved on the phone all the same.
	await context.setOffline(true);
	await page.getByTestId('enterprise-start-visit').click();
	await expect(page.getByTestId('visit-enterprise-name')).toHaveText(JINSHI.name);
	await page.getByTestId('visit-met').fill('吕方（创始人）');
	await page.getByTestId('visit-check-in').click();
	await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
	await expect(page.getByTestId('visit-state')).toHaveAttribute('data-running', 'true');
	await expect(page.getByTestId('visit-check-in-text')).toContainText('已定位');
	// 1.2 km from where the enterprise is saved: flagged with the distance, never refused.
	await expect(page.getByTestId('visit-flag').filter({ hasText: '1.2 公里' })).toHaveAttribute(
		'data-kind',
		'far'
	);

	await page.getByTestId('visit-summary').fill('了解企业经营情况，企业计划扩大线上销售。');
	await page.getByTestId('visit-demand-add').click();
	// A demand without its text is refused next to the field; what was typed elsewhere stays.
	await page.getByTestId('visit-check-out').click();
	await expect(page.getByTestId('visit-demand').getByText(vzh['visit.demand.textRequired'])).toBeVisible();
	await expect(page.getByTestId('visit-summary')).toHaveValue('了解企业经营情况，企业计划扩大线上销售。');
	await page.getByTestId('demand-text').fill(demand);
	await page.getByTestId('demand-owner').selectOption({ label: '李娜' });
	await page.getByTestId('demand-due').fill(hallDay(3));
	await page.getByTestId('visit-check-out').click();
	await expect(page.getByTestId('visit-notice')).toHaveText(vzh['visit.detail.checkedOut']);
	await expect(page.getByTestId('visit-state')).toHaveAttribute('data-running', 'false');
	const card = page.getByTestId('follow-up-card').filter({ hasText: demand });
	await expect(card).toHaveAttribute('data-status', 'open');
	await expect(card).toContainText(vzh['visit.pending']);

	// Back in signal: the visit and its follow-up reach the server.
	await context.setOffline(false);
	await waitUntilSynced(page);
	await expect(card).not.toContainText(vzh['visit.pending']);

	// The colleague finds it on their phone's home, and closes it with what was done.
	const colleague = await (await phoneContext(browser, baseURL)).newPage();
	await signIn(colleague, 'intake@demo.hall');
	await waitUntilSynced(colleague);
	await colleague.getByTestId('my-follow-up').filter({ hasText: demand }).click();
	await expect(colleague.getByTestId('follow-up-demand')).toHaveText(demand);
	await expect(colleague.getByTestId('follow-up-status')).toHaveAttribute('data-status', 'open');
	await colleague.getByTestId('follow-up-action-done').click();
	await colleague.getByTestId('follow-up-step-confirm').click();
	await expect(
		colleague.getByText(
			vzh['followUp.action.noteRequired'].replace('{what}', vzh['followUp.action.note.done'])
		)
	).toBeVisible();
	await colleague.getByTestId('follow-up-step-note').fill('已指导企业线上提交变更申请，当日办结。');
	await colleague.getByTestId('follow-up-step-confirm').click();
	await expect(colleague.getByTestId('follow-up-status')).toHaveAttribute('data-status', 'done');
	await waitUntilSynced(colleague);

	// The manager sees it closed, with what was done, on the enterprise's page.
	const manager = await (await phoneContext(browser, baseURL)).newPage();
	await signIn(manager, 'manager@demo.hall');
	await waitUntilSynced(manager);
	await openEnterprise(manager);
	await manager
		.getByTestId('enterprise-follow-ups')
		.getByTestId('follow-up-card')
		.filter({ hasText: demand })
		.click();
	await expect(manager.getByTestId('follow-up-status')).toHaveAttribute('data-status', 'done');
	await expect(
		manager.getByTestId('follow-up-event').filter({ hasText: '已指导企业线上提交变更申请' })
	).toHaveAttribute('data-kind', 'done');
	// A manager may reopen a closed one; nothing else is offered.
	await expect(manager.getByTestId('follow-up-actions').getByRole('button')).toHaveText([
		vzh['followUp.action.reopen']
	]);
});
