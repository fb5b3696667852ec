import { rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../supabase/local/ports';
import { makeScratchDir } from '../../../supabase/local/scratch-dir';
import {
	isAlive,
	postmasterPid,
	runCli,
	startOrphanServer,
	waitUntilDead,
	type CliRun
} from '../support/cli-process';

// The CLI a developer runs (`npm run stack`, `npm run db:reset`): what they see and what it leaves behind.

const ready = 'Press Ctrl-C to stop.';
// Each start runs initdb or PostgreSQL recovery plus migrations; on a busy 2-core machine that takes a while.
const slow = { timeout: 120_000 };

let workDir: string;
let dataDir: string;
let env: Record<string, string>;
const running: CliRun[] = [];

beforeEach(async () => {
	workDir = await makeScratchDir('hall-cli-test-');
	dataDir = path.join(workDir, 'pg');
	env = {
		HALL_DATA_DIR: dataDir,
		HALL_GATEWAY_PORT: String(await freePort()),
		HALL_DB_PORT: String(await freePort()),
		// The CLI's own behaviour: the demo history's 5–15 s per fresh database only in the test of the data.
		HALL_DEMO_HISTORY: 'off'
	};
});

afterEach(async () => {
	// A failed assertion must not leave a stack running: stop what this test started, by its pid.
	for (const run of running.splice(0)) {
		if (run.child.exitCode === null && run.child.signalCode === null) {
			run.child.kill('SIGTERM');
			await run.exited;
		}
	}
	// And a server this test started on its own data directory (the orphan) must not outlive it either.
	const pid = postmasterPid(dataDir);
	if (pid !== undefined && pid !== process.pid && isAlive(pid)) {
		process.kill(pid, 'SIGINT');
		await waitUntilDead(pid);
	}
	await rm(workDir, { recursive: true, force: true });
});

function start(command: 'start' | 'reset' = 'start'): CliRun {
	const run = runCli(command, env);
	running.push(run);
	return run;
}

async function occupy(port: number): Promise<net.Server> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return server;
}

describe('a port that is already taken', slow, () => {
	it.each([
		['HALL_GATEWAY_PORT', 'API gateway'],
		['HALL_DB_PORT', 'PostgreSQL']
	])('%s: names the port and the variable to change, and exits with 1', async (variable, what) => {
		const port = Number(env[variable]);
		const blocker = await occupy(port);
		try {
			const run = start();
			const { code } = await run.exited;
			expect(code).toBe(1);
			expect(run.output()).toContain(`Port ${port} (${what}) is already in use`);
			expect(run.output()).toContain(`${variable}=<port>`);
			expect(postmasterPid(dataDir)).toBeUndefined();
		} finally {
			blocker.close();
		}
	});
});

describe('stopping', slow, () => {
	it.each(['SIGTERM', 'SIGINT'] as const)(
		'%s stops the gateway and PostgreSQL, exit code 0',
		async (signal) => {
			const run = start();
			await run.waitFor(ready);
			const pid = postmasterPid(dataDir);
			expect(pid).toBeDefined();
			expect(isAlive(pid ?? 0)).toBe(true);

			run.child.kill(signal);
			const { code } = await run.exited;
			expect(code).toBe(0);
			expect(await waitUntilDead(pid ?? 0)).toBe(true);
			expect(postmasterPid(dataDir)).toBeUndefined();
			await expect(fetch(`http://127.0.0.1:${env.HALL_GATEWAY_PORT}/auth/v1/user`)).rejects.toThrow();
		}
	);

	it('SIGTERM during start-up lets the start finish, then stops everything, exit code 0', async () => {
		const run = start();
		await run.waitFor('Applying migration');
		run.child.kill('SIGTERM');
		const { code } = await run.exited;
		expect(code).toBe(0);
		expect(run.output()).not.toContain(ready);
		expect(postmasterPid(dataDir)).toBeUndefined();
	});

	it('SIGKILL of the CLI does not leave PostgreSQL running, and the next start works', async () => {
		const first = start();
		await first.waitFor(ready);
		const pid = postmasterPid(dataDir) ?? 0;
		first.child.kill('SIGKILL');
		await first.exited;
		expect(await waitUntilDead(pid)).toBe(true);

		const second = start();
		await second.waitFor(ready);
		expect(second.output()).toContain(`http://127.0.0.1:${env.HALL_GATEWAY_PORT}`);
	});
});

