/**
 * The app built for the end-to-end stack: the app is static, so the gateway's URL is baked in at build time, and
 * the e2e stack has ports of its own (ports.ts). Used by serve.ts (Playwright's web server) and by `npm test`,
 * which builds beside vitest (scripts/test.ts) and tells serve.ts so with E2E_PREBUILT=1.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCAL_SUPABASE_ANON_KEY } from '../../src/lib/backend/local-stack';
import { E2E_GATEWAY_URL } from './ports';
import { policyOf } from './support/page-policy';

const ROOT = join(import.meta.dirname, '..', '..');

/** SvelteKit's folder for this build, inside the ignored .svelte-kit. */
const E2E_KIT_OUT_DIR = '.svelte-kit/e2e';

/** Set by `npm test` once it has built the app for this run; serve.ts then serves that build. */
export const PREBUILT_ENV = 'E2E_PREBUILT';

/**
 * Runs `vite build` into build/ for the e2e gateway, its output kept for the caller to print if it fails: it runs
 * beside vitest in `npm test`, whose report should not be interleaved with the PWA plugin's notes, and SvelteKit
 * notes at every build that the tsconfig extends .svelte-kit/tsconfig.json rather than this build's own copy,
 * which is meant. E2E_SOURCEMAP=1 adds source maps, for a profile that names sources (tests/bench/home-first-sync.ts).
 */
export function buildForE2e(): Promise<{ ok: boolean; output: string }> {
	const sourcemap = process.env['E2E_SOURCEMAP'] ? ['--sourcemap'] : [];
	const build = spawn('npx', ['vite', 'build', '--logLevel', 'error', ...sourcemap], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			PUBLIC_SUPABASE_URL: E2E_GATEWAY_URL,
			PUBLIC_SUPABASE_ANON_KEY: LOCAL_SUPABASE_ANON_KEY,
			// Its own generated files: vitest, lint and svelte-check may sync .svelte-kit meanwhile (svelte.config.js).
			HALL_KIT_OUT_DIR: E2E_KIT_OUT_DIR
		}
	});
	let output = '';
	build.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	build.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	return new Promise((resolve) => {
		build.once('error', (error) => resolve({ ok: false, output: `${output}${String(error)}\n` }));
		build.once('close', (code) => resolve({ ok: code === 0, output }));
	});
}

/**
 * What makes an e2e build unusable, or null. A build that read another process's generated files (see
 * svelte.config.js) served pages whose policy pointed at another gateway and whose start script set a global that
 * its JavaScript never read: every test then waited out its full timeout. Checked before the stack starts, so such a
 * build fails the run in seconds with the reason.
 */
export async function e2eBuildProblem(buildDir: string): Promise<string | null> {
	const html = await readFile(join(buildDir, 'index.html'), 'utf8').catch(() => '');
	if (!html) return `${buildDir}/index.html is missing`;
	const connectSrc = policyOf(html).get('connect-src') ?? [];
	if (!connectSrc.includes(E2E_GATEWAY_URL))
		return `the pages' policy connects to "${connectSrc.join(' ')}", not to the e2e gateway ${E2E_GATEWAY_URL}`;
	// SvelteKit's start script hands the app its settings in a global named after the build's version.
	const global = /__sveltekit_\w+/.exec(html)?.[0];
	const chunks = join(buildDir, '_app', 'immutable', 'chunks');
	const scripts = await Promise.all(
		(await readdir(chunks))
			.filter((name) => name.endsWith('.js'))
			.map((name) => readFile(join(chunks, name), 'utf8'))
	);
	if (!global || !scripts.some((script) => script.includes(global)))
		return `the pages' start script sets ${global ?? 'no SvelteKit global'}, which no script of the build reads`;
	return null;
}
