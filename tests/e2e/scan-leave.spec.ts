import { hallDate } from '../../src/lib/domain/hall-time';
import { expect, phoneContext, signIn, test, zh, type Browser, type Page } from './fixtures';
import { cameraRequests, cameraTracks, holdCamera, probeCamera, releaseCamera } from './support/camera-probe';
import { writeQrVideo } from './support/fake-camera';

// Leaving the scan screen at any moment of the camera's life (asked for, starting, running, after a read, after a
// failure) releases the camera and throws nothing: the page-problems fixture fails a test on any uncaught error,
// which is how "removeChild" and "play() request was interrupted" errors showed up.

/** A signed-in phone on today's list, with the camera probed. */
async function onTheList(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await phoneContext(browser, baseURL);
	await probeCamera(context);
	const page = await context.newPage();
	await signIn(page, 'assist@demo.hall');
	await page.getByTestId('tickets-entry').click();
	await expect(page.getByRole('heading', { name: zh['tickets.heading'] })).toBeVisible();
	return page;
}

async function openScanner(page: Page): Promise<void> {
	await page.getByTestId('scan-button').click();
	await expect(page).toHaveURL(/\/tickets\/scan$/);
}

async function backToTheList(page: Page): Promise<void> {
	await page.getByTestId('scan-back').click();
	await expect(page).toHaveURL(/\/tickets$/);
}

/** A camera track was handed out after `before` of them, and none is running any more. */
async function expectCameraReleased(page: Page, before: number): Promise<void> {
	await expect
		.poll(async () => (await cameraTracks(page)).total, 'camera tracks handed out')
		.toBeGreaterThan(before);
	await expect.poll(async () => (await cameraTracks(page)).live, 'camera tracks still running').toBe(0);
}

test('a number typed while the camera is still starting opens the record, and the camera is released', async ({
	baseURL,
	launchCamera
}) => {
	const page = await onTheList(await launchCamera({ grantPermission: true }), baseURL);

	// The camera is slow to answer: the record opens before it does, and it is stopped once it answers.
	await holdCamera(page);
	await openScanner(page);
	await expect.poll(() => cameraRequests(page)).toBe(1);
	await page.getByLabel(zh['scan.manualLabel']).fill('D401');
	await page.getByTestId('manual-submit').click();
	await expect(page.getByTestId('record-ticket')).toHaveText('D401');
	await releaseCamera(page);
	await expectCameraReleased(page, 0);

	// Typed and sent at once, wherever the camera's start happens to be.
	await page.getByRole('link', { name: zh['record.back'] }).click();
	const before = (await cameraTracks(page)).total;
	await openScanner(page);
	await page.getByLabel(zh['scan.manualLabel']).fill('D402');
	await page.getByTestId('manual-submit').click();
	await expect(page.getByTestId('record-ticket')).toHaveText('D402');
	await expectCameraReleased(page, before);
});

test('leaving the scan screen while the camera is asked for, starting or running releases it', async ({
	baseURL,
	launchCamera
}) => {
	const page = await onTheList(await launchCamera({ grantPermission: true }), baseURL);
	let before = 0;

	await test.step('while the camera is asked for', async () => {
		await holdCamera(page);
		await openScanner(page);
		await expect.poll(() => cameraRequests(page)).toBe(1);
		await backToTheList(page);
		await releaseCamera(page);
		await expectCameraReleased(page, before);
	});

	await test.step('as its video is added, before it plays', async () => {
		before = (await cameraTracks(page)).total;
		// In the page, so nothing runs between the video's arrival and the tap.
		await page.evaluate(() => {
			const observer = new MutationObserver(() => {
				if (!document.querySelector('[data-testid="qr-viewfinder"] video')) return;
				observer.disconnect();
				document.body.dataset.leftOnVideo = 'yes';
				document.querySelector<HTMLElement>('[data-testid="scan-back"]')?.click();
			});
			observer.observe(document.body, { childList: true, subtree: true });
		});
		await page.getByTestId('scan-button').click();
		await expect(page.locator('body')).toHaveAttribute('data-left-on-video', 'yes');
		await expect(page).toHaveURL(/\/tickets$/);
		await expectCameraReleased(page, before);
	});

	await test.step('right after opening', async () => {
		before = (await cameraTracks(page)).total;
		await openScanner(page);
		await backToTheList(page);
		await expectCameraReleased(page, before);
	});

	await test.step('while it runs', async () => {
		before = (await cameraTracks(page)).total;
		await openScanner(page);
		// html5-qrcode adds its canvas once the video plays, and decodes from it.
		await expect(page.getByTestId('qr-viewfinder').locator('canvas')).toBeAttached();
		await backToTheList(page);
		await expectCameraReleased(page, before);
	});
});

test('after a read the record opens and the camera is released', async ({ baseURL, launchCamera }) => {
	const video = await writeQrVideo(`https://queue.hebei.tj.gov.cn/t?ticket=D403&date=${hallDate()}`);
	const page = await onTheList(await launchCamera({ video, grantPermission: true }), baseURL);
	await openScanner(page);
	await expect(page.getByTestId('record-ticket')).toHaveText('D403');
	await expectCameraReleased(page, 0);
});

test('after a failure (camera refused), retrying and leaving throw nothing', async ({
	baseURL,
	launchCamera
}) => {
	const page = await onTheList(await launchCamera({ grantPermission: false }), baseURL);
	await openScanner(page);
	await expect(page.getByTestId('camera-problem')).toHaveText(zh['scan.cameraDenied']);
	await backToTheList(page);
	await openScanner(page);
	await page.getByRole('button', { name: zh['scan.retryCamera'] }).click();
	await backToTheList(page);
	expect(await cameraRequests(page)).toBeGreaterThanOrEqual(2);
	expect((await cameraTracks(page)).total).toBe(0);
});
