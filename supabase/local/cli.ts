/**
 * The local Supabase stand-in.
 *   npx tsx supabase/local/cli.ts start   PostgreSQL + migrations + seed + API gateway, until Ctrl-C
 *   npx tsx supabase/local/cli.ts reset   recreate the database (migrations + seed), then exit
 * A database created by either also gets 90 days of demo history (supabase/demo/history.sql, docs/HISTORY.md),
 * unless HALL_DEMO_HISTORY=off (the seed alone: a faster start, e.g. for tests of the CLI itself).
 * Environment: HALL_GATEWAY_PORT (54321), HALL_DB_PORT (54322), HALL_DATA_DIR (supabase/.data/pg), DATABASE_URL.
 */
import { listDemoAccounts } from './demo-accounts';
import { resetDatabase, startStack, type RunningStack } from './stack';

const history = process.env.HALL_DEMO_HISTORY !== 'off';

const log = (line: string) => {
	// PostgreSQL's own chatter is only interesting when something fails; the error then carries it.
	if (!line.startsWith('[postgres]') || process.env.HALL_VERBOSE) console.log(line);
};

async function start(): Promise<void> {
	// Filled once started; the signal handler must see it, and a signal may arrive before it exists.
	const running: { stack?: RunningStack } = {};
	let stopping = false;
	const shutdown = (signal: NodeJS.Signals) => {
		if (stopping) {
			// A second Ctrl-C while stopping or starting: the user insists. PostgreSQL still gets its
			// shutdown signal from the kernel when we exit (see postgres.ts).
			process.exit(1);
		}
		stopping = true;
		if (!running.stack) {
			// Leaving now would strand initdb's temporary files or a half-started server; finish, then stop.
			console.log(`\n${signal}: stopping as soon as the stack has started (Ctrl-C again to force)...`);
			return;
		}
		console.log(`\n${signal}: stopping the local stack...`);
		running.stack.stop().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			}
		);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	process.on('SIGHUP', shutdown);

	let stack: RunningStack;
	try {
		stack = await startStack({ log, history });
	} catch (error) {
		// Stopped during start-up (Ctrl-C also reaches PostgreSQL directly): a failed start is the expected end.
		if (stopping) process.exit(0);
		throw error;
	}
	running.stack = stack;
	if (stopping) {
		// A signal arrived while starting: the stack exists only now, so stop it now.
		await stack.stop();
		process.exit(0);
	}
	const accounts = await listDemoAccounts(stack.databaseUrl).catch(() => []);
	console.log(
		[
			'',
			'Local Supabase stack is running.',
			'',
			`         API URL: ${stack.url}`,
			`          DB URL: ${stack.databaseUrl}`,
			`      JWT secret: ${stack.jwtSecret}`,
			`        anon key: ${stack.anonKey}`,
			`service_role key: ${stack.serviceRoleKey}`,
			''
		].join('\n')
	);
	if (accounts.length === 0) {
		console.log(
			'No demo accounts in the database (supabase/seed.sql marks them with raw_app_meta_data.demo).'
		);
	} else {
		console.log('Demo accounts (password demo1234 unless the seed says otherwise):');
		for (const account of accounts) {
			const about = [account.displayName, account.post, account.hall].filter(Boolean).join(' · ');
			console.log(`  ${account.email.padEnd(28)} ${about}`);
		}
	}
	console.log('\nPress Ctrl-C to stop.');
}

async function main(): Promise<void> {
	const command = process.argv[2];
	if (command === 'start') return start();
	if (command === 'reset') {
		await resetDatabase({ log, history });
		console.log(`Database recreated: migrations, seed${history ? ' and demo history' : ''} applied.`);
		return;
	}
	console.error('Usage: tsx supabase/local/cli.ts <start|reset>');
	process.exit(2);
}

main().catch((error: unknown) => {
	console.error(`\nError: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
