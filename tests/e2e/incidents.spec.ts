import { expect, phoneContext, signIn, test, zh } from './fixtures';
import { cameraJpeg } from './support/photos';
import { CENTER_FIRST_CHECKPOINT, openPatrols } from './support/patrols';
import { waitUntilSynced } from './support/prechecks';
import {
	expectStatus,
	izh,
	openFromBoard,
	reportFromHome,
	stepWithForm,
	uniquePlace
} from './support/incidents';

// Incidents end to end (docs/PATROL.md, "Incidents"): a report taken through its lifecycle by a staff member and a
// manager on two devices; a complaint that closes only after its callback; and a stale transition, two phones acting
// offline on the same incident, refused with its reason while the incident shows the server's state.

test('report → assign → start → resolve → close, by a staff member and a manager on two devices', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const place = uniquePlace('一楼大厅 3 号窗口');
	await signIn(page, 'intake@demo.hall');
	await waitUntilSynced(page);
	await reportFromHome(page, {
		category: izh['incident.category.equipment'],
		severity: izh['incident.severity.3'],
		place,
		description: '叫号屏不亮'
	});
	await page.getByTestId('incident-submit').click();
	await expectStatus(page, 'reported');
	await expect(page.getByTestId('incident-sla-respond')).toContainText('响应时限');
	// A staff member cannot assign: nothing to do yet.
	await expect(page.getByText(izh['incident.detail.noActions'])).toBeVisible();
	await waitUntilSynced(page);

	const manager = await (await phoneContext(browser, baseURL)).newPage();
	await signIn(manager, 'manager@demo.hall');
	await waitUntilSynced(manager);
	await openFromBoard(manager, place);
	await expectStatus(manager, 'reported');
	await stepWithForm(manager, 'assign', { assignee: '李娜' });
	await expectStatus(manager, 'assigned');
	await expect(manager.getByTestId('incident-assignee-name')).toHaveText('李娜');
	await waitUntilSynced(manager);

	// On the staff member's phone, the incident is now theirs, on the home.
	await page.goto('/');
	await waitUntilSynced(page);
	await page.getByTestId('my-open-incident').filter({ hasText: place }).click();
	await expectStatus(page, 'assigned');
	await page.getByTestId('incident-action-start').click();
	await expectStatus(page, 'in_progress');
	// Resolving needs a note saying what was done; what was typed elsewhere stays.
	await page.getByTestId('incident-action-resolve').click();
	await page.getByTestId('incident-step-confirm').click();
	await expect(page.getByText(izh['incident.action.noteRequired'])).toBeVisible();
	await page.getByTestId('incident-step-note').fill('已更换电源适配器');
	await page.getByTestId('incident-step-confirm').click();
	await expectStatus(page, 'resolved');
	await waitUntilSynced(page);

	await manager.reload();
	await waitUntilSynced(manager);
	await expectStatus(manager, 'resolved');
	await manager.getByTestId('incident-action-close').click();
	await expectStatus(manager, 'closed');
	await expect(manager.getByTestId('incident-event')).toHaveText([
		/上报.*李娜/,
		/指派给 李娜.*刘洋/,
		/开始处理.*李娜/,
		/标记已解决.*李娜.*已更换电源适配器/,
		/核实关闭.*刘洋/
	]);
	await waitUntilSynced(manager);
	await manager.context().close();
});

test('a complaint closes only with a recorded callback; its complainant is whole for the manager only', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const place = uniquePlace('综合窗口');
	await signIn(page, 'manager@demo.hall');
	await waitUntilSynced(page);
	await reportFromHome(page, {
		category: izh['incident.category.complaint'],
		severity: izh['incident.severity.4'],
		place,
		description: '群众投诉等候时间过长'
	});
	// A complaint needs someone to call back.
	await page.getByTestId('incident-submit').click();
	await expect(page.getByText(izh['incident.form.complainantRequired'])).toBeVisible();
	await page.getByTestId('incident-complainant-name').fill('张三明');
	await page.getByTestId('incident-complainant-phone').fill('13812345678');
	await page.getByTestId('incident-submit').click();
	await expectStatus(page, 'reported');
	await expect(page.getByTestId('incident-complainant-view')).toContainText('13812345678');
	await stepWithForm(page, 'assign', { assignee: '刘洋' });
	await stepWithForm(page, 'resolve', { note: '已向群众解释并优化叫号' });
	await expectStatus(page, 'resolved');

	// Closing before the callback is refused, with its reason, and changes nothing.
	await page.getByTestId('incident-action-close').click();
	await expect(page.getByTestId('incident-action-message')).toHaveText(
		izh['incident.refusal.callback_needed']
	);
	await expectStatus(page, 'resolved');
	await stepWithForm(page, 'callback', { callback: '电话回访，群众表示满意' });
	await expect(page.getByTestId('incident-callback-result')).toHaveText('电话回访，群众表示满意');
	await page.getByTestId('incident-action-close').click();
	await expectStatus(page, 'closed');
	await waitUntilSynced(page);

	// A colleague sees the complaint, not the complainant.
	const colleague = await (await phoneContext(browser, baseURL)).newPage();
	await signIn(colleague, 'assist@demo.hall');
	await waitUntilSynced(colleague);
	await colleague.goto('/incidents');
	await colleague.getByTestId('incident-filter-closed').check();
	await colleague.getByTestId('incident-card').filter({ hasText: place }).click();
	await expect(colleague.getByTestId('incident-complainant-view')).toContainText(
		izh['incident.detail.complainantHidden']
	);
	await expect(colleague.getByText('13812345678')).toHaveCount(0);
	await colleague.context().close();
});

