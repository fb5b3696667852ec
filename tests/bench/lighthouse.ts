/**
 * Lighthouse (mobile, simulated throttling) on the sign-in page and on the staff home signed in, three times: on
 * a device that never synced (its first pull, the whole hall's catalog included, runs during the audit); on a
 * returning device whose app files were evicted (its data in IndexedDB, every file fetched again: the worst
 * returning load); and on the installed app (data in IndexedDB, the files served by its service worker: a staff
 * member's everyday load, which is also the load after accepting an update, whose files the new worker
 * precached in the background), against the
 * built app served by scripts/static-server.ts and a fresh seeded local stack (tests/e2e/serve.ts on this
 * bench's own ports). Each page is audited RUNS times, alternating, each time in a fresh Chromium profile; the
 * median of each figure is printed next to the figures before the first-load work (commit 9136446).
 *
 * Simulated throttling models a phone's network and CPU from what this machine measured, so the figures still
 * move with the host's load (two cores, shared with whatever else runs): compare runs made on a quiet machine.
 * Standalone: `npx tsx tests/bench/lighthouse.ts`; `npm run bench` runs it with the others. Never pass/fail.
 * BENCH_LIGHTHOUSE_TRACE=1 also writes each run's trace beside its report, with V8's samples, and prints the
 * long tasks after the first paint named by source (a build with source maps). A long task Lighthouse names
 * `_lighthouse-eval.js` is the app's own idle callback (afterFirstPaint, the service worker's registration):
 * Lighthouse wraps requestIdleCallback to scale its deadline to the simulated CPU, so its wrapper is what the
 * trace sees first. It counts toward Total Blocking Time like any other task.
 * BENCH_LIGHTHOUSE_AUDITS=home,login (the reports' names) audits only those, e.g. to compare one change quickly.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { LOCAL_SUPABASE_ANON_KEY } from '../../src/lib/backend/local-stack';
import { auditPage, type DeviceState, type PageFigures } from './support/lighthouse-audit';
import { median } from './support/median';
import { startServedApp } from './support/served-app';
import { returningUserStorage } from './support/stored-session';

// This bench's own ports (ports.ts reads them when imported), away from `npm start`, Playwright and other benches.
process.env['E2E_APP_PORT'] ||= '28175';
process.env['E2E_GATEWAY_PORT'] ||= '28325';
process.env['E2E_DB_PORT'] ||= '28326';
if (process.env['BENCH_LIGHTHOUSE_TRACE']) process.env['E2E_SOURCEMAP'] = '1';
const { E2E_APP_URL, E2E_GATEWAY_URL } = await import('../e2e/ports');

const RUNS = Number(process.env['BENCH_LIGHTHOUSE_RUNS'] || 3);
const ONLY = process.env['BENCH_LIGHTHOUSE_AUDITS']?.split(',');
const audited = (report: string): boolean => !ONLY || ONLY.includes(report);
/** Every run's full report, for a closer look (git-ignored). */
const REPORTS = join(import.meta.dirname, '..', '.artifacts', 'lighthouse');
const STAFF_EMAIL = 'intake@demo.hall';

interface Summary {
	performance: number;
	accessibility: number;
	bestPractices: number;
	seo: number;
	fcpMs: number;
	lcpMs: number;
	tbtMs: number;
	unusedJsKiB: number;
}

/**
 * Measured with this bench's audit at commit 9136446 (full supabase-js client, no compression from the static
 * server), median of 3, each run interleaved with a run of commit 7f512f9 on the same host at the same time
 * (which scored /login 93, / 84), so both saw the same load.
 */
const BEFORE: Record<'/login' | '/', Summary> = {
	'/login': {
		performance: 75,
		accessibility: 100,
		bestPractices: 100,
		seo: 100,
		fcpMs: 3190,
		lcpMs: 4300,
		tbtMs: 124,
		unusedJsKiB: 215
	},
	'/': {
		performance: 63,
		accessibility: 100,
		bestPractices: 100,
		seo: 100,
		fcpMs: 3510,
		lcpMs: 5110,
		tbtMs: 310,
		unusedJsKiB: 229
	}
};

