import type { StaffDirectoryRow } from '$lib/domain/staff-directory';
import type { Actor, LocalDb } from '../db';
import { staffDirectory } from './tables';

/**
 * The reads of the hall's staff directory. The directory arrives with the first pull; until then (and for a person
 * the directory does not know yet) the signed-in person's own name still answers, so nothing shows an empty name.
 */

export interface StaffEntry {
	id: string;
	name: string;
	post: StaffDirectoryRow['post'];
	active: boolean;
}

const entryOf = (row: StaffDirectoryRow): StaffEntry => ({
	id: row.id,
	name: row.display_name,
	post: row.post,
	active: row.active
});

const byName = (a: StaffEntry, b: StaffEntry): number => a.name.localeCompare(b.name, 'zh-CN');

/** The hall's staff, active only unless told otherwise, by name. */
export async function staffEntries(
	db: LocalDb,
	options: { activeOnly?: boolean } = {}
): Promise<StaffEntry[]> {
	const activeOnly = options.activeOnly ?? true;
	const rows = await staffDirectory.of(db).toArray();
	return rows
		.filter((row) => !activeOnly || row.active)
		.map(entryOf)
		.sort(byName);
}

/** One staff member's name: the directory's, else the actor's own, else null. */
export async function directoryName(
	db: LocalDb,
	staffId: string,
	actor: Actor | null
): Promise<string | null> {
	const row = await staffDirectory.of(db).get(staffId);
	if (row) return row.display_name;
	return actor && actor.staff_id === staffId ? actor.staff_name : null;
}

/**
 * Whether `staffId` may be picked (an owner, a steward, a companion): active in the directory. A device whose
 * directory has not arrived yet cannot tell, and lets the server decide.
 */
export async function mayBePicked(db: LocalDb, staffId: string): Promise<boolean> {
	const row = await staffDirectory.of(db).get(staffId);
	if (row) return row.active;
	return (await staffDirectory.of(db).count()) === 0;
}
