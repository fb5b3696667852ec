/**
 * 100 photos taken offline, uploaded after reconnecting, in the built app on a phone-sized Chromium: twenty incidents
 * reported with the network off, five photos added to each (picked from the gallery, compressed on the device by the
 * app's worker, kept in IndexedDB), then the network comes back. Reports the time until every photo is on the
 * server (the sync status says 已同步, which it says only once no op and no photo is left) and the page's memory
 * meanwhile: the JavaScript heap (CDP Performance metrics) and the resident memory of Chromium's renderer
 * processes (the page, its workers and the service worker), sampled every 250 ms, before and at the peak.
 *
 * Runs the e2e web server (build + fresh seeded stack) on its own ports and stops it afterwards. Printed only.
 * Standalone: `npx tsx tests/bench/photo-uploads.ts`.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { zhCN } from '../../src/lib/i18n/zh-CN';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { installPhotoTools } from '../support/photo-compression';
import { startServedApp } from './support/served-app';
import { phoneContext } from './support/phone-context';

// This bench's own ports, away from `npm start`, Playwright and the other benches.
process.env['E2E_APP_PORT'] ||= '28194';
process.env['E2E_GATEWAY_PORT'] ||= '28345';
process.env['E2E_DB_PORT'] ||= '28346';
// Imported only now: the fixtures and the ports module read the ports when first imported.
const { E2E_APP_URL } = await import('../e2e/ports');
const { signIn, waitForServiceWorkerControl } = await import('../e2e/fixtures');
const { reportFromHome, izh } = await import('../e2e/support/incidents');

const INCIDENTS = 20;
// The incident page adds at most 6 photos at a time.
const PER_INCIDENT = 5;
const PHOTOS = INCIDENTS * PER_INCIDENT;
const MB = 1024 * 1024;

/** A phone photo's worth of detail (gradients, shapes, grain), drawn in the page and encoded as JPEG. */
async function galleryPhoto(page: Page): Promise<Buffer> {
	await installPhotoTools(page);
	const bytes = await page.evaluate<number[]>(
		`window.makePhoto({ width: 2400, height: 1800, detailed: true }).then((bytes) => [...bytes])`
	);
	return Buffer.from(bytes);
}

/** Reports one incident and adds PER_INCIDENT photos to it, all on the device. */
async function incidentWithPhotos(page: Page, index: number, photo: Buffer): Promise<void> {
	await reportFromHome(page, {
		category: izh['incident.category.equipment'],
		severity: izh['incident.severity.4'],
		place: `自助服务区 ${index + 1}`,
		description: `自助机故障 ${index + 1}`
	});
	await page.getByTestId('incident-submit').click();
	await page.getByTestId('incident-status').waitFor();
	await page.getByTestId('photo-gallery-input').setInputFiles(
		Array.from({ length: PER_INCIDENT }, (_, photoIndex) => ({
			name: `IMG_${index}_${photoIndex}.jpg`,
			mimeType: 'image/jpeg',
			buffer: photo
		}))
	);
	await page
		.getByRole('img', { name: new RegExp(`第 ${PER_INCIDENT} 张照片`) })
		.waitFor({ timeout: 60_000 })
		.catch(async (error: unknown) => {
			console.error(
				`the photos did not all show; the screen says: ${await page.locator('main').innerText()}`
			);
			throw error;
		});
	await page.getByTestId('add-photos-save').click();
	await page.getByTestId('add-photos-message').waitFor();
	await page
		.getByTestId('photo-item')
		.nth(PER_INCIDENT - 1)
		.waitFor();
}

/** The photos' rows on the device by upload state, and the bytes of the blobs they keep. */
async function deviceUploads(page: Page): Promise<{ states: Record<string, number>; blobBytes: number }> {
	// tsx (esbuild's keepNames) wraps the inner arrow functions below in __name(); the page needs it as well.
	await page.evaluate('window.__name = window.__name || ((target) => target);');
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('hall-assist');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(new Error(String(request.error)));
		});
		const all = <T>(store: string) =>
			new Promise<T[]>((resolve) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result as T[]);
			});
		const uploads = await all<{ state: string }>('photo_uploads');
		const blobs = await all<{ blob: Blob }>('photo_blobs');
		db.close();
		const states: Record<string, number> = {};
		for (const { state } of uploads) states[state] = (states[state] ?? 0) + 1;
		return { states, blobBytes: blobs.reduce((sum, { blob }) => sum + blob.size, 0) };
	});
}

