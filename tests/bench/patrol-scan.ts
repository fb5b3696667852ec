/**
 * A checkpoint poster's QR to its checklist on screen, in a running round (goal: median ≤ 300 ms for the app's
 * part). Two figures: the app's part alone, an in-app navigation to the QR's address (what the scan screen does
 * once the camera has read the code) until the checklist shows; and the whole path from opening the staff scan
 * screen with Chromium's fake camera playing the poster's QR (camera start and decoding included). Runs the e2e
 * web server (build + fresh seeded stack) and stops it afterwards. Printed only.
 */
import { performance } from 'node:perf_hooks';
import { devices, type Browser, type Page } from '@playwright/test';
import { zhCN } from '../../src/lib/i18n/zh-CN';
import { signIn } from '../e2e/fixtures';
import { E2E_APP_URL } from '../e2e/ports';
import { launchWithCamera, writeQrVideo } from '../e2e/support/fake-camera';
import { CENTER_FIRST_CHECKPOINT } from '../e2e/support/patrols';
import { median } from './support/median';
import { startServedApp } from './support/served-app';

const RUNS = 9;
const POSTER = `${E2E_APP_URL}/patrols/checkpoint/${CENTER_FIRST_CHECKPOINT}`;

/** Signed in, synced (the hall's checkpoints on the device), with a round running. */
async function walkingPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({
		...devices['Pixel 7'],
		baseURL: E2E_APP_URL,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai'
	});
	const page = await context.newPage();
	await signIn(page, 'assist@demo.hall');
	await page
		.getByTestId('sync-status')
		.filter({ hasText: zhCN['sync.statusSynced'] })
		.waitFor({ timeout: 60_000 });
	await page.getByTestId('patrols-entry').click();
	await page.getByTestId('patrol-start').click();
	await page.getByTestId('round-progress').waitFor();
	return page;
}

/** From the round screen, an in-app link to the poster's address, as the scan screen's goto after a read. */
async function appPart(page: Page): Promise<number> {
	await page.getByTestId('round-finish').waitFor();
	const started = performance.now();
	await page.evaluate((href) => {
		const link = document.createElement('a');
		link.href = href;
		document.body.append(link);
		link.click();
		link.remove();
	}, POSTER);
	await page.getByTestId('checklist').waitFor();
	const elapsed = performance.now() - started;
	await page.getByTestId('checklist-all-ok').click();
	await page.getByTestId('checklist-save').click();
	return elapsed;
}

async function wholePath(page: Page): Promise<number> {
	const started = performance.now();
	await page.goto(`${E2E_APP_URL}/tickets/scan`);
	await page.getByTestId('checklist').waitFor({ timeout: 30_000 });
	const elapsed = performance.now() - started;
	await page.getByTestId('checklist-all-ok').click();
	await page.getByTestId('checklist-save').click();
	await page.getByTestId('round-finish').waitFor();
	return elapsed;
}

const stopServer = await startServedApp();
const camera = await launchWithCamera({ video: await writeQrVideo(POSTER), grantPermission: true });
try {
	const page = await walkingPage(camera);
	const app: number[] = [];
	const whole: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		app.push(await appPart(page));
		whole.push(await wholePath(page));
	}
	const list = (values: number[]): string => values.map((ms) => ms.toFixed(0)).join(', ');
	console.log(
		`checkpoint QR read → checklist on screen (app): median ${median(app).toFixed(0)} ms [${list(app)}]`
	);
	console.log(
		`scan screen opened → checklist on screen (fake camera): median ${median(whole).toFixed(0)} ms [${list(whole)}]`
	);
} finally {
	await camera.close();
	await stopServer();
}
