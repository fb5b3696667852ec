import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { readAuthSettings } from './auth-config';
import {
	defaultDataDir,
	defaultDbPort,
	defaultGatewayPort,
	localAnonKey,
	localJwtSecret,
	localServiceRoleKey,
	portFromEnv
} from './config';
import { serverDataDir } from './data-dir';
import { startGateway } from './gateway/server';
import { prepareGatewayLogins } from './gateway-logins';
import { defaultTokenRateLimit, type RateLimit } from './gateway/rate-limit';
import { stopLeftoverServer } from './leftover-server';
import { migrate } from './migrate';
import { assertPortFree } from './ports';
import { startEmbeddedPostgres, type RunningPostgres } from './postgres';

export interface StackOptions {
	gatewayPort?: number; // default 54321 (env HALL_GATEWAY_PORT)
	dbPort?: number; // default 54322 (env HALL_DB_PORT)
	dataDir?: string; // default supabase/.data/pg (env HALL_DATA_DIR)
	databaseUrl?: string; // env DATABASE_URL: use an existing server instead of embedded Postgres
	seed?: boolean; // apply the seed files of supabase/config.toml on a fresh database (default true)
	history?: boolean; // then generate 90 days of demo history (docs/HISTORY.md; default false)
	log?: (line: string) => void;
	/** Overrides supabase/config.toml's [auth] refresh_token_reuse_interval (seconds). */
	refreshTokenReuseIntervalSeconds?: number;
	/** Overrides supabase/config.toml's [auth] jwt_expiry (seconds). */
	jwtExpirySeconds?: number;
	/** Overrides supabase/config.toml's [auth.rate_limit] token_refresh (and GoTrue's burst of 30). */
	tokenRateLimit?: RateLimit;
}

export interface RunningStack {
	url: string; // http://127.0.0.1:<gatewayPort>
	anonKey: string;
	serviceRoleKey: string;
	jwtSecret: string;
	databaseUrl: string; // superuser connection string (tests use it for fixtures)
	stop(): Promise<void>; // stops gateway and (embedded) postgres; idempotent
}

interface ResolvedOptions {
	gatewayPort: number;
	dbPort: number;
	dataDir: string;
	dataDirIsDefault: boolean;
	databaseUrl: string | undefined;
	seed: boolean;
	history: boolean;
	log: (line: string) => void;
}

function resolve(options: StackOptions): ResolvedOptions {
	return {
		gatewayPort: options.gatewayPort ?? portFromEnv('HALL_GATEWAY_PORT', defaultGatewayPort),
		dbPort: options.dbPort ?? portFromEnv('HALL_DB_PORT', defaultDbPort),
		dataDir: path.resolve(options.dataDir ?? (process.env.HALL_DATA_DIR || defaultDataDir)),
		dataDirIsDefault: options.dataDir === undefined && !process.env.HALL_DATA_DIR,
		// An empty string means "embedded, even if DATABASE_URL is set" (the test harness needs that).
		databaseUrl: (options.databaseUrl ?? process.env.DATABASE_URL) || undefined,
		seed: options.seed ?? true,
		history: options.history ?? false,
		log: options.log ?? (() => undefined)
	};
}

