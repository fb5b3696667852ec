/**
 * Which Supabase the built app talks to, seen from Node: the same environment and `.env` files SvelteKit reads
 * at build time, and the same fallbacks as `src/lib/backend/config.ts`. `npm start` builds and then starts the
 * stack in one environment, so both sides agree on the gateway's port.
 */
import { loadEnv } from 'vite';
import { LOCAL_SUPABASE_ANON_KEY, LOCAL_SUPABASE_URL } from '../src/lib/backend/local-stack';

export interface BackendEnv {
	url: string;
	anonKey: string;
	/** The port to start the local gateway on, or null when the app points at a hosted Supabase project. */
	localGatewayPort: number | null;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function backendEnv(mode: 'production' | 'development', root = process.cwd()): BackendEnv {
	const env = loadEnv(mode, root, 'PUBLIC_');
	const url = env['PUBLIC_SUPABASE_URL'] || LOCAL_SUPABASE_URL;
	const anonKey = env['PUBLIC_SUPABASE_ANON_KEY'] || LOCAL_SUPABASE_ANON_KEY;
	const parsed = new URL(url);
	if (!LOCAL_HOSTS.has(parsed.hostname)) return { url, anonKey, localGatewayPort: null };
	const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
	const requested = process.env['HALL_GATEWAY_PORT'];
	if (requested && Number(requested) !== port) {
		// The build has the URL baked in: a stack on another port would leave the app talking to nobody.
		throw new Error(
			`HALL_GATEWAY_PORT=${requested} but the app is built for ${url}. ` +
				`Set PUBLIC_SUPABASE_URL=http://127.0.0.1:${requested} instead; the build and the stack both follow it.`
		);
	}
	return { url, anonKey, localGatewayPort: port };
}

/** Reads a TCP port from the environment; a typo fails loudly instead of falling back silently. */
export function portFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const port = Number(raw);
	if (!Number.isInteger(port) || port <= 0 || port > 65535) {
		throw new Error(`${name}=${raw} is not a TCP port number (1-65535)`);
	}
	return port;
}
