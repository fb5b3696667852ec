/**
 * Where the staff home's first load spends the main thread: a returning staff member's cold load of `/` (a
 * stored session, no device data yet: the first pull runs) in Chromium at 4× CPU slowdown, profiled from the
 * navigation until the header says synced and the screen has settled, in a trace of the main thread's tasks and
 * V8's samples. Prints the time to synced, the main thread's busy time, the blocking time (each task's time over
 * 50 ms, summed, at 4×: Lighthouse's TBT counts the same tasks on its simulated phone), and each long task with
 * the app sources it spent most in and its innermost frames (a library's, or the browser's own work), named
 * through the build's source maps (the e2e server builds with them: E2E_SOURCEMAP=1). The trace is written to
 * tests/.artifacts/home-first-sync/ for Chromium's DevTools (Performance → load profile).
 *
 * DEVICE_DATA=1 profiles a returning device instead (Lighthouse's "/ device data"): it syncs once, forgets the
 * app's files (service worker, caches), and the profiled load starts with the data in IndexedDB.
 *
 * For finding what to make lighter, not for pass/fail: the figures move with the machine's load.
 * Standalone: `npx tsx tests/bench/home-first-sync.ts` (WHO=manager@demo.hall for a manager's home).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { LOCAL_SUPABASE_ANON_KEY } from '../../src/lib/backend/local-stack';
import { zhCN } from '../../src/lib/i18n/zh-CN';
import { chromiumPath } from '../e2e/chromium';
import { describeTasks, mainThreadTasks, TASK_TRACE_CATEGORIES } from './support/main-thread-tasks';
import { startServedApp } from './support/served-app';
import { returningUserStorage, storeEntries, syncThenForgetFiles } from './support/stored-session';

// This bench's own ports, away from `npm start`, Playwright and other benches; a build with source maps.
process.env['E2E_APP_PORT'] ||= '28185';
process.env['E2E_GATEWAY_PORT'] ||= '28335';
process.env['E2E_DB_PORT'] ||= '28336';
process.env['E2E_SOURCEMAP'] = '1';
const { E2E_APP_URL, E2E_GATEWAY_URL } = await import('../e2e/ports');

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'tests', '.artifacts', 'home-first-sync');
const WHO = process.env['WHO'] || 'intake@demo.hall';
const DEVICE_DATA = process.env['DEVICE_DATA'] === '1';
const CPU_SLOWDOWN = 4;
const LONG_TASK_MS = 50;

const stop = await startServedApp();
try {
	const browser = await chromium.launch({ executablePath: chromiumPath() });
	const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
	const page = await context.newPage();
	await storeEntries(
		page,
		E2E_APP_URL,
		await returningUserStorage(E2E_GATEWAY_URL, LOCAL_SUPABASE_ANON_KEY, WHO)
	);
	if (DEVICE_DATA) await syncThenForgetFiles(page, E2E_APP_URL);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
	await browser.startTracing(page, { categories: TASK_TRACE_CATEGORIES });
	const started = Date.now();
	await page.goto(`${E2E_APP_URL}/`);
	await page
		.getByTestId('sync-status')
		.filter({ hasText: zhCN['sync.statusSynced'] })
		.waitFor({ timeout: 120_000 });
	const syncedMs = Date.now() - started;
	await page.waitForTimeout(3_000); // what the lists do once the data is in
	const trace = await browser.stopTracing();
	await browser.close();

	await mkdir(ARTIFACTS, { recursive: true });
	const tracePath = join(ARTIFACTS, DEVICE_DATA ? 'home-device-data.trace.json' : 'home.trace.json');
	await writeFile(tracePath, trace);
	const { traceEvents } = JSON.parse(trace.toString('utf8')) as {
		traceEvents: Parameters<typeof mainThreadTasks>[0];
	};
	const tasks = mainThreadTasks(traceEvents, join(ROOT, 'build'));
	const ms = (us: number): number => Math.round(us / 1000);
	const busy = tasks.reduce((sum, task) => sum + task.durationUs, 0);
	const long = tasks.filter((task) => task.durationUs > LONG_TASK_MS * 1000);
	const blocking = long.reduce((sum, task) => sum + task.durationUs - LONG_TASK_MS * 1000, 0);
	console.log(
		`home-first-sync (${WHO}${DEVICE_DATA ? ', device data' : ''}, ${CPU_SLOWDOWN}× CPU): synced after ${syncedMs} ms`
	);
	console.log(
		`  main thread busy ${ms(busy)} ms; ${long.length} tasks over ${LONG_TASK_MS} ms, blocking ${ms(blocking)} ms`
	);
	for (const line of describeTasks(long, 12)) console.log(line);
	console.log(`  trace: ${tracePath}`);
} finally {
	await stop();
}
