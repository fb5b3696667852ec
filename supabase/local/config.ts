import { readFile } from 'node:fs/promises';
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
export const configFile = path.join(repoRoot, 'supabase', 'config.toml');
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

/**
 * The seed files `supabase db reset` applies, in order: `[db.seed] sql_paths` of supabase/config.toml (relative to
 * the supabase folder), or none when `enabled = false`. The one file read by both the CLI and this stack, so a seed
 * added there is applied everywhere. Plain paths only (the CLI also takes globs; this project lists its files).
 */
export async function seedFiles(config = configFile): Promise<string[]> {
	return seedFilesOf(await readFile(config, 'utf8'), path.dirname(config));
}

export function seedFilesOf(toml: string, supabaseDir: string): string[] {
	const section = /^\[db\.seed\][^\S\n]*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1] ?? '';
	if (/^\s*enabled\s*=\s*false\b/m.test(section)) return [];
	const list = /^\s*sql_paths\s*=\s*\[([\s\S]*?)\]/m.exec(section)?.[1];
	if (list === undefined) return [path.join(supabaseDir, 'seed.sql')]; // the CLI's default
	return [...list.matchAll(/"([^"]*)"|'([^']*)'/g)].map((match) =>
		path.resolve(supabaseDir, match[1] ?? match[2] ?? '')
	);
}
