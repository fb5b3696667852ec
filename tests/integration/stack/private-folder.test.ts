import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localAnonKey } from '../../../supabase/local/config';
import { runningAsRoot } from '../../../supabase/local/os-user';
import { freePort } from '../../../supabase/local/ports';
import { isAlive, postmasterPid, runCli, waitUntilDead, type CliRun } from '../support/cli-process';
import { makePrivateClone, type PrivateClone } from '../support/private-clone';

// A project in a folder only its owner may enter (a clone under /root, mode 700). As root, PostgreSQL runs as the
// `postgres` OS user, which cannot enter that folder: neither its binaries nor its default data directory are
// reachable there. The stack must still start, and must not open the folder up to do so.

const ready = 'Press Ctrl-C to stop.';
// initdb, migrations and seed, twice in the first test, on a busy 2-core machine.
const slow = { timeout: 240_000 };

let clone: PrivateClone;
let env: Record<string, string>;
const running: CliRun[] = [];
/** Data directories to stop servers on and delete afterwards (a moved one lies outside the clone). */
const dataDirs: string[] = [];

beforeEach(async () => {
	clone = await makePrivateClone();
	env = {
		HALL_DATA_DIR: '',
		HALL_GATEWAY_PORT: String(await freePort()),
		HALL_DB_PORT: String(await freePort())
	};
});

afterEach(async () => {
	for (const run of running.splice(0)) {
		if (run.child.exitCode === null && run.child.signalCode === null) {
			run.child.kill('SIGTERM');
			await run.exited;
		}
	}
	for (const dataDir of dataDirs.splice(0)) {
		const pid = postmasterPid(dataDir);
		if (pid !== undefined && isAlive(pid)) {
			process.kill(pid, 'SIGINT');
			await waitUntilDead(pid);
		}
		await rm(dataDir, { recursive: true, force: true });
	}
	await clone.remove();
});

function cli(command: 'start' | 'reset', projectRoot?: string): CliRun {
	const run = runCli(command, env, projectRoot);
	running.push(run);
	return run;
}

async function mode(folder: string): Promise<number> {
	return (await stat(folder)).mode & 0o777;
}

/** Where the server keeps its data: the project's default, or where the stack said it moved it. */
function dataDirOf(run: CliRun): string {
	const moved = /database is kept in (\S+) instead/.exec(run.output())?.[1];
	const dataDir = moved ?? path.join(clone.root, 'supabase', '.data', 'pg');
	if (!dataDirs.includes(dataDir)) dataDirs.push(dataDir);
	return dataDir;
}

async function signIn(): Promise<number> {
	const response = await fetch(
		`http://127.0.0.1:${env.HALL_GATEWAY_PORT}/auth/v1/token?grant_type=password`,
		{
			method: 'POST',
			headers: { apikey: localAnonKey, 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'assist@demo.hall', password: 'demo1234' })
		}
	);
	return response.status;
}

describe('a project in a folder only its owner may enter', slow, () => {
	it('starts with the default data directory, stops with its CLI, resets, and leaves the folder private', async () => {
		expect(await mode(clone.folder)).toBe(0o700);
		const run = cli('start', clone.root);
		await run.waitFor(ready);
		expect(await signIn()).toBe(200);
		const dataDir = dataDirOf(run);
		expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
		if (runningAsRoot()) {
			// The postgres user cannot reach the project's folder, so the data lives where it can, and we say so.
			expect(dataDir.startsWith(clone.folder)).toBe(false);
			expect(existsSync(path.join(clone.root, 'supabase', '.data', 'pg'))).toBe(false);
		} else {
			expect(dataDir).toBe(path.join(clone.root, 'supabase', '.data', 'pg'));
		}
		expect(await mode(clone.folder)).toBe(0o700);

		// The server (from wherever its binaries now are) still dies with a killed CLI: setpriv --pdeathsig.
		const pid = postmasterPid(dataDir) ?? 0;
		expect(isAlive(pid)).toBe(true);
		run.child.kill('SIGKILL');
		await run.exited;
		expect(await waitUntilDead(pid)).toBe(true);

		// `db:reset` finds the same data directory.
		const reset = cli('reset', clone.root);
		expect((await reset.exited).code).toBe(0);
		expect(reset.output()).toContain(`Deleting ${dataDir}`);
		expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
		expect(await mode(clone.folder)).toBe(0o700);
	});

	it('a data directory chosen inside it: refused as root, naming the folder; used as is otherwise', async () => {
		const dataDir = path.join(clone.folder, 'pg');
		dataDirs.push(dataDir);
		env.HALL_DATA_DIR = dataDir;
		const run = cli('start');
		const started = await run.waitFor(ready).then(
			() => true,
			() => false
		);
		expect(started).toBe(!runningAsRoot());
		if (runningAsRoot()) {
			expect((await run.exited).code).toBe(1);
			expect(run.output()).toContain(`The postgres OS user cannot enter ${clone.folder}`);
			expect(existsSync(dataDir)).toBe(false);
		} else {
			expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
		}
		expect(await mode(clone.folder)).toBe(0o700);
	});
});
