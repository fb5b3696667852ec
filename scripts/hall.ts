/**
 * Runs Hall Assist locally: the local Supabase stack plus the built app on a static server.
 * Shared by `npm start` (scripts/start.ts) and the end-to-end tests (tests/e2e/serve.ts).
 */
import { listDemoAccounts } from '../supabase/local/demo-accounts';
import { startStack, type RunningStack, type StackOptions } from '../supabase/local/stack';
import type { BackendEnv } from './backend-env';
import { hasBuild, serveStatic, type StaticServer } from './static-server';

/** Every demo account shares this password (see the header of supabase/seed.sql). */
export const DEMO_PASSWORD = 'demo1234';

export interface HallOptions {
	backend: BackendEnv;
	appPort: number;
	buildDir: string;
	stack?: Omit<StackOptions, 'gatewayPort'>;
}

export interface RunningHall {
	appUrl: string;
	stack: RunningStack | null;
	stop(): Promise<void>;
}

export async function startHall(options: HallOptions): Promise<RunningHall> {
	if (!(await hasBuild(options.buildDir))) {
		throw new Error(
			`No build in ${options.buildDir}. Run \`npm run build\` first (npm start does it for you).`
		);
	}
	// The app's port first: if it is taken we fail in a second instead of after starting Postgres.
	const app: StaticServer = await serveStatic({ root: options.buildDir, port: options.appPort });
	let stack: RunningStack | null = null;
	try {
		const gatewayPort = options.backend.localGatewayPort;
		if (gatewayPort !== null) stack = await startStack({ ...options.stack, gatewayPort });
	} catch (error) {
		await app.close();
		throw error;
	}
	let stopping: Promise<void> | undefined;
	return {
		appUrl: app.url,
		stack,
		stop: () => (stopping ??= Promise.all([app.close(), stack?.stop()]).then(() => undefined))
	};
}

export async function printBanner(hall: RunningHall, backend: BackendEnv): Promise<void> {
	const accounts = hall.stack ? await listDemoAccounts(hall.stack.databaseUrl) : [];
	const lines = [
		'',
		'  综窗助手 Hall Assist is running',
		'',
		`  App       ${hall.appUrl}`,
		`  Supabase  ${backend.url}${hall.stack ? '  (local stack)' : '  (hosted, not started here)'}`
	];
	if (accounts.length > 0) {
		lines.push('', `  Demo accounts (password ${DEMO_PASSWORD}):`);
		const width = Math.max(...accounts.map((account) => account.email.length));
		for (const { email, displayName, post, hall: hallName } of accounts) {
			const about = [displayName, post, hallName].filter(Boolean).join('  ');
			lines.push(`    ${email.padEnd(width)}  ${about}`);
		}
	}
	lines.push('', '  Press Ctrl-C to stop.', '');
	console.log(lines.join('\n'));
}

/**
 * Stops what was started on Ctrl-C, SIGTERM or SIGHUP, then exits. Installed before anything starts: a signal
 * that arrives while Postgres is still starting is remembered and acted on once `register` hands over the stop
 * function, so no server is left behind. A second signal while stopping exits at once, in case something hangs.
 */
export function handleShutdownSignals(): { register(stop: () => Promise<void>): void } {
	let stop: (() => Promise<void>) | undefined;
	let requested = false;
	let stopping = false;
	const run = (): void => {
		if (!stop || stopping) return;
		stopping = true;
		stop().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error('Error while stopping:', error);
				process.exit(1);
			}
		);
	};
	const onSignal = (signal: NodeJS.Signals): void => {
		if (stopping) process.exit(130);
		console.log(`\n${signal}: stopping…`);
		requested = true;
		run();
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
	return {
		register(next) {
			stop = next;
			if (requested) run();
		}
	};
}
