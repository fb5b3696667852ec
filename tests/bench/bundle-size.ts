/**
 * First-load JavaScript per route: the gzip size of every JavaScript file the browser loads for a cold load of
 * the sign-in page (/login) and of the staff home signed in (/), measured by loading the built app in Chromium
 * (so lazy chunks and modulepreloads count exactly as a phone would fetch them; service workers blocked, so
 * only what the page itself asks for counts). Each total is printed next to the figure before the first-load
 * work (commit 9136446) and next to the baseline of the same build: all of the app's JavaScript, i.e. what a
 * page would cost if nothing were split by route. Sizes are gzip level 9 of the built files; the brotli total
 * is what scripts/static-server.ts now sends to a browser that accepts it.
 *
 * Runs the e2e web server (build + fresh seeded stack, which the signed-in load needs) on its own ports.
 * Standalone: `npx tsx tests/bench/bundle-size.ts`; `npm run bench` runs it with the others. Never pass/fail.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { LOCAL_SUPABASE_ANON_KEY } from '../../src/lib/backend/local-stack';
import { FIRST_SCREEN_MARK } from '../../src/lib/features/after-first-paint';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { startServedApp } from './support/served-app';
import { returningUserStorage, storeEntries } from './support/stored-session';

// This bench's own ports (ports.ts reads them when imported), away from `npm start`, Playwright and other benches.
process.env['E2E_APP_PORT'] ||= '28176';
process.env['E2E_GATEWAY_PORT'] ||= '28327';
process.env['E2E_DB_PORT'] ||= '28328';
const { E2E_APP_URL, E2E_GATEWAY_URL } = await import('../e2e/ports');

const ROOT = join(import.meta.dirname, '..', '..');
const BUILD = join(ROOT, 'build');

/** gzip level 9 totals measured with this bench at commit 9136446 (supabase-js client, both catalogs eager). */
const BEFORE_KB: Record<Route, number> = { '/login': 108.1, '/': 145.4 };

type Route = '/login' | '/';

/**
 * The pre-check screens and the applicant's page (issue 9): what each adds to what the staff home loads. Their
 * route code is the same whatever the data, so an id the device does not have measures the screen as well.
 */
const ADDED_ROUTES: { label: string; path: string; signedIn: boolean; user?: string; ready?: string }[] = [
	{ label: 'pre-check start (item search)', path: '/prechecks', signedIn: true },
	{ label: 'pre-check form', path: '/prechecks/new/0190f000-0000-7000-8000-000000000000', signedIn: true },
	{
		label: 'pre-check page (notice, QR)',
		path: '/prechecks/0190f000-0000-7000-8000-000000000000',
		signedIn: true
	},
	{ label: "applicant's page /n/<token>", path: '/n/AAAAAAAAAAAAAAAAAAAAAA', signedIn: false },
	// This month of every hall, charts drawn (chart.js); the Excel writer loads only on tap, so not here.
	{
		label: 'manager reports screen (charts)',
		path: '/reports',
		signedIn: true,
		user: 'manager@demo.hall',
		ready: '[data-testid="report-chart"][data-drawn]'
	}
];

/** Text only the libraries the home must never load first carry (pinyin dictionary, QR encoder, the notice). */
const HEAVY_MARKERS = { 'pinyin-pro': 'toneType', uqr: 'maskPattern', notice: 'notice-sheet' } as const;

const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

async function allJsFiles(directory: string): Promise<string[]> {
	const entries = await readdir(directory, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
		.map((entry) => join(entry.parentPath, entry.name));
}

async function compressedSizes(file: string): Promise<{ gzip: number; brotli: number }> {
	const content = await readFile(file);
	return { gzip: gzipSync(content, { level: 9 }).length, brotli: brotliCompressSync(content).length };
}

/**
 * The app's JavaScript files a cold load of `route` fetches: all of them until the page is ready and the network
 * idle, and those requested before the app's first-screen mark (what the screen waits for; the rest, e.g. the
 * staff home's Supabase Auth and sync engine, loads behind a screen already shown). Pages without deferred work
 * (the sign-in page) set no mark: everything they load is for their first screen.
 */
async function firstLoadJs(
	browser: Browser,
	route: string,
	options: { signedIn: boolean; ready: string; user?: string } = {
		signedIn: route === '/',
		ready: route === '/' ? 'profile-name' : 'login-form'
	}
): Promise<{ all: string[]; beforePaint: string[] }> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const loaded = new Set<string>();
	let requestedBeforePaint: string[] = [];
	try {
		const page = await context.newPage();
		if (options.signedIn) {
			const user = options.user ?? 'intake@demo.hall';
			const stored = await returningUserStorage(E2E_GATEWAY_URL, LOCAL_SUPABASE_ANON_KEY, user);
			await storeEntries(page, E2E_APP_URL, stored);
		}
		page.on('response', (response) => {
			const path = new URL(response.url()).pathname;
			if (path.startsWith('/_app/') && path.endsWith('.js')) loaded.add(path);
		});
		await page.goto(`${E2E_APP_URL}${route}`, { waitUntil: 'networkidle' });
		await page.locator(options.ready).first().waitFor();
		await page.waitForLoadState('networkidle');
		requestedBeforePaint = await page.evaluate((mark) => {
			const firstScreen = performance.getEntriesByName(mark)[0]?.startTime ?? Infinity;
			return performance
				.getEntriesByType('resource')
				.filter((entry) => entry.startTime < firstScreen)
				.map((entry) => new URL(entry.name).pathname);
		}, FIRST_SCREEN_MARK);
	} finally {
		await context.close();
	}
	return { all: [...loaded], beforePaint: requestedBeforePaint.filter((path) => loaded.has(path)) };
}

