/**
 * Bundle size of the sign-in page: the gzip size of every JavaScript file the browser loads for /login,
 * measured by loading the built app in Chromium (so lazy chunks and modulepreloads count exactly as a phone
 * would fetch them). Baseline in the same run: all of the app's JavaScript, i.e. what a page would cost if
 * nothing were split by route.
 *
 * Builds first (set BENCH_SKIP_BUILD=1 to measure the existing `build/`). No backend needed: the sign-in page
 * makes no requests until someone signs in.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { serveStatic } from '../../scripts/static-server';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILD = join(ROOT, 'build');

const gzipSize = async (file: string): Promise<number> => gzipSync(await readFile(file), { level: 9 }).length;
const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

async function allJsFiles(directory: string): Promise<string[]> {
	const entries = await readdir(directory, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
		.map((entry) => join(entry.parentPath, entry.name));
}

if (process.env['BENCH_SKIP_BUILD'] !== '1') {
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'ignore' });
	if (build.status !== 0) throw new Error('vite build failed; run `npm run build` to see why');
}

const server = await serveStatic({ root: BUILD, port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const loaded = new Set<string>();
try {
	const page = await browser.newPage();
	page.on('response', (response) => {
		const path = new URL(response.url()).pathname;
		if (path.startsWith('/_app/') && path.endsWith('.js')) loaded.add(path);
	});
	await page.goto(`${server.url}/login`, { waitUntil: 'networkidle' });
	await page.getByTestId('login-form').waitFor();
} finally {
	await browser.close();
	await server.close();
}

const signIn = await Promise.all(
	[...loaded].map(async (path) => ({ path, gzip: await gzipSize(join(BUILD, path)) }))
);
signIn.sort((a, b) => b.gzip - a.gzip);
const signInTotal = signIn.reduce((sum, file) => sum + file.gzip, 0);

const everything = await Promise.all(
	(await allJsFiles(join(BUILD, '_app'))).map(async (file) => ({ file, gzip: await gzipSize(file) }))
);
const everythingTotal = everything.reduce((sum, file) => sum + file.gzip, 0);

console.log(`Sign-in page (/login) JavaScript: ${kB(signInTotal)} gzip in ${signIn.length} files`);
for (const { path, gzip } of signIn) console.log(`  ${kB(gzip).padStart(9)}  ${path}`);
console.log(
	`Baseline, all app JavaScript in one load: ${kB(everythingTotal)} gzip in ${everything.length} files ` +
		`(sign-in page loads ${((signInTotal / everythingTotal) * 100).toFixed(0)}% of it)`
);
console.log(`Measured from ${relative(ROOT, BUILD)}/ with gzip level 9.`);
