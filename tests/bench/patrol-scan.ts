/**
 * A checkpoint poster's QR to its checklist on screen, in a running round (goal: median ≤ 300 ms for the app's
 * part). Three figures: on the staff scan screen, from the camera's read (the screen's User Timing mark) until the
 * checklist shows, which goes straight to the round (the app's part); a link to the poster's address opened in the
 * app, as the phone's own camera does (through the checkpoint's page); and the whole path from opening the scan
 * screen with Chromium's fake camera playing the poster's QR (camera start and decoding included). Runs the e2e
 * web server (build + fresh seeded stack) and stops it afterwards. Printed only.
 */
import { performance } from 'node:perf_hooks';
import { type Browser, type Page } from '@playwright/test';
import { zhCN } from '../../src/lib/i18n/zh-CN';
import { SCAN_READ_MARK } from '../../src/lib/scan/scan-read-mark';
import { signIn } from '../e2e/fixtures';
import { E2E_APP_URL } from '../e2e/ports';
import { launchWithCamera, writeQrVideo } from '../e2e/support/fake-camera';
import { CENTER_FIRST_CHECKPOINT } from '../e2e/support/patrols';
import { median } from './support/median';
import { startServedApp } from './support/served-app';
import { phoneContext } from './support/phone-context';

const RUNS = 9;
const POSTER = `${E2E_APP_URL}/patrols/checkpoint/${CENTER_FIRST_CHECKPOINT}`;

/** Signed in, synced (the hall's checkpoints on the device), with a round running. */
async function walkingPage(browser: Browser): Promise<Page> {
	const context = await phoneContext(browser, E2E_APP_URL);
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

/** The staff scan screen with the fake camera: the whole path, and the app's part from the read (its mark). */
async function wholePath(page: Page): Promise<{ whole: number; fromRead: number }> {
	// The round screen keeps its checklist and the last run's read mark stays in the timeline across client-side
	// navigations: clear the mark and wait for the scan screen, or a run measures the one before it.
	await page.evaluate((mark) => performance.clearMarks(mark), SCAN_READ_MARK);
	const started = performance.now();
	// In the app, as a person goes to the scan screen: the app's code is already loaded, as on a walk.
	await page.evaluate(`(() => {
		const link = document.createElement('a');
		link.href = ${JSON.stringify(`${E2E_APP_URL}/tickets/scan`)};
		document.body.append(link);
		link.click();
		link.remove();
	})()`);
	await page.waitForURL('**/tickets/scan');
	// A string, so tsx's helpers (__name) do not end up in the page.
	const fromRead = await page.evaluate<number>(`new Promise((resolve) => {
		const seen = () => {
			const read = performance.getEntriesByName(${JSON.stringify(SCAN_READ_MARK)}).at(-1);
			if (read && document.querySelector('[data-testid="checklist"]')) resolve(performance.now() - read.startTime);
			else requestAnimationFrame(seen);
		};
		seen();
	})`);
	const whole = performance.now() - started;
	await page.getByTestId('checklist-all-ok').click();
	await page.getByTestId('checklist-save').click();
	await page.getByTestId('round-finish').waitFor();
	return { whole, fromRead };
}

const stopServer = await startServedApp();
const camera = await launchWithCamera({ video: await writeQrVideo(POSTER), grantPermission: true });
try {
	const page = await walkingPage(camera);
	const app: number[] = [];
	const whole: number[] = [];
	const fromRead: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		app.push(await appPart(page));
		const scanned = await wholePath(page);
		whole.push(scanned.whole);
		fromRead.push(scanned.fromRead);
	}
	const list = (values: number[]): string => values.map((ms) => ms.toFixed(0)).join(', ');
	console.log(
		`scan screen: QR read → checklist on screen (app): median ${median(fromRead).toFixed(0)} ms [${list(fromRead)}]`
	);
	console.log(
		`poster link opened in the app (phone camera path) → checklist: median ${median(app).toFixed(0)} ms [${list(app)}]`
	);
	console.log(
		`scan screen opened → checklist on screen (fake camera): median ${median(whole).toFixed(0)} ms [${list(whole)}]`
	);
} finally {
	await camera.close();
	await stopServer();
}
