import { spawn } from 'node:child_process';
import { chmod, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ServerIdentity } from './os-user';

/**
 * Whether the server's OS user can use `target`: enter it if it is a folder, run it if it is a file (both need
 * every folder above it to be enterable). The OS is asked, by running `test -x` as that user exactly the way the
 * server is started (Node drops supplementary groups too), so ACLs and groups count as they will for PostgreSQL.
 */
export function serverCanUse(identity: ServerIdentity, target: string): Promise<boolean> {
	if (identity.uid === undefined) return Promise.resolve(true);
	return new Promise((resolve) => {
		const child = spawn('/bin/sh', ['-c', 'test -x "$1"', 'sh', target], { ...identity, stdio: 'ignore' });
		child.once('error', () => resolve(false));
		child.once('exit', (code) => resolve(code === 0));
	});
}

/** The first folder on the way to `target` (or `target` itself) that the server's user cannot use. */
export async function blockedOnTheWay(identity: ServerIdentity, target: string): Promise<string | undefined> {
	if (await serverCanUse(identity, target)) return undefined;
	const resolved = path.resolve(target);
	const steps = resolved.split(path.sep).filter(Boolean);
	for (let depth = 1; depth <= steps.length; depth++) {
		const folder = path.join(path.sep, ...steps.slice(0, depth));
		if (!(await serverCanUse(identity, folder))) return folder;
	}
	return resolved;
}

/** `target` if it exists, else its nearest existing parent. */
export async function nearestExisting(target: string): Promise<string> {
	let current = path.resolve(target);
	for (;;) {
		try {
			await stat(current);
			return current;
		} catch {
			const parent = path.dirname(current);
			if (parent === current) return current;
			current = parent;
		}
	}
}

/**
 * A folder in a system location (/var/lib, /var/cache) for what root prepares for the server's user: created
 * 0755 when missing (whatever the umask), then refused unless it and every folder above it belong to root and
 * only root may write them, so no other user can swap what the server runs or stores.
 */
export async function rootOwnedFolder(folder: string): Promise<void> {
	const first = await mkdir(folder, { recursive: true });
	if (first !== undefined) await openUp(first, folder);
	let current = path.resolve(folder);
	for (;;) {
		const info = await stat(current);
		if (info.uid !== 0 || (info.mode & 0o022) !== 0) {
			throw new Error(
				`${current} must belong to root and be writable by root only (it is owned by uid ${info.uid}, ` +
					`mode ${(info.mode & 0o777).toString(8)}); the local stack keeps PostgreSQL's files below it.`
			);
		}
		const parent = path.dirname(current);
		if (parent === current) return;
		current = parent;
	}
}

/** Makes the folders from `first` down to `last`, which we have just created, enterable by every user. */
export async function openUp(first: string, last: string): Promise<void> {
	const top = path.resolve(first);
	const below = path.relative(top, path.resolve(last));
	if (below.startsWith('..') || path.isAbsolute(below)) throw new Error(`${last} is not inside ${first}`);
	let current = path.resolve(last);
	for (;;) {
		await chmod(current, 0o755);
		if (current === top) return;
		current = path.dirname(current);
	}
}
