import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stopLeftoverServer } from './leftover-server';
import { serverIdentity, type ServerIdentity } from './os-user';
import { assertPortFree } from './ports';
import { runnableBinaries } from './postgres-binaries';
import { openUp } from './server-access';

export const superuserPassword = 'postgres';

export interface EmbeddedPostgresOptions {
	/** Where the server keeps its data; as root, one the postgres OS user can reach (see data-dir.ts). */
	dataDir: string;
	port: number;
	log: (line: string) => void;
}

export interface RunningPostgres {
	/** Superuser connection string, like `supabase start`'s `postgresql://postgres:postgres@127.0.0.1:54322/postgres`. */
	databaseUrl: string;
	pid: number;
	/** Fast shutdown; resolves when the server has exited. Idempotent. */
	stop(): Promise<void>;
}

/** Raised when the server could not start; carries PostgreSQL's own log lines, which say why. */
export class PostgresStartError extends Error {
	constructor(
		message: string,
		readonly logLines: string[]
	) {
		super(`${message}\n--- PostgreSQL log ---\n${logLines.join('\n')}`);
		this.name = 'PostgresStartError';
	}
}

const readyLine = 'database system is ready to accept connections';
const startTimeoutMs = 60_000;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
	const dataDir = path.resolve(options.dataDir);
	const identity = await serverIdentity();
	const binaries = await runnableBinaries(identity, options.log);
	const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
	// A server orphaned on this data directory may hold the port: clean it up before checking the port.
	if (initialised) await stopLeftoverServer(dataDir, options.log);
	await assertPortFree(options.port, 'HALL_DB_PORT', 'PostgreSQL');
	if (!initialised) await initialiseDataDir(binaries.initdb, dataDir, identity, options.log);
	const child = spawnServer(binaries.postgres, dataDir, options.port, identity);
	await waitUntilReady(child, options.log);
	const pid = child.pid ?? 0;
	let stopping: Promise<void> | undefined;
	return {
		databaseUrl: `postgresql://postgres:${superuserPassword}@127.0.0.1:${options.port}/postgres`,
		pid,
		stop() {
			stopping ??= stopChild(child);
			return stopping;
		}
	};
}

async function initialiseDataDir(
	initdb: string,
	dataDir: string,
	identity: ServerIdentity,
	log: (line: string) => void
): Promise<void> {
	log(`Initialising a new PostgreSQL data directory in ${dataDir}`);
	const created = await mkdir(dataDir, { recursive: true });
	if (identity.uid !== undefined && identity.gid !== undefined) {
		// Folders above the data directory that we just made must let the server's user through (a umask of
		// 077 would not); folders we did not make are never changed (data-dir.ts checked they let it through).
		if (created !== undefined && created !== dataDir) await openUp(created, path.dirname(dataDir));
		await chown(dataDir, identity.uid, identity.gid);
	}
	// The password file must be readable by the server's user; it lives only for the duration of initdb.
	const passwordFile = path.join(os.tmpdir(), `hall-pg-password-${process.pid}-${Date.now()}`);
	await writeFile(passwordFile, `${superuserPassword}\n`, { mode: 0o644 });
	const output: string[] = [];
	try {
		const code = await new Promise<number | null>((resolve, reject) => {
			const child = spawn(
				initdb,
				[
					`--pgdata=${dataDir}`,
					'--username=postgres',
					`--pwfile=${passwordFile}`,
					'--auth=scram-sha-256',
					'--encoding=UTF8',
					'--locale=C',
					'--no-instructions'
				],
				{ ...identity, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] }
			);
			child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
			child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
			child.once('error', reject);
			child.once('close', resolve);
		});
		if (code !== 0) {
			// A half-made directory would make the next start skip initdb and fail obscurely.
			await rm(dataDir, { recursive: true, force: true });
			throw new PostgresStartError(`initdb failed (exit code ${code})`, output.join('').split('\n'));
		}
	} finally {
		await rm(passwordFile, { force: true });
	}
}

function spawnServer(
	postgres: string,
	dataDir: string,
	port: number,
	identity: ServerIdentity
): ChildProcess {
	const serverArgs = [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		// No unix socket: two stacks (or a system PostgreSQL) would otherwise fight over /tmp/.s.PGSQL.<port>.
		'-c',
		'unix_socket_directories=',
		'-c',
		'max_connections=100'
	];
	// setpriv --pdeathsig makes the kernel send SIGINT (fast shutdown) to the server if this node process dies,
	// even by SIGKILL, so an abandoned server cannot outlive us. Without setpriv the next start cleans up instead.
	const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((candidate) => existsSync(candidate));
	const [command, args] = setpriv
		? [setpriv, ['--pdeathsig', 'INT', postgres, ...serverArgs]]
		: [postgres, serverArgs];
	return spawn(command, args, {
		...identity,
		env: { ...process.env, LC_MESSAGES: 'C' },
		stdio: ['ignore', 'ignore', 'pipe']
	});
}

function waitUntilReady(child: ChildProcess, log: (line: string) => void): Promise<string[]> {
	const lines: string[] = [];
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGINT');
			reject(new PostgresStartError(`PostgreSQL did not become ready in ${startTimeoutMs / 1000} s`, lines));
		}, startTimeoutMs);
		let pending = '';
		child.stderr?.on('data', (chunk: Buffer) => {
			pending += chunk.toString('utf8');
			const complete = pending.split('\n');
			pending = complete.pop() ?? '';
			for (const line of complete) {
				lines.push(line);
				if (lines.length > 200) lines.shift();
				log(`[postgres] ${line}`);
				if (line.includes(readyLine)) {
					clearTimeout(timer);
					resolve(lines);
				}
			}
		});
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(new PostgresStartError(`Could not run PostgreSQL: ${error.message}`, lines));
		});
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			if (pending) lines.push(pending);
			reject(
				new PostgresStartError(`PostgreSQL exited during start-up (code ${code}, signal ${signal})`, lines)
			);
		});
	});
}

function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const escalate = setTimeout(() => child.kill('SIGQUIT'), 10_000);
		child.once('exit', () => {
			clearTimeout(escalate);
			resolve();
		});
		child.kill('SIGINT');
	});
}
