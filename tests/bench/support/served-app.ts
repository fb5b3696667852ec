import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * Starts the e2e web server (tests/e2e/serve.ts: build + fresh seeded stack + static app) in its own process
 * group, on the E2E_*_PORT ports, and resolves with its stop function once both the app and the gateway answer.
 * The ports module is imported here, not at the top, so a bench can choose its ports through the environment
 * first. Refuses to start when something already answers on the app port: a bench never measures another run.
 */
export async function startServedApp(): Promise<() => Promise<void>> {
	const { E2E_APP_URL, E2E_GATEWAY_URL } = await import('../../e2e/ports');
	const appUp = (): Promise<boolean> =>
		fetch(`${E2E_APP_URL}/login`).then(
			(response) => response.ok,
			() => false
		);
	// Any answer will do: the gateway listens only once the database is migrated and seeded.
	const gatewayUp = (): Promise<boolean> =>
		fetch(`${E2E_GATEWAY_URL}/auth/v1/health`).then(
			() => true,
			() => false
		);

	if (await appUp()) throw new Error(`${E2E_APP_URL} is already in use; stop that server first`);
	const server = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/serve.ts'], {
		cwd: ROOT,
		detached: true,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const pid = server.pid;
	if (pid === undefined) throw new Error('could not start tests/e2e/serve.ts');
	const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
	const exitedWithin = (ms: number): Promise<boolean> =>
		Promise.race([
			exited.then(() => true),
			new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())
		]);
	const signalGroup = (signal: NodeJS.Signals): void => {
		try {
			process.kill(-pid, signal);
		} catch {
			// the group is already gone
		}
	};
	let stopping: Promise<void> | undefined;
	const stop = (): Promise<void> =>
		(stopping ??= (async () => {
			// serve.ts shuts the stack down on SIGTERM; the group is only signalled if it does not (for instance
			// when stopped during its synchronous build, before it listens for signals).
			if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
			if (await exitedWithin(60_000)) return;
			console.error('bench: the e2e server did not stop in 60 s; stopping its process group');
			signalGroup('SIGTERM');
			if (await exitedWithin(10_000)) return;
			signalGroup('SIGKILL');
			await exited;
		})());
	try {
		const deadline = Date.now() + 300_000;
		for (;;) {
			if (server.exitCode !== null || server.signalCode !== null)
				throw new Error('the e2e server exited during start-up');
			// serve.ts serves the app, then starts the stack; the gateway comes last, after migrations and seed.
			if ((await appUp()) && (await gatewayUp())) break;
			if (Date.now() > deadline) throw new Error('the e2e server did not start in 5 minutes');
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return stop;
}
