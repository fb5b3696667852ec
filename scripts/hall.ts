/**
 * Runs Hall Assist locally: the local Supabase stack plus the built app on a static server.
 * Shared by `npm start` (scripts/start.ts) and the end-to-end tests (tests/e2e/serve.ts).
 */
import { startStack, type RunningStack, type StackOptions } from '../supabase/local/stack';
import type { BackendEnv } from './backend-env';
import { DEMO_PASSWORD, listDemoAccounts, type DemoAccount } from './demo-accounts';
import { hasBuild, serveStatic, type StaticServer } from './static-server';

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
	const accounts: DemoAccount[] = hall.stack ? await listDemoAccounts(hall.stack.databaseUrl) : [];
	const width = Math.max(...accounts.map((account) => account.email.length), 10);
	const lines = [
		'',
		'  综窗助手 Hall Assist is running',
		'',
		`  App       ${hall.appUrl}`,
		`  Supabase  ${backend.url}${hall.stack ? '  (local stack)' : '  (hosted, not started here)'}`
	];
	if (accounts.length > 0) {
		lines.push('', `  Demo accounts (password ${DEMO_PASSWORD}):`);
		for (const account of accounts) {
			lines.push(
				`    ${account.email.padEnd(width)}  ${account.displayName}  ${account.post}  ${account.hallName}`
			);
		}
	}
	lines.push('', '  Press Ctrl-C to stop.', '');
	console.log(lines.join('\n'));
}

/**
 * Stops everything on Ctrl-C or SIGTERM, then exits. A second Ctrl-C while stopping exits at once, for the
 * case where something hangs.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
	let stopping = false;
	const onSignal = (signal: NodeJS.Signals): void => {
		if (stopping) process.exit(130);
		stopping = true;
		console.log(`\n${signal}: stopping…`);
		stop().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error('Error while stopping:', error);
				process.exit(1);
			}
		);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
}
