import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverIdentity } from '../../../supabase/local/os-user';
import { findPostgresBinaries } from '../../../supabase/local/postgres-binaries';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface CliRun {
	child: ChildProcessWithoutNullStreams;
	/** Everything printed so far, stdout and stderr interleaved. */
	output(): string;
	/** Resolves when `text` has been printed; rejects if the process exits first or after `timeoutMs`. */
	waitFor(text: string, timeoutMs?: number): Promise<void>;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs `supabase/local/cli.ts <command>` as its own node process (tsx loaded in-process, so signals reach the
 * CLI itself and not a wrapper), with the stack's environment variables set by the test. `projectRoot` runs
 * the CLI of another copy of the project (see private-clone.ts), from that folder.
 */
export function runCli(
	command: 'start' | 'reset',
	env: Record<string, string>,
	projectRoot = repoRoot
): CliRun {
	const cliPath = path.join(projectRoot, 'supabase', 'local', 'cli.ts');
	const child = spawn(process.execPath, ['--import', 'tsx', cliPath, command], {
		cwd: projectRoot,
		env: { ...process.env, DATABASE_URL: '', ...env }
	});
	let output = '';
	const listeners = new Set<() => void>();
	const onData = (chunk: Buffer) => {
		output += chunk.toString('utf8');
		for (const listener of listeners) listener();
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	return {
		child,
		output: () => output,
		exited,
		waitFor(text, timeoutMs = 90_000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (!output.includes(text)) return;
					done();
					resolve();
				};
				const timer = setTimeout(() => {
					done();
					reject(new Error(`"${text}" not printed within ${timeoutMs} ms. Output:\n${output}`));
				}, timeoutMs);
				const done = () => {
					clearTimeout(timer);
					listeners.delete(check);
				};
				listeners.add(check);
				void exited.then(() => {
					if (output.includes(text)) return;
					done();
					reject(new Error(`CLI exited before printing "${text}". Output:\n${output}`));
				});
				check();
			});
		}
	};
}

/** The postmaster's pid from the data directory, or undefined when no server claims it. */
export function postmasterPid(dataDir: string): number | undefined {
	try {
		const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export async function waitUntilDead(pid: number, timeoutMs = 15_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!isAlive(pid)) return true;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return !isAlive(pid);
}

/**
 * Starts PostgreSQL on `dataDir` from a shell that exits at once, so the server's parent is init: the state a
 * killed stack leaves behind where the kernel cannot stop the server for us. Resolves with the server's pid.
 */
export async function startOrphanServer(dataDir: string, port: number): Promise<number> {
	const { postgres } = await findPostgresBinaries();
	const identity = await serverIdentity();
	const command = `${postgres} -D '${dataDir}' -p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= >/dev/null 2>&1 &`;
	await new Promise<void>((resolve, reject) => {
		const shell = spawn('sh', ['-c', command], { ...identity, stdio: 'ignore' });
		shell.once('error', reject);
		shell.once('exit', () => resolve());
	});
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		const pid = postmasterPid(dataDir);
		const status = readFileSafe(path.join(dataDir, 'postmaster.pid'));
		if (pid !== undefined && status.includes('ready')) return pid;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`the orphan PostgreSQL on ${dataDir} did not become ready`);
}

function readFileSafe(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}
