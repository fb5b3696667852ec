import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Before starting, look at the data directory's postmaster.pid. A live postmaster whose parent is a node
 * process belongs to another running stack: refuse, naming it. A live postmaster without such a parent was
 * orphaned when a previous stack was killed with SIGKILL: stop it, so no server lives on forever.
 */
export async function stopLeftoverServer(dataDir: string, log: (line: string) => void): Promise<void> {
	const pid = await postmasterPid(dataDir);
	if (pid === undefined || !isAlive(pid)) return; // PostgreSQL itself discards a stale pid file.
	const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
	if (command !== undefined && !command.split('\0').includes(dataDir)) {
		// After a reboot the pid may belong to an unrelated process; PostgreSQL would refuse to start because of it.
		log(`Removing a stale postmaster.pid: pid ${pid} is not a PostgreSQL server on ${dataDir}.`);
		await rm(path.join(dataDir, 'postmaster.pid'), { force: true });
		return;
	}
	const parent = await parentCommand(pid);
	if (parent === undefined) {
		throw new Error(
			`A PostgreSQL server (pid ${pid}) is already running on ${dataDir}. Stop it first, or use another ` +
				`data directory with HALL_DATA_DIR.`
		);
	}
	if (/\bnode\b|tsx|vitest/.test(parent.command) && parent.pid !== 1) {
		throw new Error(
			`Another local stack (node pid ${parent.pid}) is already using ${dataDir} (postgres pid ${pid}). ` +
				`Stop it (Ctrl-C in its terminal, or kill ${parent.pid}), or use another data directory with HALL_DATA_DIR.`
		);
	}
	log(`Stopping a PostgreSQL server (pid ${pid}) left over from a stack that was killed.`);
	await stopProcess(pid);
}

async function postmasterPid(dataDir: string): Promise<number | undefined> {
	try {
		const text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
		const pid = Number(text.split('\n')[0]);
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
		// EPERM: the process exists but belongs to another user (e.g. the postgres user when we are not root).
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The parent's pid and command line, read from /proc (Linux); undefined where /proc is unavailable. */
async function parentCommand(pid: number): Promise<{ pid: number; command: string } | undefined> {
	try {
		const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
		// Field 4 is the parent pid; the command name (field 2) may contain spaces, so split after its ')'.
		const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		const command = (await readFile(`/proc/${ppid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ');
		return { pid: ppid, command };
	} catch {
		return undefined;
	}
}

/** Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT) if it takes more than ten seconds. */
export async function stopProcess(pid: number, timeoutMs = 10_000): Promise<void> {
	signal(pid, 'SIGINT');
	if (await exited(pid, timeoutMs)) return;
	signal(pid, 'SIGQUIT');
	if (await exited(pid, 5_000)) return;
	signal(pid, 'SIGKILL');
	await exited(pid, 2_000);
}

function signal(pid: number, name: NodeJS.Signals): void {
	try {
		process.kill(pid, name);
	} catch {
		// Already gone.
	}
}

async function exited(pid: number, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!isAlive(pid)) return true;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return !isAlive(pid);
}
