// Time from `npm start` to the banner ("ready"), on a warm install: once with a new data directory (initdb,
// migrations, seed) and once again on the same data (the everyday case). Own ports and a temp data dir, so a
// developer's running stack is never touched. Baseline in the same run: `vite build` alone, the part of
// `npm start` that does not depend on the stack.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../supabase/local/ports';
import { makeScratchDir } from '../../supabase/local/scratch-dir';

const root = join(import.meta.dirname, '..', '..');
const READY = 'Press Ctrl-C to stop.';

async function timeStart(env: NodeJS.ProcessEnv): Promise<number> {
	const started = performance.now();
	// detached: its own process group, so the SIGTERM below reaches npm, tsx and node alike.
	const child = spawn('npm', ['start'], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	let output = '';
	const ready = await new Promise<boolean>((resolve) => {
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes(READY)) resolve(true);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', () => resolve(false));
	});
	const elapsed = performance.now() - started;
	const exited = new Promise((resolve) => child.on('exit', resolve));
	if (child.pid) process.kill(-child.pid, 'SIGTERM');
	await exited;
	if (!ready) throw new Error(`npm start did not become ready:\n${output.slice(-2000)}`);
	return elapsed;
}

const dataDir = await makeScratchDir('hall-bench-start-');
try {
	const gatewayPort = await freePort();
	const env = {
		...process.env,
		HALL_APP_PORT: String(await freePort()),
		HALL_DB_PORT: String(await freePort()),
		HALL_DATA_DIR: join(dataDir, 'pg'),
		PUBLIC_SUPABASE_URL: `http://127.0.0.1:${gatewayPort}`
	};
	const buildStarted = performance.now();
	spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, env, stdio: 'ignore' });
	const buildOnly = performance.now() - buildStarted;
	const fresh = await timeStart(env);
	const warm = await timeStart(env);
	const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	console.log(`npm start → ready, new database:      ${seconds(fresh)}`);
	console.log(`npm start → ready, existing database: ${seconds(warm)}`);
	console.log(`baseline: vite build alone:           ${seconds(buildOnly)}`);
} finally {
	rmSync(dataDir, { recursive: true, force: true });
}