describe('a data directory that is already in use', slow, () => {
	it('by another running stack: refuses with a message naming it, and leaves it running', async () => {
		const first = start();
		await first.waitFor(ready);
		const pid = postmasterPid(dataDir) ?? 0;

		const otherPorts = {
			HALL_GATEWAY_PORT: String(await freePort()),
			HALL_DB_PORT: String(await freePort())
		};
		const second = runCli('start', { ...env, ...otherPorts });
		running.push(second);
		expect((await second.exited).code).toBe(1);
		expect(second.output()).toContain(`Another local stack (node pid ${first.child.pid}) is already using`);
		expect(isAlive(pid)).toBe(true);
	});

	it('by a server orphaned without its stack: stops it and starts normally', async () => {
		const first = start();
		await first.waitFor(ready);
		first.child.kill('SIGTERM');
		await first.exited;
		// A server whose parent is gone, as when a stack was SIGKILLed on a machine without setpriv.
		const orphan = await startOrphanServer(dataDir, Number(env.HALL_DB_PORT));

		const second = start();
		await second.waitFor(ready);
		expect(second.output()).toContain(`Stopping a PostgreSQL server (pid ${orphan}) left over`);
		expect(isAlive(orphan)).toBe(false);
		expect(postmasterPid(dataDir)).not.toBe(orphan);
	});
});

describe('a stale postmaster.pid', slow, () => {
	it('naming a live process that is not PostgreSQL (a reused pid) is removed, and the start succeeds', async () => {
		const first = start();
		await first.waitFor(ready);
		first.child.kill('SIGTERM');
		await first.exited;
		// This test process is alive and certainly not a PostgreSQL server on that directory.
		await writeFile(path.join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n`);

		const second = start();
		await second.waitFor(ready);
		expect(second.output()).toContain(
			`Removing a stale postmaster.pid: pid ${process.pid} is not a PostgreSQL server`
		);
		expect(isAlive(process.pid)).toBe(true);
	});
});

describe('data', slow, () => {
	/** One statement on the stack's database as the superuser, as a developer would with psql. */
	async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
		const client = new pg.Client({
			connectionString: `postgresql://postgres:postgres@127.0.0.1:${env.HALL_DB_PORT}/postgres`
		});
		await client.connect();
		try {
			return (await client.query<T>(text, values)).rows;
		} finally {
			await client.end();
		}
	}

	async function stop(run: CliRun): Promise<void> {
		run.child.kill('SIGTERM');
		await run.exited;
	}

	it('survives a restart, migrations, seed and demo history are not applied twice, and reset starts over', async () => {
		delete env.HALL_DEMO_HISTORY; // as a developer runs it
		const first = start();
		await first.waitFor(ready);
		expect(first.output()).toContain('Applying migration');
		expect(first.output()).toContain('Demo history');
		await sql('create table public.restart_probe (note text)');
		await sql('insert into public.restart_probe values ($1)', ['still here']);
		await stop(first);

		const second = start();
		await second.waitFor(ready);
		expect(second.output()).not.toContain('Applying migration');
		expect(second.output()).not.toContain('Seeding data');
		expect(second.output()).not.toContain('Demo history');
		expect(await sql('select note from public.restart_probe')).toEqual([{ note: 'still here' }]);
		await stop(second);

		const reset = start('reset');
		expect((await reset.exited).code).toBe(0);
		const third = start();
		await third.waitFor(ready);
		expect(await sql(`select to_regclass('public.restart_probe') is not null as present`)).toEqual([
			{ present: false }
		]);
	});
});

describe('PostgreSQL that cannot start', slow, () => {
	it('shows PostgreSQL log lines and exits with 1', async () => {
		const first = start();
		await first.waitFor(ready);
		first.child.kill('SIGTERM');
		await first.exited;
		// A data directory from an incompatible major version: PostgreSQL refuses it and says why.
		await writeFile(path.join(dataDir, 'PG_VERSION'), '9\n');

		const broken = start();
		const { code } = await broken.exited;
		expect(code).toBe(1);
		expect(broken.output()).toContain('--- PostgreSQL log ---');
		expect(broken.output()).toMatch(/FATAL: .*database files are incompatible with server/);
	});
});