function summarise(runs: readonly PageFigures[]): Summary {
	const mid = (pick: (run: PageFigures) => number): number => median(runs.map(pick));
	return {
		performance: mid((run) => run.scores.performance),
		accessibility: mid((run) => run.scores.accessibility),
		bestPractices: mid((run) => run.scores['best-practices']),
		seo: mid((run) => run.scores.seo),
		fcpMs: mid((run) => run.fcpMs),
		lcpMs: mid((run) => run.lcpMs),
		tbtMs: mid((run) => run.tbtMs),
		unusedJsKiB: mid((run) => run.unusedJsBytes / 1024)
	};
}

function line(label: string, summary: Summary): string {
	const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`.padStart(7);
	const scores = [summary.performance, summary.accessibility, summary.bestPractices, summary.seo];
	return (
		`  ${label.padEnd(16)} ${scores.map((score) => String(score).padStart(4)).join(' ')}  ` +
		`FCP ${seconds(summary.fcpMs)}  LCP ${seconds(summary.lcpMs)}  TBT ${summary.tbtMs.toFixed(0).padStart(4)} ms  ` +
		`unused JS ${summary.unusedJsKiB.toFixed(0).padStart(4)} KiB`
	);
}

const loadAtStart = loadavg()[0] ?? NaN;
const stopServer = await startServedApp();
/** The staff home's audits: what the device holds before each (lighthouse-audit.ts, DeviceState). */
const HOMES = [
	{ audit: '/', device: 'new', report: 'home' },
	{ audit: '/ (device data)', device: 'evicted', report: 'home-device-data' },
	{ audit: '/ (installed)', device: 'installed', report: 'home-installed' }
] as const satisfies readonly { audit: string; device: DeviceState; report: string }[];
/** What is audited: the sign-in page, then the home three ways. */
const AUDITS = ['/login', ...HOMES.map(({ audit }) => audit)] as const;
type Audit = (typeof AUDITS)[number];
const runs: Record<Audit, PageFigures[]> = {
	'/login': [],
	'/': [],
	'/ (device data)': [],
	'/ (installed)': []
};
try {
	for (let run = 0; run < RUNS; run++) {
		const reportPath = (page: string): string => join(REPORTS, `${page}-${run + 1}.json`);
		if (audited('login')) {
			runs['/login'].push(await auditPage(`${E2E_APP_URL}/login`, { reportPath: reportPath('login') }));
		}
		// A returning staff member opening the app: a just-issued session, and the profile of their last visit.
		for (const { audit, device, report } of HOMES) {
			if (!audited(report)) continue;
			const stored = await returningUserStorage(E2E_GATEWAY_URL, LOCAL_SUPABASE_ANON_KEY, STAFF_EMAIL);
			const home = await auditPage(`${E2E_APP_URL}/`, {
				reportPath: reportPath(report),
				session: { appUrl: E2E_APP_URL, stored, device }
			});
			if (new URL(home.finalUrl).pathname !== '/')
				throw new Error(`the signed-in audit ended on ${home.finalUrl}`);
			runs[audit].push(home);
		}
	}
} finally {
	await stopServer();
}

console.log(
	`Lighthouse, mobile with simulated throttling, median of ${RUNS} runs per page ` +
		`(host load average ${loadAtStart.toFixed(2)} at start, ${(loadavg()[0] ?? NaN).toFixed(2)} at the end).`
);
console.log(
	'Simulated throttling still scales with this 2-core machine and whatever else runs on it: load changes the figures.'
);
console.log(
	'"/ installed" is audited with applied throttling: simulated throttling cannot model a service worker\'s answers.'
);
console.log(`Full reports: ${REPORTS}/{login,home,home-device-data,home-installed}-<run>.json`);
console.log(`  ${''.padEnd(16)} perf a11y   bp  seo`);
for (const page of AUDITS) {
	if (runs[page].length === 0) continue;
	const before = page === '/login' || page === '/' ? BEFORE[page] : undefined;
	console.log(line(before ? `${page} now` : page.replace(/[()]/g, ''), summarise(runs[page])));
	if (before) console.log(line(`${page} before`, before));
	const performance = runs[page].map((run) => run.scores.performance).join(', ');
	const cpu = runs[page].map((run) => run.benchmarkIndex.toFixed(0)).join(', ');
	console.log(`  ${''.padEnd(16)} performance per run: ${performance} (host CPU benchmark index: ${cpu})`);
}
