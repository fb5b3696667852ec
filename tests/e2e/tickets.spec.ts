import { hallDate } from '../../src/lib/domain/hall-time';
import { expect, phoneContext, signIn, test, waitForServiceWorkerControl, zh, type Page } from './fixtures';
import { writeQrVideo } from './support/fake-camera';
import { serverRecord } from './support/server-view';

/** A ticket as the district center's queue machine prints it (supabase/seed.sql: url, ticket, date). */
const centerTicketUrl = (ticketNo: string): string =>
	`https://queue.hebei.tj.gov.cn/t?ticket=${ticketNo}&date=${hallDate()}`;

const timeline = (page: Page) => page.getByTestId('timeline-event');

test('offline: scan a ticket, record events, reload, then sync; a colleague sees the record', async ({
	baseURL,
	launchCamera
}) => {
	// Two devices, offline and back, a sync and a pull: longer than the suite's default.
	test.setTimeout(120_000);
	const video = await writeQrVideo(centerTicketUrl('A023'));
	const camera = await launchCamera({ video, grantPermission: true });
	const context = await phoneContext(camera, baseURL);
	const page = await context.newPage();
	const workerErrors: string[] = [];
	page.on('console', (message) => {
		if (message.text().includes('Service worker registration failed')) workerErrors.push(message.text());
	});
	await signIn(page, 'assist@demo.hall');
	await waitForServiceWorkerControl(page);

	// From here on the hall's Wi-Fi is gone; the scan screen has never been opened online.
	await context.setOffline(true);
	await page.getByTestId('tickets-entry').click();
	await page.getByTestId('scan-button').click();
	await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
	await expect(page.getByTestId('record-ticket')).toHaveText('A023');
	await expect(page.getByTestId('record-date')).toHaveText(hallDate());
	await expect(page.getByTestId('record-first-responder')).toHaveText('张敏');

	await page.getByTestId('add-event-consult').click();
	await page.getByTestId('add-event-guide_to_window').click();
	await page.getByLabel(zh['record.windowLabel']).fill('7');
	await page.getByTestId('window-form').getByRole('button', { name: zh['record.save'] }).click();
	await expect(timeline(page)).toHaveText([/咨询.*张敏/, /引导至 7 号窗口.*张敏/]);
	await expect(timeline(page).first()).toHaveAttribute('data-pending', 'true');

	await page.reload();
	await expect(page.getByTestId('record-ticket')).toHaveText('A023');
	await expect(timeline(page)).toHaveCount(2);
	// Reloaded on a deep link, the page still registers the one worker at the root (not /tickets/sw.js).
	expect(workerErrors).toEqual([]);

	// Today's list, reloaded offline too, has the record, marked as not yet synced.
	await page.getByRole('link', { name: zh['record.back'] }).click();
	// The router changes the address only once the list's code is loaded: reloading before that reloads the record.
	await expect(page).toHaveURL(/\/tickets$/);
	await page.reload();
	const mine = page.locator('[data-testid="record-item"][data-ticket="A023"]');
	await expect(mine).toContainText(zh['tickets.pending']);
	await expect(mine).toContainText(zh['event.guide_to_window']);
	await mine.click();

	await context.setOffline(false);
	await expect(timeline(page).last()).toHaveAttribute('data-pending', 'false', { timeout: 20_000 });
	const synced = await serverRecord('manager@demo.hall', 'A023', hallDate());
	expect(synced).toMatchObject({
		first_responder_name: '张敏',
		events: [
			{ kind: 'consult', staff_name: '张敏' },
			{ kind: 'guide_to_window', window_no: 7, staff_name: '张敏' }
		]
	});

	// Another staff member of the center, on their own device, after its pull.
	const colleague = await (await phoneContext(camera, baseURL)).newPage();
	await signIn(colleague, 'intake@demo.hall');
	await colleague.getByTestId('tickets-entry').click();
	const item = colleague.locator('[data-testid="record-item"][data-ticket="A023"]');
	await expect(item).toContainText('张敏', { timeout: 20_000 });
	await item.click();
	await expect(timeline(colleague)).toHaveText([/咨询/, /引导至 7 号窗口/]);
});

test('opened directly, the scan screen reads a ticket in the hall format of the profile', async ({
	baseURL,
	launchCamera
}) => {
	const video = await writeQrVideo(centerTicketUrl('B777'));
	const camera = await launchCamera({ video, grantPermission: true });
	const page = await (await phoneContext(camera, baseURL)).newPage();
	await signIn(page, 'assist@demo.hall');
	// A full page load: the profile (and with it the URL format) is read again before the camera starts.
	await page.goto('/tickets/scan');
	await expect(page.getByTestId('record-ticket')).toHaveText('B777');
});

test('a QR code that is not a ticket is shown as such, with its text, and scanning goes on', async ({
	baseURL,
	launchCamera
}) => {
	const garbage = 'https://weixin.qq.com/r/<b>not-a-ticket</b>';
	const video = await writeQrVideo(garbage);
	const camera = await launchCamera({ video, grantPermission: true });
	const page = await (await phoneContext(camera, baseURL)).newPage();
	await signIn(page, 'assist@demo.hall');
	await page.goto('/tickets/scan');
	await expect(page.getByTestId('not-a-ticket')).toContainText(zh['tickets.rejected.notATicket']);
	await expect(page.getByTestId('scanned-text')).toHaveText(garbage);
	await page.getByTestId('scan-again').click();
	// The same code is still in front of the camera: refused again, and the page is still the scan page.
	await expect(page.getByTestId('scanned-text')).toHaveText(garbage);
	await expect(page).toHaveURL(/\/tickets\/scan$/);
	// The visitor's number can still be typed.
	await page.getByLabel(zh['scan.manualLabel']).fill('A024');
	await page.getByTestId('manual-submit').click();
	await expect(page.getByTestId('record-ticket')).toHaveText('A024');
});

