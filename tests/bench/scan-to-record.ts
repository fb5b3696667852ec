/**
 * Time from opening the scan screen to the record page showing, with Chromium's fake camera playing a QR code
 * of a center ticket (the camera path), against typing the same number into the manual field in a browser
 * without a camera (the baseline: same page, same record opening, no camera start and no decoding). Runs the
 * e2e web server (build + fresh seeded stack) and stops it afterwards. The first run opens a new record; the
 * rest reopen it, as a second scan would.
 */
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import { hallDate } from '../../src/lib/domain/hall-time';
import { zhCN } from '../../src/lib/i18n/zh-CN';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { signIn } from '../e2e/fixtures';
import { E2E_APP_URL } from '../e2e/ports';
import { launchWithCamera, writeQrVideo } from '../e2e/support/fake-camera';
import { startServedApp } from './support/served-app';
import { phoneContext } from './support/phone-context';

const RUNS = 7;

async function timeToRecord(page: Page, act: () => Promise<void>): Promise<number> {
	const started = performance.now();
	await page.goto(`${E2E_APP_URL}/tickets/scan`);
	await act();
	await page.getByTestId('record-ticket').waitFor();
	return performance.now() - started;
}

const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function signedInPage(browser: Browser): Promise<Page> {
	const context = await phoneContext(browser, E2E_APP_URL);
	const page = await context.newPage();
	await signIn(page, 'assist@demo.hall');
	return page;
}

const stopServer = await startServedApp();
const video = await writeQrVideo(`https://queue.hebei.tj.gov.cn/t?ticket=A901&date=${hallDate()}`);
const withCamera = await launchWithCamera({ video, grantPermission: true });
// The baseline's browser has no camera, so nothing can decode while the number is typed.
const withoutCamera = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
	const scanning = await signedInPage(withCamera);
	const typing = await signedInPage(withoutCamera);
	const camera: number[] = [];
	const typed: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		camera.push(await timeToRecord(scanning, async () => {}));
		typed.push(
			await timeToRecord(typing, async () => {
				await typing.getByLabel(zhCN['scan.manualLabel']).fill('A901');
				await typing.getByTestId('manual-submit').click();
			})
		);
	}
	const list = (values: number[]): string => values.map((ms) => ms.toFixed(0)).join(', ');
	console.log(
		`scan page → record page, fake camera: median ${median(camera).toFixed(0)} ms [${list(camera)}]`
	);
	console.log(
		`scan page → record page, typed (baseline): median ${median(typed).toFixed(0)} ms [${list(typed)}]`
	);
	console.log(`camera start + decode cost ${(median(camera) - median(typed)).toFixed(0)} ms over typing`);
} finally {
	await withCamera.close();
	await withoutCamera.close();
	await stopServer();
}
