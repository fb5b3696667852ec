import {
	streetName,
	type EnterpriseContactRow,
	type EnterpriseNoteRow,
	type EnterpriseProjectRow,
	type EnterpriseRow
} from '$lib/domain/enterprise';
import type { VisitRow } from '$lib/domain/visit';
import { compareByPlan, visitPlanStanding, type PlanStanding } from '$lib/domain/visit-plan';
import type { LocalDb } from '../db';
import { pendingIds } from '../outbox';
import { actorOf, refusedOps, type RefusedOp } from '../visits/device-state';
import {
	compareFollowUps,
	compareVisitsNewestFirst,
	followUpEntry,
	visitEntry,
	type FollowUpEntry,
	type VisitEntry
} from '../visits/entries';
import { followUps, visits } from '../visits/tables';
import { enterpriseContacts, enterpriseNotes, enterpriseProjects, enterprises } from './tables';

/** The op types whose refusals an enterprise's page lists: they all touch the enterprise's id. */
const ENTERPRISE_OP_TYPES = [
	'enterprise.save',
	'enterprise_contact.save',
	'enterprise_project.save',
	'enterprise.note'
];

/** The reads behind the enterprise screens, as plain async functions (live.svelte.ts makes them live). */

export interface EnterpriseListEntry {
	enterprise: EnterpriseRow;
	/** The street's name, or null for a code this app does not know. */
	street: string | null;
	/** Against its visit plan (visit-plan.ts). */
	plan: PlanStanding;
	/** A project I steward or a visit I made (the list's "mine" filter). */
	mine: boolean;
	archived: boolean;
	pending: boolean;
}

export interface EnterpriseDetail extends EnterpriseListEntry {
	/** Contacts not removed, by name. Personal data: the screen masks the phone until 显示. */
	contacts: EnterpriseContactRow[];
	/** Projects, archived ones last. */
	projects: EnterpriseProjectRow[];
	/** Newest first. */
	notes: EnterpriseNoteRow[];
	/** Newest first. */
	visits: VisitEntry[];
	/** Open first, overdue first, then by due date. */
	followUps: FollowUpEntry[];
	/** Rows of this page still waiting for the server. */
	pendingIds: Set<string>;
	/** Saves of this enterprise, its contacts, projects and notes the server refused, still in the sync panel. */
	refused: RefusedOp[];
}

/** The latest check-in per enterprise. */
function lastCheckIns(rows: readonly VisitRow[]): Map<string, string> {
	const last = new Map<string, string>();
	for (const row of rows) {
		const seen = last.get(row.enterprise_id);
		if (seen === undefined || Date.parse(row.check_in_at) > Date.parse(seen))
			last.set(row.enterprise_id, row.check_in_at);
	}
	return last;
}

function listEntry(
	enterprise: EnterpriseRow,
	lastCheckIn: string | null,
	mine: boolean,
	pending: Set<string>,
	today: string
): EnterpriseListEntry {
	return {
		enterprise,
		street: streetName(enterprise.street_code),
		plan: visitPlanStanding(enterprise, lastCheckIn, today),
		mine,
		archived: enterprise.archived_at !== null,
		pending: pending.has(enterprise.id)
	};
}

/**
 * Every enterprise of the hall on this device, archived ones included (flagged), most urgent for a visit first,
 * then by name. One read per table whatever the number of enterprises (5,000 are expected in a district).
 */
export async function listEnterprises(db: LocalDb, today: string): Promise<EnterpriseListEntry[]> {
	const [rows, allVisits, actor, pending] = await Promise.all([
		enterprises.of(db).toArray(),
		visits.of(db).toArray(),
		actorOf(db),
		pendingIds(db)
	]);
	const mine = new Set<string>();
	if (actor) {
		for (const visit of allVisits) if (visit.staff_id === actor.staff_id) mine.add(visit.enterprise_id);
		const stewarded = await enterpriseProjects.of(db).where('steward_id').equals(actor.staff_id).toArray();
		for (const project of stewarded) if (project.archived_at === null) mine.add(project.enterprise_id);
	}
	const last = lastCheckIns(allVisits);
	return rows
		.map((row) => listEntry(row, last.get(row.id) ?? null, mine.has(row.id), pending, today))
		.sort(
			(a, b) =>
				Number(a.archived) - Number(b.archived) ||
				compareByPlan(a.plan, b.plan) ||
				a.enterprise.name.localeCompare(b.enterprise.name, 'zh-CN')
		);
}

/** One enterprise with its whole history; null when not on this device. */
export async function loadEnterprise(
	db: LocalDb,
	id: string,
	today: string
): Promise<EnterpriseDetail | null> {
	const enterprise = await enterprises.of(db).get(id);
	if (!enterprise) return null;
	const [contacts, projects, notes, visitRows, followUpRows, actor, pending, refused] = await Promise.all([
		enterpriseContacts.of(db).where('enterprise_id').equals(id).toArray(),
		enterpriseProjects.of(db).where('enterprise_id').equals(id).toArray(),
		enterpriseNotes.of(db).where('enterprise_id').equals(id).toArray(),
		visits.of(db).where('enterprise_id').equals(id).toArray(),
		followUps.of(db).where('enterprise_id').equals(id).toArray(),
		actorOf(db),
		pendingIds(db),
		refusedOps(db, id, ENTERPRISE_OP_TYPES)
	]);
	const names = new Map([[id, enterprise]]);
	const mine =
		actor !== null &&
		(visitRows.some((visit) => visit.staff_id === actor.staff_id) ||
			projects.some((project) => project.steward_id === actor.staff_id && project.archived_at === null));
	const last = lastCheckIns(visitRows).get(id) ?? null;
	return {
		...listEntry(enterprise, last, mine, pending, today),
		contacts: contacts
			.filter((contact) => contact.removed_at === null)
			.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
		projects: projects.sort(
			(a, b) =>
				Number(a.archived_at !== null) - Number(b.archived_at !== null) ||
				a.name.localeCompare(b.name, 'zh-CN')
		),
		notes: notes.sort((a, b) => Date.parse(b.occurred_at) - Date.parse(a.occurred_at)),
		visits: visitRows.map((visit) => visitEntry(visit, names, pending)).sort(compareVisitsNewestFirst),
		followUps: followUpRows.map((row) => followUpEntry(row, names, pending, today)).sort(compareFollowUps),
		pendingIds: pending,
		refused
	};
}

/** The hall's credit codes on this device, each with its enterprise: the import's "the hall already has it". */
export async function enterpriseCodes(db: LocalDb): Promise<Map<string, { id: string; name: string }>> {
	const codes = new Map<string, { id: string; name: string }>();
	await enterprises.of(db).each((row) => codes.set(row.credit_code, { id: row.id, name: row.name }));
	return codes;
}
