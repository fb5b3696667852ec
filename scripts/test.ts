/**
 * `npm test`: vitest (unit and integration tests, the short proof runs), then Playwright, as
 * `vitest run && playwright test` would, with one difference: the app's end-to-end build runs beside vitest.
 * vitest's integration files go one at a time against one stack and leave a core mostly idle for minutes, while
 * the build is a minute or more of CPU that Playwright's web server would otherwise spend before the first test
 * (CI must finish within 30 minutes on two cores). Playwright's server (tests/e2e/serve.ts) then serves that build.
 * For one suite, run `npx vitest run …` or `npx playwright test …` directly (they build as before).
 */
import { spawn } from 'node:child_process';
import { buildForE2e, PREBUILT_ENV } from '../tests/e2e/build';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
	const child = spawn(command, args, { stdio: 'inherit', env });
	return new Promise((resolve) => {
		child.once('error', (error) => {
			console.error(`test: could not run ${command}: ${String(error)}`);
			resolve(1);
		});
		child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

const build = buildForE2e();
const vitest = await run('npx', ['vitest', 'run']);
const built = await build;
if (vitest !== 0) process.exit(vitest);
if (!built.ok) {
	process.stderr.write(built.output);
	console.error('test: the end-to-end build failed (above)');
	process.exit(1);
}
process.exit(await run('npx', ['playwright', 'test'], { ...process.env, [PREBUILT_ENV]: '1' }));
