/**
 * `npm run dev`: the local Supabase stack plus Vite's dev server with hot reload, on the same ports as
 * `npm start` (app HALL_APP_PORT, default 5173; gateway from PUBLIC_SUPABASE_URL, default 54321).
 */
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { startStack, type RunningStack } from '../supabase/local/stack';
import { backendEnv, portFromEnv } from './backend-env';
import { DEMO_PASSWORD, handleShutdownSignals } from './hall';

const ROOT = join(import.meta.dirname, '..');

let stack: RunningStack | null = null;
let vite: ViteDevServer | null = null;
const stopAll = async (): Promise<void> => {
	await vite?.close();
	await stack?.stop();
};
const shutdown = handleShutdownSignals();
try {
	const backend = backendEnv('development', ROOT);
	const appPort = portFromEnv('HALL_APP_PORT', 5173);
	if (backend.localGatewayPort !== null) {
		stack = await startStack({
			gatewayPort: backend.localGatewayPort,
			log: (line) => {
				if (!line.startsWith('[postgres]')) console.log(`[stack] ${line}`);
			}
		});
	}
	// strictPort: a dev server that quietly moved to another port would make the printed URL wrong.
	vite = await createServer({ root: ROOT, server: { host: '127.0.0.1', port: appPort, strictPort: true } });
	await vite.listen();
	shutdown.register(stopAll);
	vite.printUrls();
	console.log(`  Supabase: ${backend.url}${stack ? ` (local stack; demo password ${DEMO_PASSWORD})` : ''}\n`);
} catch (error) {
	await stopAll();
	console.error(`\nnpm run dev failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
