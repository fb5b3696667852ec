import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { chromium } from '@playwright/test';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../../e2e/chromium';
import { storeEntries, syncThenForgetFiles, type StoredEntries } from './stored-session';

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

/** A signed-in audit: the session to store, and whether the device already holds its data. */
export interface AuditSession {
	appUrl: string;
	stored: StoredEntries;
	/**
	 * true: the app runs once in the profile first and syncs, then its service worker, caches and HTTP cache are
	 * removed, so the audited load is a returning staff member's after an app update (every file fetched again,
	 * the device's data already there). false: a device that never synced (its first pull runs during the audit).
	 */
	deviceData: boolean;
}

/**
 * One Lighthouse navigation (its default mobile settings: simulated Slow 4G and 4× CPU slowdown) in a fresh
 * Chromium profile. With `session`, the app origin's localStorage gets that signed-in session first and
 * Lighthouse is told not to clear storage, so the audited load is a signed-in staff member's cold load (no HTTP
 * cache, no service worker). The full report (JSON, open it in the Lighthouse viewer or read its audits) is
 * written to `reportPath`.
 */
export async function auditPage(
	url: string,
	options: { reportPath: string; session?: AuditSession }
): Promise<PageFigures> {
	const { session } = options;
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
			if (session.deviceData) await syncThenForgetFiles(page, session.appUrl);
			await page.close();
			await browser.close(); // disconnects only: Chromium itself was launched by chrome-launcher
		}
		const result = await lighthouse(url, {
			port: chrome.port,
			logLevel: 'silent',
			output: 'json',
			onlyCategories: [...CATEGORIES],
			disableStorageReset: session !== undefined
		});
		if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
		const { lhr } = result;
		await mkdir(dirname(options.reportPath), { recursive: true });
		await writeFile(options.reportPath, JSON.stringify(lhr));
		// The trace behind the report, for a look at what a task ran (DevTools → Performance → load profile).
		if (process.env['BENCH_LIGHTHOUSE_TRACE'])
			await writeFile(
				options.reportPath.replace(/\.json$/, '.trace.json'),
				JSON.stringify(result.artifacts.Trace)
			);
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
