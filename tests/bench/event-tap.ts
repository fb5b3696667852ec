/**
 * Saving must feel instant: the time from tapping an event button on a record page to the new entry showing on
 * its timeline (in the DOM, then the frame that paints it), for 30 taps on one record growing to 30 events, with
 * Chromium's CPU throttled 4× (a mid-range phone) and unthrottled. Taps are a second apart, so the sync engine's
 * pushes and pulls run between them as they do at a counter. The baseline is the floor the device's storage sets:
 * one raw IndexedDB write transaction and a read of it, in the same page and throttling.
 */
import { chromium, type Page } from '@playwright/test';
import { hallDate } from '../../src/lib/domain/hall-time';
import { zhCN } from '../../src/lib/i18n/zh-CN';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { signIn } from '../e2e/fixtures';
import { startServedApp } from './support/served-app';
import { phoneContext } from './support/phone-context';

const TAPS = 30;
const KINDS = ['consult', 'precheck', 'accept', 'notify_pickup', 'picked_up', 'mail'];

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const summary = (values: number[]): string =>
	`p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;

/** Taps in the page itself, so the figure holds no Playwright round trips. */
function tapAll(page: Page): Promise<number[]> {
	return page.evaluate(
		async ({ taps, kinds }) => {
			// No named functions in here: tsx would wrap them in a helper the page does not have.
			const selector = '[data-testid="timeline-event"]';
			const samples: number[] = [];
			for (let tap = 0; tap < taps; tap++) {
				const before = document.querySelectorAll(selector).length;
				const button = document.querySelector<HTMLButtonElement>(
					`[data-testid="add-event-${kinds[tap % kinds.length]}"]`
				);
				if (!button) throw new Error('event button not found');
				const shown = new Promise<void>((resolve) => {
					const observer = new MutationObserver(() => {
						if (document.querySelectorAll(selector).length > before) {
							observer.disconnect();
							resolve();
						}
					});
					observer.observe(document.body, { childList: true, subtree: true });
				});
				const started = performance.now();
				button.click();
				await shown;
				await new Promise((resolve) => requestAnimationFrame(resolve));
				samples.push(performance.now() - started);
				await new Promise((resolve) => setTimeout(resolve, 1000));
			}
			return samples;
		},
		{ taps: TAPS, kinds: KINDS }
	);
}

/** One IndexedDB write transaction plus a read, TAPS times: what storage alone costs. */
function rawStorage(page: Page): Promise<number[]> {
	return page.evaluate(async (taps) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('bench-raw', 1);
			request.onupgradeneeded = () => request.result.createObjectStore('rows', { keyPath: 'id' });
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(new Error(String(request.error)));
		});
		const samples: number[] = [];
		for (let tap = 0; tap < taps; tap++) {
			const started = performance.now();
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction('rows', 'readwrite');
				tx.objectStore('rows').put({ id: String(tap), kind: 'consult', at: new Date().toISOString() });
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(new Error(String(tx.error)));
			});
			await new Promise<void>((resolve) => {
				const read = db.transaction('rows').objectStore('rows').getAll();
				read.onsuccess = () => resolve();
			});
			samples.push(performance.now() - started);
		}
		db.close();
		return samples;
	}, TAPS);
}

async function recordPage(ticketNo: string): Promise<Page> {
	const context = await phoneContext(browser, (await import('../e2e/ports')).E2E_APP_URL);
	const page = await context.newPage();
	await signIn(page, 'assist@demo.hall');
	await page.goto('/tickets/scan');
	await page.getByLabel(zhCN['scan.manualLabel']).fill(ticketNo);
	await page.getByTestId('manual-submit').click();
	await page.getByTestId('record-ticket').waitFor();
	return page;
}

async function throttle(page: Page, rate: number): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

const stopServer = await startServedApp();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
	console.log(`record page, tap → entry painted, ${TAPS} taps (hall day ${hallDate()}):`);
	for (const [rate, ticketNo] of [
		[4, 'B904'],
		[1, 'B901']
	] as const) {
		const page = await recordPage(ticketNo);
		await throttle(page, rate);
		const app = await tapAll(page);
		const raw = await rawStorage(page);
		console.log(`  CPU ${rate}×: app ${summary(app)}`);
		console.log(`  CPU ${rate}×: raw IndexedDB write + read (baseline) ${summary(raw)}`);
		await page.context().close();
	}
} finally {
	await browser.close();
	await stopServer();
}
