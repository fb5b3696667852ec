import type { Actor, LocalDb } from '../db';
import { prechecks } from '../prechecks/tables';
import { serviceRecordEvents } from '../service-records/tables';
import { staffDirectory } from '../staff/tables';
import { incidentEvents, incidents } from './tables';

/**
 * The hall's staff as this device knows them, for the assign picker: the synced staff directory's active staff
 * (docs/VISITS.md, "Staff directory"). Until the directory has arrived (a first pull still under way, or a server
 * older than it), names gathered from the rows people write stand in: the incident workflow's own first, then the
 * records' timelines and the pre-checks, the signed-in person included.
 */
export interface KnownStaff {
	id: string;
	name: string;
}

export async function knownStaff(db: LocalDb, actor: Actor | null): Promise<KnownStaff[]> {
	const directory = await staffDirectory.of(db).toArray();
	if (directory.length > 0) {
		return directory
			.filter((row) => row.active)
			.map((row) => ({ id: row.id, name: row.display_name }))
			.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
	}
	return staffFromRows(db, actor);
}

/** Everyone who has written this hall's rows on this device, by name. */
async function staffFromRows(db: LocalDb, actor: Actor | null): Promise<KnownStaff[]> {
	const names = new Map<string, string>();
	const add = (id: string | null, name: string | null) => {
		if (id && name && !names.has(id)) names.set(id, name);
	};
	if (actor) add(actor.staff_id, actor.staff_name);
	await incidents.of(db).each((row) => {
		add(row.reporter_id, row.reporter_name);
		add(row.assignee_id, row.assignee_name);
	});
	await incidentEvents.of(db).each((row) => {
		add(row.staff_id, row.staff_name);
		add(row.assignee_id, row.assignee_name);
	});
	await prechecks.of(db).each((row) => add(row.staff_id, row.staff_name));
	await serviceRecordEvents.of(db).each((row) => add(row.staff_id, row.staff_name));
	return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * One staff member's name as this device knows it, or null: the directory first, then the incident tables, the
 * larger ones after.
 */
export async function staffNameOf(db: LocalDb, staffId: string, actor: Actor): Promise<string | null> {
	const listed = await staffDirectory.of(db).get(staffId);
	if (listed) return listed.display_name;
	if (staffId === actor.staff_id) return actor.staff_name;
	const reporter = await incidents.of(db).where('reporter_id').equals(staffId).first();
	if (reporter) return reporter.reporter_name;
	const assignee = await incidents.of(db).where('assignee_id').equals(staffId).first();
	if (assignee?.assignee_name) return assignee.assignee_name;
	const event = await incidentEvents
		.of(db)
		.filter((row) => row.staff_id === staffId)
		.first();
	if (event) return event.staff_name;
	const precheck = await prechecks
		.of(db)
		.filter((row) => row.staff_id === staffId)
		.first();
	if (precheck) return precheck.staff_name;
	const recordEvent = await serviceRecordEvents
		.of(db)
		.filter((row) => row.staff_id === staffId)
		.first();
	return recordEvent?.staff_name ?? null;
}
