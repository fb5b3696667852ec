/**
 * `npm start` (= `vite build && tsx scripts/start.ts`): the local Supabase stack and the built app, with a
 * banner that says where to go and how to sign in.
 *
 * Environment: HALL_APP_PORT (default 5173); PUBLIC_SUPABASE_URL decides the gateway's port, because the
 * static build has that URL baked in (default http://127.0.0.1:54321); HALL_DB_PORT, HALL_DATA_DIR and
 * DATABASE_URL are read by the stack itself.
 */
import { join } from 'node:path';
import { backendEnv, portFromEnv } from './backend-env';
import { handleShutdownSignals, printBanner, startHall } from './hall';

const ROOT = join(import.meta.dirname, '..');
const DEFAULT_APP_PORT = 5173;

// PostgreSQL's own chatter only matters when something fails, and then the error carries it.
const log = (line: string): void => {
	if (!line.startsWith('[postgres]') || process.env['HALL_VERBOSE']) console.log(`[stack] ${line}`);
};

const shutdown = handleShutdownSignals();
try {
	const backend = backendEnv('production', ROOT);
	const appPort = portFromEnv('HALL_APP_PORT', DEFAULT_APP_PORT);
	const hall = await startHall({
		backend,
		appPort,
		buildDir: join(ROOT, 'build'),
		stack: { log, history: true }
	});
	shutdown.register(() => hall.stop());
	await printBanner(hall, backend);
} catch (error) {
	console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
	if (error instanceof Error && error.name === 'PortInUseError') {
		console.error(
			'Ports: the app uses HALL_APP_PORT (default 5173), the gateway the port in PUBLIC_SUPABASE_URL ' +
				'(default 54321), the database HALL_DB_PORT (default 54322).'
		);
	}
	process.exit(1);
}
