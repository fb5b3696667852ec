import { createHash } from 'node:crypto';
import path from 'node:path';
import { serverIdentity } from './os-user';
import { blockedOnTheWay, nearestExisting, rootOwnedFolder } from './server-access';

/** Where root keeps the default data directory of a project the postgres OS user cannot enter. */
export const movedDataRoot = '/var/lib/hall-assist';

export interface DataDirRequest {
	/** The configured data directory, absolute. */
	dataDir: string;
	/** True for the project's default (supabase/.data/pg), false for one the user chose (HALL_DATA_DIR). */
	isDefault: boolean;
	log: (line: string) => void;
}

/**
 * Where PostgreSQL keeps its data. Normally the configured folder. As root the server runs as the postgres OS
 * user, which must be able to enter every folder above its data directory, and the stack never changes the
 * permissions of folders it did not create: opening a home folder to every user to let one in would be a
 * security hole. So when the way is blocked, the project's default data directory moves to a folder of its own
 * under /var/lib/hall-assist (named after the configured path, so every run and `db:reset` find the same one),
 * and the log says so; a data directory the user chose is refused with the folder that blocks it, since quietly
 * keeping the data elsewhere than asked would surprise more than it helps.
 */
export async function serverDataDir(request: DataDirRequest): Promise<string> {
	const identity = await serverIdentity();
	const blocked = await blockedOnTheWay(identity, await nearestExisting(path.dirname(request.dataDir)));
	if (blocked === undefined) return request.dataDir;
	if (!request.isDefault) {
		throw new Error(
			`The postgres OS user cannot enter ${blocked}, so PostgreSQL (run as that user because we run as ` +
				`root) cannot use the data directory ${request.dataDir}. Choose one it can reach with HALL_DATA_DIR, ` +
				`or unset it to use the default. The stack does not change folder permissions to let it in.`
		);
	}
	await rootOwnedFolder(movedDataRoot);
	const key = createHash('sha256').update(request.dataDir).digest('hex').slice(0, 16);
	const moved = path.join(movedDataRoot, `pg-${key}`);
	request.log(
		`The postgres OS user cannot enter ${blocked}, so the database is kept in ${moved} instead of ` +
			`${request.dataDir} (npm run db:reset recreates it there).`
	);
	return moved;
}