const stopServer = await startServedApp();
const loads: Partial<Record<Route, { all: string[]; beforePaint: string[] }>> = {};
const added: { label: string; files: string[] }[] = [];
try {
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
	try {
		loads['/login'] = await firstLoadJs(browser, '/login', {
			signedIn: false,
			ready: '[data-testid="login-form"]'
		});
		loads['/'] = await firstLoadJs(browser, '/', { signedIn: true, ready: '[data-testid="profile-name"]' });
		for (const { label, path, signedIn, user, ready = 'h1' } of ADDED_ROUTES) {
			const load = await firstLoadJs(browser, path, { signedIn, ready, user });
			added.push({ label, files: load.all });
		}
	} finally {
		await browser.close();
	}
} finally {
	await stopServer();
}

const everything = await Promise.all((await allJsFiles(join(BUILD, '_app'))).map(compressedSizes));
const everythingGzip = everything.reduce((sum, file) => sum + file.gzip, 0);

for (const route of ['/login', '/'] as const) {
	const load = loads[route] ?? { all: [], beforePaint: [] };
	const files = await Promise.all(
		load.all.map(async (path) => ({ path, ...(await compressedSizes(join(BUILD, path))) }))
	);
	files.sort((a, b) => b.gzip - a.gzip);
	const gzip = files.reduce((sum, file) => sum + file.gzip, 0);
	const brotli = files.reduce((sum, file) => sum + file.brotli, 0);
	const beforePaint = files.filter((file) => load.beforePaint.includes(file.path));
	const beforePaintGzip = beforePaint.reduce((sum, file) => sum + file.gzip, 0);
	console.log(
		`${route} first load: ${kB(gzip)} JavaScript gzip in ${files.length} files ` +
			`(before: ${BEFORE_KB[route].toFixed(1)} kB; brotli ${kB(brotli)}; ` +
			`${((gzip / everythingGzip) * 100).toFixed(0)}% of all app JavaScript); ` +
			`${kB(beforePaintGzip)} in ${beforePaint.length} files requested for the first screen`
	);
	for (const { path, gzip: size } of files) {
		const when = load.beforePaint.includes(path) ? 'first screen' : 'deferred';
		console.log(`  ${kB(size).padStart(9)}  ${when.padEnd(12)}  ${path}`);
	}
}
// What each pre-check screen adds to the home, and whether the home's first screen stayed free of them.
const home = new Set(loads['/']?.all ?? []);
for (const { label, files } of added) {
	const extra = await Promise.all(
		files
			.filter((path) => !home.has(path))
			.map(async (path) => (await compressedSizes(join(BUILD, path))).gzip)
	);
	const total = await Promise.all(files.map(async (path) => (await compressedSizes(join(BUILD, path))).gzip));
	console.log(
		`${label}: adds ${kB(extra.reduce((sum, size) => sum + size, 0))} JavaScript gzip in ${extra.length} files ` +
			`to the staff home's (cold load ${kB(total.reduce((sum, size) => sum + size, 0))} in ${total.length} files)`
	);
}
const homeFirstScreen = await Promise.all(
	(loads['/']?.beforePaint ?? []).map((path) => readFile(join(BUILD, path), 'utf8'))
);
const found = Object.entries(HEAVY_MARKERS)
	.filter(([, marker]) => homeFirstScreen.some((source) => source.includes(marker)))
	.map(([name]) => name);
console.log(
	`staff home's first screen loads pinyin, QR or notice code: ${found.length === 0 ? 'no' : found.join(', ')}`
);
console.log(
	`Baseline, all app JavaScript in one load: ${kB(everythingGzip)} gzip in ${everything.length} files. ` +
		`Measured from ${relative(ROOT, BUILD)}/ with gzip level 9.`
);