interface Memory {
	heap: number;
	renderers: number;
}

/** The page's JS heap, and the resident memory of every renderer process (Linux /proc; 0 where unreadable). */
async function memory(page: CDPSession, browser: CDPSession): Promise<Memory> {
	const { metrics } = await page.send('Performance.getMetrics');
	const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
	const { processInfo } = await browser.send('SystemInfo.getProcessInfo');
	let renderers = 0;
	for (const process of processInfo.filter((info) => info.type === 'renderer')) {
		const status = await readFile(`/proc/${process.id}/status`, 'utf8').catch(() => '');
		renderers += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
	}
	return { heap, renderers };
}

async function run(browser: Browser): Promise<void> {
	const context = await phoneContext(browser, E2E_APP_URL);
	const page = await context.newPage();
	await signIn(page, 'majun@demo.hall');
	await waitForServiceWorkerControl(page);
	const status = page.getByTestId('sync-status');
	await status.filter({ hasText: zhCN['sync.statusSynced'] }).waitFor({ timeout: 60_000 });
	const photo = await galleryPhoto(page);
	const pageCdp = await context.newCDPSession(page);
	await pageCdp.send('Performance.enable');
	const browserCdp = await browser.newBrowserCDPSession();
	const settled = async (): Promise<Memory> => {
		await pageCdp.send('HeapProfiler.collectGarbage');
		return memory(pageCdp, browserCdp);
	};
	const signedIn = await settled();

	await context.setOffline(true);
	const taking = performance.now();
	for (let index = 0; index < INCIDENTS; index++) await incidentWithPhotos(page, index, photo);
	const taken = performance.now() - taking;
	const queued = await deviceUploads(page);

	const before = await settled();
	const peak = { ...before };
	let sampling = true;
	const sampler = (async () => {
		while (sampling) {
			const now = await memory(pageCdp, browserCdp);
			peak.heap = Math.max(peak.heap, now.heap);
			peak.renderers = Math.max(peak.renderers, now.renderers);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	})();

	const reconnected = performance.now();
	await context.setOffline(false);
	await status.filter({ hasText: zhCN['sync.statusSynced'] }).waitFor({ timeout: 600_000 });
	const uploaded = performance.now() - reconnected;
	sampling = false;
	await sampler;
	const after = await settled();
	const done = await deviceUploads(page);

	const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
	console.log(
		`100 photos offline, then reconnected (built app, Pixel 7 viewport, CPU unthrottled; load average ` +
			`${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores):`
	);
	console.log(
		`  taken: ${INCIDENTS} incidents × ${PER_INCIDENT} photos (2400×1800 JPEG of ${(photo.length / 1024).toFixed(0)} kB ` +
			`picked, compressed on the device) in ${(taken / 1000).toFixed(1)} s; ` +
			`queued ${JSON.stringify(queued.states)}, ${mb(queued.blobBytes)} of photos kept on the device ` +
			`(${(queued.blobBytes / PHOTOS / 1024).toFixed(0)} kB each)`
	);
	console.log(
		`  reconnect → 已同步 (incidents, attach ops and every photo uploaded): ${(uploaded / 1000).toFixed(1)} s, ` +
			`${(uploaded / PHOTOS).toFixed(0)} ms per photo; afterwards ${JSON.stringify(done.states)}`
	);
	console.log(
		`  page memory (after a garbage collection, except the peak): JS heap ${mb(signedIn.heap)} signed in and ` +
			`synced, ${mb(before.heap)} with the 100 photos queued, ${mb(peak.heap)} at the peak of the uploads, ` +
			`${mb(after.heap)} after; renderer processes' resident memory ${mb(signedIn.renderers)}, ` +
			`${mb(before.renderers)}, ${mb(peak.renderers)}, ${mb(after.renderers)}`
	);
	await context.close();
}

const stopServer = await startServedApp();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
	await run(browser);
} finally {
	await browser.close();
	await stopServer();
}