/** PostgreSQL (embedded, or DATABASE_URL), migrated and seeded, behind the gateway on 127.0.0.1. */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
	const resolved = resolve(options);
	// Check the gateway's port first: failing after PostgreSQL started would make the user wait for nothing.
	if (resolved.gatewayPort !== 0)
		await assertPortFree(resolved.gatewayPort, 'HALL_GATEWAY_PORT', 'API gateway');
	const postgres = resolved.databaseUrl
		? undefined
		: await startEmbeddedPostgres({
				dataDir: await placeData(resolved),
				port: resolved.dbPort,
				log: resolved.log
			});
	const databaseUrl = resolved.databaseUrl ?? postgres?.databaseUrl ?? '';
	try {
		await migrate(databaseUrl, { seed: resolved.seed, history: resolved.history, log: resolved.log });
		const logins = await prepareGatewayLogins(databaseUrl);
		const auth = readAuthSettings();
		const gateway = await startGateway({
			storageDir: storageDirOf(resolved.dataDir),
			restDatabaseUrl: logins.rest,
			authDatabaseUrl: logins.auth,
			port: resolved.gatewayPort,
			jwtSecret: localJwtSecret,
			jwtExpirySeconds: options.jwtExpirySeconds ?? auth.jwtExpirySeconds,
			refreshTokenReuseIntervalSeconds:
				options.refreshTokenReuseIntervalSeconds ?? auth.refreshTokenReuseIntervalSeconds,
			tokenRateLimit: options.tokenRateLimit ?? {
				perFiveMinutes: auth.tokenRequestsPerFiveMinutes,
				burst: defaultTokenRateLimit.burst
			},
			log: resolved.log
		});
		let stopping: Promise<void> | undefined;
		return {
			url: gateway.url,
			anonKey: localAnonKey,
			serviceRoleKey: localServiceRoleKey,
			jwtSecret: localJwtSecret,
			databaseUrl,
			stop() {
				stopping ??= (async () => {
					await gateway.close().catch((error: unknown) => resolved.log(`gateway close: ${String(error)}`));
					await postgres?.stop();
				})();
				return stopping;
			}
		};
	} catch (error) {
		await postgres?.stop();
		throw error;
	}
}

/**
 * A brand-new database with migrations and seed applied, like `supabase db reset`. Embedded: the data directory
 * is deleted and re-initialised (refused while a stack runs on it). DATABASE_URL: that database is dropped and
 * created again.
 */
export async function resetDatabase(options: StackOptions = {}): Promise<void> {
	const resolved = resolve(options);
	if (resolved.databaseUrl) {
		await removeStorage(resolved);
		await recreateDatabase(resolved.databaseUrl, resolved.log);
		await migrate(resolved.databaseUrl, {
			seed: resolved.seed,
			history: resolved.history,
			log: resolved.log
		});
		return;
	}
	const dataDir = await placeData(resolved);
	await stopLeftoverServer(dataDir, resolved.log);
	await removeStorage(resolved);
	resolved.log(`Deleting ${dataDir}`);
	await rm(dataDir, { recursive: true, force: true });
	let postgres: RunningPostgres | undefined;
	try {
		postgres = await startEmbeddedPostgres({
			dataDir,
			port: resolved.dbPort,
			log: resolved.log
		});
		await migrate(postgres.databaseUrl, {
			seed: resolved.seed,
			history: resolved.history,
			log: resolved.log
		});
	} finally {
		await postgres?.stop();
	}
}

/**
 * Where Storage's object bytes live: beside the configured data directory (supabase/.data/pg-storage by
 * default), written by the gateway's own process, so `db:reset` clears them together with the database.
 */
export function storageDirOf(dataDir: string): string {
	return path.join(path.dirname(dataDir), `${path.basename(dataDir)}-storage`);
}

async function removeStorage(resolved: ResolvedOptions): Promise<void> {
	const storageDir = storageDirOf(resolved.dataDir);
	resolved.log(`Deleting ${storageDir}`);
	await rm(storageDir, { recursive: true, force: true });
}

/** The data directory the embedded server can reach: the configured one, or where root moved the default. */
function placeData(resolved: ResolvedOptions): Promise<string> {
	return serverDataDir({
		dataDir: resolved.dataDir,
		isDefault: resolved.dataDirIsDefault,
		log: resolved.log
	});
}

async function recreateDatabase(databaseUrl: string, log: (line: string) => void): Promise<void> {
	const target = new URL(databaseUrl);
	const name = decodeURIComponent(target.pathname.replace(/^\//, '')) || 'postgres';
	const maintenance = new URL(databaseUrl);
	maintenance.pathname = name === 'template1' ? '/postgres' : '/template1';
	const client = new pg.Client({ connectionString: maintenance.toString() });
	await client.connect();
	try {
		log(`Dropping and re-creating database ${name}`);
		await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
		await client.query(`create database ${client.escapeIdentifier(name)}`);
	} finally {
		await client.end();
	}
}
