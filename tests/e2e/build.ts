/**
 * The app built for the end-to-end stack: the app is static, so the gateway's URL is baked in at build time, and
 * the e2e stack has ports of its own (ports.ts). Used by serve.ts (Playwright's web server) and by `npm test`,
 * which builds beside vitest (scripts/test.ts) and tells serve.ts so with E2E_PREBUILT=1.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { LOCAL_SUPABASE_ANON_KEY } from '../../src/lib/backend/local-stack';
import { E2E_GATEWAY_URL } from './ports';

const ROOT = join(import.meta.dirname, '..', '..');

/** Set by `npm test` once it has built the app for this run; serve.ts then serves that build. */
export const PREBUILT_ENV = 'E2E_PREBUILT';

/**
 * Runs `vite build` into build/ for the e2e gateway. `quiet` keeps its output until it fails (it runs beside
 * vitest, whose report should not be interleaved with the PWA plugin's notes). E2E_SOURCEMAP=1 adds source maps,
 * for a profile that names sources (tests/bench/home-first-sync.ts).
 */
export function buildForE2e({ quiet = false } = {}): Promise<{ ok: boolean; output: string }> {
	const sourcemap = process.env['E2E_SOURCEMAP'] ? ['--sourcemap'] : [];
	const build = spawn('npx', ['vite', 'build', '--logLevel', 'error', ...sourcemap], {
		cwd: ROOT,
		stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
		env: {
			...process.env,
			PUBLIC_SUPABASE_URL: E2E_GATEWAY_URL,
			PUBLIC_SUPABASE_ANON_KEY: LOCAL_SUPABASE_ANON_KEY
		}
	});
	let output = '';
	build.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	build.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	return new Promise((resolve) => {
		build.once('error', (error) => resolve({ ok: false, output: `${output}${String(error)}\n` }));
		build.once('close', (code) => resolve({ ok: code === 0, output }));
	});
}
