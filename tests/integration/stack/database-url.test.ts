import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../supabase/local/ports';
import { stack } from '../support/clients';
import { runCli } from '../support/cli-process';

// DATABASE_URL points the stack at an existing PostgreSQL: no embedded server, and that server is left alone.

const databaseName = `hall_database_url_${process.pid}`;
let admin: pg.Client;
let databaseUrl: string;
let workDir: string;

beforeAll(async () => {
	admin = new pg.Client({ connectionString: stack().databaseUrl });
	await admin.connect();
	await admin.query(`create database ${databaseName}`);
	const url = new URL(stack().databaseUrl);
	url.pathname = `/${databaseName}`;
	databaseUrl = url.toString();
	workDir = await mkdtemp(path.join(os.tmpdir(), 'hall-dburl-test-'));
});

afterAll(async () => {
	await admin.query(`drop database if exists ${databaseName} with (force)`);
	await admin.end();
	await rm(workDir, { recursive: true, force: true });
});

async function count(text: string): Promise<number> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const result = await client.query<{ n: string }>(text);
		return Number(result.rows[0]?.n);
	} finally {
		await client.end();
	}
}

describe('DATABASE_URL', { timeout: 120_000 }, () => {
	it('migrates and seeds that database, starts no PostgreSQL of its own, and leaves the server running', async () => {
		const dataDir = path.join(workDir, 'pg');
		const env = {
			DATABASE_URL: databaseUrl,
			HALL_DATA_DIR: dataDir,
			HALL_GATEWAY_PORT: String(await freePort()),
			HALL_DB_PORT: String(await freePort())
		};
		const run = runCli('start', env);
		await run.waitFor('Press Ctrl-C to stop.');
		expect(run.output()).toContain(`DB URL: ${databaseUrl}`);
		expect(existsSync(dataDir)).toBe(false);
		expect(await count('select count(*) as n from supabase_migrations.schema_migrations')).toBeGreaterThan(0);
		const seededUsers = await count(
			`select count(*) as n from auth.users where raw_app_meta_data ->> 'demo' = 'true'`
		);
		expect(seededUsers).toBeGreaterThan(0);

		const signIn = await fetch(
			`http://127.0.0.1:${env.HALL_GATEWAY_PORT}/auth/v1/token?grant_type=password`,
			{
				method: 'POST',
				headers: { apikey: stack().anonKey, 'content-type': 'application/json' },
				body: JSON.stringify({ email: 'nobody@example.test', password: 'x' })
			}
		);
		expect(signIn.status).toBe(400);

		run.child.kill('SIGTERM');
		expect((await run.exited).code).toBe(0);
		// The external server is still up, with its data.
		expect(
			await count(`select count(*) as n from auth.users where raw_app_meta_data ->> 'demo' = 'true'`)
		).toBe(seededUsers);

		const reset = runCli('reset', env);
		expect((await reset.exited).code).toBe(0);
		expect(reset.output()).toContain(`Dropping and re-creating database ${databaseName}`);
		expect(await count('select count(*) as n from supabase_migrations.schema_migrations')).toBeGreaterThan(0);
	});
});
