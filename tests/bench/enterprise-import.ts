/**
 * Importing a hall's key enterprises must not keep a manager waiting (docs/VISITS.md, "Import"): a 5,000-row .xlsx
 * workbook (the most one import takes) chosen on /enterprises/import, in the built app on a phone-sized Chromium,
 * unthrottled and with the CPU throttled 4×. Figures: file chosen → preview on screen (read, parsed, every row
 * checked), the longest main-thread task meanwhile (checking yields between slices, so only the workbook's unzip
 * and parse should stand out), and 导入 → done (5,000 enterprise.save ops queued in one device transaction); then
 * how long the device takes to push them all (the sync status says 已同步). Also which JavaScript each screen loads:
 * the Excel and CSV readers only after a file is chosen on the import screen, never on the staff home.
 *
 * Runs the e2e web server (build + fresh seeded stack) on its own ports and stops it afterwards. Printed only.
 * Standalone: `npx tsx tests/bench/enterprise-import.ts`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, expect, type Page } from '@playwright/test';
import { goodRows, HEADER, xlsxFile } from '../../src/lib/features/enterprises/import/test-files';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { outboxCount } from '../e2e/support/device';
import { startServedApp } from './support/served-app';
import { phoneContext } from './support/phone-context';

// This bench's own ports, away from `npm start`, Playwright and the other benches.
process.env['E2E_APP_PORT'] ||= '28190';
process.env['E2E_GATEWAY_PORT'] ||= '28341';
process.env['E2E_DB_PORT'] ||= '28342';
// Imported only now: the fixtures and the ports module read the ports when first imported.
const { E2E_APP_URL } = await import('../e2e/ports');
const { signIn } = await import('../e2e/fixtures');

const ROWS = 5_000;
const BUILD = join(import.meta.dirname, '..', '..', 'build');
/** Text only each library carries in the build. */
const MARKERS = {
	'read-excel-file': 'xl/workbook.xml',
	papaparse: 'BAD_DELIMITERS',
	'the import checks': 'enterpriseImport.'
} as const;

async function jsWithMarkers(paths: Iterable<string>): Promise<Record<string, string[]>> {
	const found: Record<string, string[]> = {};
	for (const path of paths) {
		const source = await readFile(join(BUILD, path), 'utf8');
		for (const [name, marker] of Object.entries(MARKERS)) {
			if (source.includes(marker)) (found[name] ??= []).push(path);
		}
	}
	return found;
}

function watchJs(page: Page): Set<string> {
	const loaded = new Set<string>();
	page.on('response', (response) => {
		const path = new URL(response.url()).pathname;
		if (path.startsWith('/_app/') && path.endsWith('.js')) loaded.add(path);
	});
	return loaded;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Until the device's outbox is empty (the header can still say 已同步 for a moment after a big write). */
async function waitSynced(page: Page, timeout: number): Promise<number | null> {
	const started = performance.now();
	while (performance.now() - started < timeout) {
		if ((await outboxCount(page)) === 0) return performance.now() - started;
		await page.waitForTimeout(100);
	}
	return null;
}

const stopServer = await startServedApp();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
	const context = await phoneContext(browser, E2E_APP_URL);
	const page = await context.newPage();
	const loaded = watchJs(page);
	// What went wrong in the page, if anything does, is printed with the figures.
	page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error' || message.type() === 'warning')
			console.error(`console: ${message.text()}`);
	});
	await signIn(page, 'manager@demo.hall');
	await waitSynced(page, 60_000);
	const home = new Set(loaded);
	const cdp = await context.newCDPSession(page);

	for (const [run, rate] of [1, 4].entries()) {
		const workbook = await xlsxFile([HEADER, ...goodRows(ROWS, (run + 1) * 100_000)]);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate });
		await page.goto('/enterprises/import');
		const input = page.getByTestId('enterprise-import-file');
		await expect(input, await page.locator('main, body').first().innerText()).toBeEnabled({
			timeout: 60_000
		});
		const beforeChoice = new Set(loaded);
		await page.evaluate(() => {
			const longest = { ms: 0 };
			(window as unknown as { longestTask: typeof longest }).longestTask = longest;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
			}).observe({ type: 'longtask' });
		});
		const chosen = performance.now();
		await input.setInputFiles({
			name: 'enterprises.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: Buffer.from(workbook.bytes)
		});
		await page
			.getByTestId('enterprise-import-submit')
			.waitFor({ timeout: 120_000 })
			.catch(async (error: unknown) => {
				console.error(`no preview; the screen says: ${await page.locator('main').innerText()}`);
				throw error;
			});
		const previewMs = performance.now() - chosen;
		const longestTaskMs = await page.evaluate(
			() => (window as unknown as { longestTask: { ms: number } }).longestTask.ms
		);
		const summary = await page.getByTestId('enterprise-import-summary').textContent();
		const submitted = performance.now();
		await page.getByTestId('enterprise-import-submit').click();
		await page.getByTestId('enterprise-import-done').waitFor({ timeout: 120_000 });
		const importMs = performance.now() - submitted;
		console.log(
			`CPU ${rate}×, ${ROWS}-row .xlsx (${(workbook.bytes.byteLength / 1024).toFixed(0)} kB): ` +
				`file chosen → preview ${seconds(previewMs)} (longest task ${longestTaskMs.toFixed(0)} ms; ${summary?.trim()}); ` +
				`导入 → ${ROWS} ops queued ${seconds(importMs)}`
		);
		if (run === 0) {
			const choiceLoads = [...loaded].filter((path) => !beforeChoice.has(path));
			console.log(`  loaded once a file is chosen: ${JSON.stringify(await jsWithMarkers(choiceLoads))}`);
			console.log(`  the import screen before a file: ${JSON.stringify(await jsWithMarkers(beforeChoice))}`);
			console.log(`  the staff home (signed in, synced): ${JSON.stringify(await jsWithMarkers(home))}`);
		}
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		const pushMs = await waitSynced(page, 600_000);
		console.log(
			`  pushing the ${ROWS} ops until 已同步: ${pushMs === null ? 'not synced within 10 minutes' : seconds(pushMs)}`
		);
	}
	await context.close();
} finally {
	await browser.close();
	await stopServer();
}