test('two phones act offline on the same incident: the later one is refused with its reason, the incident shows the server’s state', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const place = uniquePlace('二楼自助区');
	await signIn(page, 'intake@demo.hall');
	await waitUntilSynced(page);
	await reportFromHome(page, {
		category: izh['incident.category.hazard'],
		severity: izh['incident.severity.2'],
		place,
		description: '地面湿滑'
	});
	await page.getByTestId('incident-submit').click();
	await expectStatus(page, 'reported');
	const incidentUrl = page.url();
	await waitUntilSynced(page);

	const manager = await (await phoneContext(browser, baseURL)).newPage();
	await signIn(manager, 'manager@demo.hall');
	await waitUntilSynced(manager);
	await openFromBoard(manager, place);
	await stepWithForm(manager, 'assign', { assignee: '李娜' });
	await expectStatus(manager, 'assigned');
	await waitUntilSynced(manager);
	await page.goto(incidentUrl);
	await waitUntilSynced(page);
	await expectStatus(page, 'assigned');

	// Both offline: the assignee starts, the manager resolves it on the spot; each sees its own step at once.
	await page.context().setOffline(true);
	await manager.context().setOffline(true);
	await page.getByTestId('incident-action-start').click();
	await expectStatus(page, 'in_progress');
	await stepWithForm(manager, 'resolve', { note: '已放置警示牌并清理' });
	await expectStatus(manager, 'resolved');

	// The manager's phone reaches the server first; the assignee's step arrives stale.
	await manager.context().setOffline(false);
	await waitUntilSynced(manager);
	await page.context().setOffline(false);
	await expect(page.getByTestId('incident-refused')).toContainText(
		izh['incident.refusedConflict'].replace('{status}', izh['incident.status.resolved'])
	);
	await expectStatus(page, 'resolved');
	await expect(
		page.getByTestId('incident-event').filter({ hasText: izh['incident.detail.refused'] })
	).toHaveCount(1);
	// The sync panel names the step and the reason, in Chinese.
	await page.getByTestId('sync-status').click();
	await expect(page.getByTestId('sync-rejected')).toContainText(zh['sync.op.incident.start']);
	await expect(page.getByTestId('sync-rejected')).toHaveAttribute('data-code', 'conflict');
	await manager.context().close();
});

test('a patrol problem with a photo instead of a note is reported as an incident, prefilled with its place, category, description and photo', async ({
	page
}) => {
	test.setTimeout(150_000);
	// 孙浩's account walks no other spec's rounds.
	await signIn(page, 'sunhao@demo.hall');
	await waitUntilSynced(page);
	await openPatrols(page);
	await page.getByTestId('patrol-start').click();
	await page.getByTestId('round-pick').click();
	await page.getByTestId('round-pick-select').selectOption({ label: '1. 取号区' });
	await page.getByTestId('round-pick-reason').fill('二维码破损');
	await page.getByTestId('round-pick-open').click();

	// A problem, no note: the photo field appears, and a photo stands in for the note.
	const checklist = page.getByTestId('checklist');
	await checklist.getByTestId('checklist-all-ok').click();
	await checklist
		.locator('[data-testid="checklist-item"][data-key="ticket_machine"]')
		.getByTestId('checklist-problem')
		.click();
	await checklist.getByTestId('photo-gallery-input').setInputFiles({
		name: 'IMG_0002.jpg',
		mimeType: 'image/jpeg',
		buffer: await cameraJpeg(page)
	});
	await expect(checklist.getByRole('img', { name: /第 1 张照片/ })).toBeVisible();
	await checklist.getByTestId('checklist-save').click();
	await expect(page.getByTestId('checklist-saved')).toContainText('取号区');

	// "上报事件" opens the report form with the problem's values and a copy of its photo, each still editable.
	await page.getByTestId('report-incident').click();
	await expect(page.getByTestId('incident-place')).toHaveValue('取号区');
	await expect(page.getByTestId('incident-checkpoint')).toHaveValue(CENTER_FIRST_CHECKPOINT);
	await expect(
		page.getByTestId('incident-category').getByRole('button', { name: izh['incident.category.environment'] })
	).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('incident-description')).toHaveValue('取号机出票正常');
	await expect(page.getByRole('img', { name: /第 1 张照片/ })).toBeVisible();
	await page.getByTestId('incident-submit').click();

	// The incident shows its photo at once, and the photo is uploaded after the incident reaches the server.
	await expectStatus(page, 'reported');
	const photo = page.getByTestId('photo-strip').getByTestId('photo-item');
	await expect(photo).toHaveCount(1);
	await expect(photo).toHaveAttribute('data-upload', 'uploaded', { timeout: 60_000 });
});
