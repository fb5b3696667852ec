import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A new folder in the temp directory for a throwaway stack's data (tests, benchmarks). mkdtemp makes it 0700,
 * but as root PostgreSQL runs as the postgres OS user, which must be able to enter it, and the stack refuses a
 * data directory that user cannot reach rather than change permissions it does not own. This folder is the
 * caller's own and holds throwaway demo data, so it is opened here.
 */
export async function makeScratchDir(prefix: string): Promise<string> {
	const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
	await chmod(folder, 0o755);
	return folder;
}