test('camera denied: a Chinese message, and a typed number still opens the record', async ({
	baseURL,
	launchCamera
}) => {
	const browser = await launchCamera({ grantPermission: false });
	const page = await (await phoneContext(browser, baseURL)).newPage();
	await signIn(page, 'assist@demo.hall');
	await page.goto('/tickets/scan');
	await expect(page.getByTestId('camera-problem')).toHaveText(zh['scan.cameraDenied']);
	// Full-width and lower case, as a Chinese IME types it.
	await page.getByLabel(zh['scan.manualLabel']).fill('ｂ１０５');
	await page.getByTestId('manual-submit').click();
	await expect(page.getByTestId('record-ticket')).toHaveText('B105');
});

test('no camera at all: a Chinese message, and manual entry is right there', async ({ page }) => {
	await signIn(page, 'assist@demo.hall');
	await page.goto('/tickets/scan');
	await expect(page.getByTestId('camera-problem')).toHaveText(zh['scan.cameraNotFound']);
	await expect(page.getByLabel(zh['scan.manualLabel'])).toBeVisible();
});

test('a typed number that is not a ticket gets a Chinese message and stays in the field', async ({
	page
}) => {
	await signIn(page, 'assist@demo.hall');
	await page.goto('/tickets/scan');
	const field = page.getByLabel(zh['scan.manualLabel']);
	await field.fill('请到3号窗口');
	await page.getByTestId('manual-submit').click();
	await expect(page.locator('#manual-ticket-error')).toHaveText(zh['tickets.rejected.badNumber']);
	await expect(field).toHaveValue('请到3号窗口');
	await expect(field).toBeFocused();
});

test('the camera library loads only on the scan screen', async ({ page }) => {
	// A string html5-qrcode carries in its own code; no file of ours says it.
	const marker = 'QR code parse error';
	const scripts: string[] = [];
	page.on('response', (response) => {
		if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response.url());
	});
	const loadedLibrary = async (): Promise<boolean> => {
		const bodies = await Promise.all(scripts.splice(0).map((url) => page.request.get(url)));
		const texts = await Promise.all(bodies.map((body) => body.text()));
		return texts.some((text) => text.includes(marker));
	};
	await signIn(page, 'assist@demo.hall');
	await page.getByTestId('tickets-entry').click();
	await expect(page.getByRole('heading', { name: zh['tickets.heading'] })).toBeVisible();
	expect(await loadedLibrary()).toBe(false);
	await page.getByTestId('scan-button').click();
	await expect(page.getByTestId('camera-problem')).toBeVisible();
	expect(await loadedLibrary()).toBe(true);
});

test('a record: category, groups, green channel, window and note with their checks; the list filters it', async ({
	page
}) => {
	await signIn(page, 'assist@demo.hall');
	await page.goto('/tickets/scan');
	await page.getByLabel(zh['scan.manualLabel']).fill('C301');
	await page.getByTestId('manual-submit').click();
	await expect(page.getByTestId('record-ticket')).toHaveText('C301');

	await page.getByLabel(zh['record.category']).selectOption({ label: zh['category.enterprise_setup'] });
	const elderly = page.getByRole('button', { name: zh['group.elderly'] });
	await elderly.click();
	await expect(elderly).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: zh['record.greenChannel'] }).click();

	await page.getByTestId('add-event-guide_to_window').click();
	const windowField = page.getByLabel(zh['record.windowLabel']);
	await windowField.fill('120');
	await page.getByTestId('window-form').getByRole('button', { name: zh['record.save'] }).click();
	await expect(page.locator('#window-no-error')).toHaveText(zh['record.windowInvalid']);
	await expect(windowField).toHaveValue('120');
	await windowField.fill('12');
	await page.getByTestId('window-form').getByRole('button', { name: zh['record.save'] }).click();
	await expect(page.getByTestId('window-form')).toBeHidden();

	await page.getByTestId('add-event-note').click();
	const note = page.getByLabel(zh['record.noteLabel']);
	await note.fill('材料齐全，已告知领取时间');
	await expect(page.locator('#event-note-count')).toHaveText('12/500 字');
	await note.fill('长'.repeat(501));
	await page.getByTestId('note-form').getByRole('button', { name: zh['record.save'] }).click();
	await expect(page.locator('#event-note-error')).toHaveText('备注不能超过 500 字');
	await note.fill('材料齐全，已告知领取时间');
	await page.getByTestId('note-form').getByRole('button', { name: zh['record.save'] }).click();
	await expect(timeline(page)).toHaveText([/引导至 12 号窗口/, /备注.*材料齐全，已告知领取时间/]);

	await page.getByRole('link', { name: zh['record.back'] }).click();
	const item = page.locator('[data-testid="record-item"][data-ticket="C301"]');
	await expect(item).toContainText(zh['category.enterprise_setup']);
	await expect(item).toContainText(zh['group.elderly']);
	await expect(item).toContainText(zh['record.greenChannel']);
	await expect(item).toContainText(zh['event.note']);
	await page.getByTestId('filter-group-elderly').click();
	await expect(item).toBeVisible();
	await page.getByTestId('filter-category-credit_repair').click();
	await expect(page.getByText(zh['tickets.noMatch'])).toBeVisible();
	await page.getByTestId('filter-category-credit_repair').click();
	await page.getByLabel(zh['tickets.search']).fill('c3');
	await expect(item).toBeVisible();
	await page.getByLabel(zh['tickets.search']).fill('Z9');
	await expect(page.getByText(zh['tickets.noMatch'])).toBeVisible();
});
