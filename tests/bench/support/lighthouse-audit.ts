import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../../e2e/chromium';
import { describeTasks, mainThreadTasks, type MainThreadTask, type TraceEvent } from './main-thread-tasks';
import { storeEntries, syncAndInstall, syncThenForgetFiles, type StoredEntries } from './stored-session';

/** Debian's Chromium as Lighthouse should drive it here: headless, as root, and with no traffic of its own. */
const CHROMIUM_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

const BUILD = join(import.meta.dirname, '..', '..', '..', 'build');
const PROFILE_CATEGORY = 'disabled-by-default-v8.cpu_profiler';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface PageFigures {
	/** Category scores, 0-100. */
	scores: Record<(typeof CATEGORIES)[number], number>;
	fcpMs: number;
	lcpMs: number;
	tbtMs: number;
	/** Lighthouse's "reduce unused JavaScript" saving in transferred bytes (it lists scripts wasting ≥ 20 KiB). */
	unusedJsBytes: number;
	finalUrl: string;
	/** Lighthouse's measure of the host CPU at the start of the run (higher is faster; it drops under load). */
	benchmarkIndex: number;
}

/**
 * The tasks after the first contentful paint that Lighthouse counts as long (over 50 ms), named through the
 * build's source maps. Under simulated throttling the trace ran at full speed and Lighthouse slows each task for
 * its phone: 4×, or 2× for a task that ran layout. Under applied throttling the trace is already slowed.
 */
function blockingTasks(events: readonly TraceEvent[], applied: boolean): string[] {
	const paint = events.find((event) => event.name === 'firstContentfulPaint')?.ts ?? 0;
	const slowed = (task: MainThreadTask): number =>
		applied ? task.durationUs : task.durationUs * (task.layoutUs > 0 ? 2 : 4);
	const long = mainThreadTasks(events, BUILD).filter((task) => task.traceUs > paint && slowed(task) > 50_000);
	const blocking = long.reduce((sum, task) => sum + slowed(task) - 50_000, 0);
	return [
		`  ${long.length} long tasks after the first paint, about ${Math.round(blocking / 1000)} ms blocking ` +
			`(${applied ? 'applied' : 'simulated'} throttling; durations below as traced):`,
		...describeTasks(long, 10)
	];
}

/**
 * What the device holds before a signed-in audit:
 * - 'new': a device that never synced (its first pull runs during the audit);
 * - 'evicted': the app ran once and synced, then its service worker, caches and HTTP cache were removed, so every
 *   file is fetched again (as after the browser evicted them), the device's data still there;
 * - 'installed': the app ran once, synced, and its service worker installed: a staff member's everyday load, the
 *   app's files served by the worker from the device. Audited with applied throttling (Chromium's own 4× CPU
 *   slowdown and network throttling while the page loads): simulated throttling cannot model a service worker's
 *   answers and puts the first paint at ~0.2 s, before any script ran, which counts the first render as blocking.
 */
export type DeviceState = 'new' | 'evicted' | 'installed';

/** A signed-in audit: the session to store, and what the device holds. */
export interface AuditSession {
	appUrl: string;
	stored: StoredEntries;
	device: DeviceState;
}

/**
 * One Lighthouse navigation (its default mobile settings: Slow 4G and 4× CPU slowdown, simulated except for an
 * installed device) in a fresh Chromium profile. With `session`, the app origin's localStorage gets that
 * signed-in session first and Lighthouse is told not to clear storage, so the audited load is a signed-in staff
 * member's, with what the device holds as `session.device` says (Lighthouse still empties the HTTP cache). The
 * full report (JSON, open it in the Lighthouse viewer or read its audits) is written to `reportPath`.
 */
export async function auditPage(
	url: string,
	options: { reportPath: string; session?: AuditSession }
): Promise<PageFigures> {
	const { session } = options;
	const applied = session?.device === 'installed';
	const chrome = await launch({
		chromePath: chromiumPath(),
		chromeFlags: CHROMIUM_FLAGS,
		logLevel: 'silent'
	});
	try {
		if (session) {
			const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
			const context = browser.contexts()[0];
			if (!context) throw new Error('the launched Chromium has no browser context');
			const page = await context.newPage();
			await storeEntries(page, session.appUrl, session.stored);
			if (session.device === 'evicted') await syncThenForgetFiles(page, session.appUrl);
			if (session.device === 'installed') await syncAndInstall(page, session.appUrl);
			await page.close();
			await browser.close(); // disconnects only: Chromium itself was launched by chrome-launcher
		}
		const result = await lighthouse(url, {
			port: chrome.port,
			logLevel: 'silent',
			output: 'json',
			onlyCategories: [...CATEGORIES],
			disableStorageReset: session !== undefined,
			...(applied ? { throttlingMethod: 'devtools' as const } : {}),
			// V8's samples in the trace, so its long tasks can be named by source (blockingTasks).
			...(process.env['BENCH_LIGHTHOUSE_TRACE'] ? { additionalTraceCategories: PROFILE_CATEGORY } : {})
		});
		if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
		const { lhr } = result;
		await mkdir(dirname(options.reportPath), { recursive: true });
		await writeFile(options.reportPath, JSON.stringify(lhr));
		// The trace behind the report, for a look at what a task ran (DevTools → Performance → load profile).
		if (process.env['BENCH_LIGHTHOUSE_TRACE']) {
			await writeFile(
				options.reportPath.replace(/\.json$/, '.trace.json'),
				JSON.stringify(result.artifacts.Trace)
			);
			// Lighthouse types its trace events loosely; main-thread-tasks reads the fields it names.
			const events = result.artifacts.Trace.traceEvents as unknown as TraceEvent[];
			for (const line of blockingTasks(events, applied)) console.log(line);
		}
		if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
		const score = (id: string): number => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
		const numeric = (id: string): number => lhr.audits[id]?.numericValue ?? NaN;
		const unused = lhr.audits['unused-javascript']?.details;
		return {
			scores: {
				performance: score('performance'),
				accessibility: score('accessibility'),
				'best-practices': score('best-practices'),
				seo: score('seo')
			},
			fcpMs: numeric('first-contentful-paint'),
			lcpMs: numeric('largest-contentful-paint'),
			tbtMs: numeric('total-blocking-time'),
			unusedJsBytes: unused?.type === 'opportunity' ? (unused.overallSavingsBytes ?? 0) : 0,
			finalUrl: lhr.finalDisplayedUrl,
			benchmarkIndex: lhr.environment.benchmarkIndex
		};
	} finally {
		chrome.kill();
	}
}
