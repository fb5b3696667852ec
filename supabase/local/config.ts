import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file so the CLI works from any working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Supabase's local-development JWT secret and the keys `supabase start` prints. They are public on purpose:
 * the same values let the app's `.env.example` work against this stack and against `supabase start`.
 */
export const localJwtSecret = 'super-secret-jwt-token-with-at-least-32-characters-long';
export const localAnonKey =
	'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
export const localServiceRoleKey =
	'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

export const defaultGatewayPort = 54321;
export const defaultDbPort = 54322;
export const defaultDataDir = path.join(repoRoot, 'supabase', '.data', 'pg');
export const migrationsDir = path.join(repoRoot, 'supabase', 'migrations');
export const seedFile = path.join(repoRoot, 'supabase', 'seed.sql');
export const platformFile = path.join(repoRoot, 'supabase', 'local', 'platform.sql');

/** Reads a TCP port from the environment; a typo must fail loudly rather than fall back silently. */
export function portFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`${name}=${raw} is not a TCP port number (0-65535)`);
	}
	return port;
}
