/**
 * Playwright's web server: builds the app for the e2e gateway's URL, then starts a fresh, seeded local stack
 * in a temporary data directory and serves the build. Stops and removes everything on SIGTERM/SIGINT.
 *
 * The build is part of the run because the app is static: the gateway URL is baked in at build time, and the
 * e2e stack must not share ports with a developer's `npm start` (build.ts). With E2E_PREBUILT=1 (`npm test`, which
 * built it beside vitest) the server serves build/ as it is.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCAL_SUPABASE_ANON_KEY } from '../../src/lib/backend/local-stack';
import { handleShutdownSignals, printBanner, startHall } from '../../scripts/hall';
import { makeScratchDir } from '../../supabase/local/scratch-dir';
import { E2E_APP_PORT, E2E_DB_PORT, E2E_GATEWAY_PORT, E2E_GATEWAY_URL } from './ports';
import { buildForE2e, e2eBuildProblem, PREBUILT_ENV } from './build';
import { writeStackInfo } from './stack-info';

const ROOT = join(import.meta.dirname, '..', '..');
const backend = {
	url: E2E_GATEWAY_URL,
	anonKey: LOCAL_SUPABASE_ANON_KEY,
	localGatewayPort: E2E_GATEWAY_PORT
};

// `npm test` builds beside vitest and says so; run alone (or by a bench), the server builds first.
if (process.env[PREBUILT_ENV] !== '1') {
	console.log('e2e: building the app for the e2e stack…');
	const build = await buildForE2e();
	if (!build.ok) {
		process.stderr.write(build.output);
		console.error('e2e: vite build failed (above)');
		process.exit(1);
	}
}
const buildDir = join(ROOT, 'build');
const problem = await e2eBuildProblem(buildDir);
if (problem) {
	console.error(`e2e: the build in build/ cannot serve the e2e stack: ${problem}`);
	process.exit(1);
}

const shutdown = handleShutdownSignals();
const dataDir = await makeScratchDir('hall-e2e-');
const removeDataDir = (): Promise<void> => rm(dataDir, { recursive: true, force: true });
try {
	const hall = await startHall({
		backend,
		appPort: E2E_APP_PORT,
		buildDir,
		stack: {
			dbPort: E2E_DB_PORT,
			dataDir: join(dataDir, 'pg'),
			seed: true,
			// Two workers sign in over and over from 127.0.0.1; GoTrue's 150 per 5 minutes would throttle them.
			tokenRateLimit: { perFiveMinutes: 1_000_000, burst: 10_000 }
		}
	});
	if (hall.stack) await writeStackInfo({ databaseUrl: hall.stack.databaseUrl });
	shutdown.register(async () => {
		await hall.stop();
		await removeDataDir();
	});
	await printBanner(hall, backend);
} catch (error) {
	await removeDataDir();
	console.error('e2e: could not start the app and stack:', error);
	process.exit(1);
}
