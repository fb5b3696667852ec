import type { EnterpriseProjectRow, EnterpriseRow } from '$lib/domain/enterprise';
import { allowedFollowUpActions } from '$lib/domain/follow-up-lifecycle';
import type { FollowUpAction, FollowUpEventRow, FollowUpRow, VisitRow } from '$lib/domain/visit';
import type { Actor, LocalDb } from '../db';
import { listEnterprises, type EnterpriseListEntry } from '../enterprises/queries';
import { enterpriseProjects, enterprises } from '../enterprises/tables';
import { pendingIds } from '../outbox';
import { directoryName } from '../staff/queries';
import { isManager } from './apply';
import { actorOf, refusedOps, type RefusedOp } from './device-state';
import {
	compareFollowUps,
	compareVisitsNewestFirst,
	followUpEntry,
	visitDay,
	visitEntry,
	type EnterpriseNames,
	type FollowUpEntry,
	type VisitEntry
} from './entries';
import { followUpEvents, followUps, visits } from './tables';

/** The reads behind the visit and follow-up screens, as plain async functions (live.svelte.ts makes them live). */

export interface VisitDetail extends VisitEntry {
	enterprise: EnterpriseRow | null;
	project: EnterpriseProjectRow | null;
	/** The companions by name (the directory's; an id it does not know shows as an empty name). */
	companions: { id: string; name: string }[];
	/** The demands opened from this visit, open first. */
	followUps: FollowUpEntry[];
	/** The signed-in person wrote it: only they may change it (running: summary, demands, photos, check-out). */
	mine: boolean;
	/** Saves of this visit the server refused, still in the sync panel. */
	refused: RefusedOp[];
}

/** A timeline entry with its sync state: waiting for the server, or refused by it (the sync panel says why). */
export interface FollowUpTimelineEntry {
	event: FollowUpEventRow;
	pending: boolean;
	refused: boolean;
}

export interface FollowUpDetail extends FollowUpEntry {
	enterprise: EnterpriseRow | null;
	visit: VisitRow | null;
	/** Oldest first. */
	timeline: FollowUpTimelineEntry[];
	/** What the signed-in person may do now, in the lifecycle's order (follow-up-lifecycle.ts). */
	actions: FollowUpAction[];
	refused: RefusedOp[];
}

/** The managers' review of a period (hall dates, both included). */
export interface VisitReview {
	from: string;
	to: string;
	/** Visits checked in within the period, per author (most visits first), each author's newest first. */
	visitsByStaff: { staff_id: string; staff_name: string; visits: VisitEntry[] }[];
	/** Every open follow-up, per owner (most overdue first), each owner's overdue first then by due date. */
	openByOwner: { owner_id: string; owner_name: string; followUps: FollowUpEntry[] }[];
	/** Enterprises overdue for a visit, longest overdue first. */
	overdueEnterprises: EnterpriseListEntry[];
}

async function enterpriseNames(db: LocalDb, ids: Iterable<string>): Promise<EnterpriseNames> {
	const unique = [...new Set(ids)];
	const rows = await enterprises.of(db).bulkGet(unique);
	return new Map(rows.filter((row) => row !== undefined).map((row) => [row.id, row]));
}

async function visitEntries(db: LocalDb, rows: VisitRow[]): Promise<VisitEntry[]> {
	const [names, pending] = await Promise.all([
		enterpriseNames(
			db,
			rows.map((row) => row.enterprise_id)
		),
		pendingIds(db)
	]);
	return rows.map((row) => visitEntry(row, names, pending)).sort(compareVisitsNewestFirst);
}

async function followUpEntries(db: LocalDb, rows: FollowUpRow[], today: string): Promise<FollowUpEntry[]> {
	const [names, pending] = await Promise.all([
		enterpriseNames(
			db,
			rows.map((row) => row.enterprise_id)
		),
		pendingIds(db)
	]);
	return rows.map((row) => followUpEntry(row, names, pending, today)).sort(compareFollowUps);
}

const inPeriod = (visit: VisitRow, from: string, to: string): boolean => {
	const day = visitDay(visit);
	return day >= from && day <= to;
};

/** One visit with its enterprise, project, companions and demands; null when not on this device. */
export async function loadVisit(db: LocalDb, id: string, today: string): Promise<VisitDetail | null> {
	const visit = await visits.of(db).get(id);
	if (!visit) return null;
	const [enterprise, project, actor, pending, demands, refused] = await Promise.all([
		enterprises.of(db).get(visit.enterprise_id),
		visit.project_id ? enterpriseProjects.of(db).get(visit.project_id) : Promise.resolve(undefined),
		actorOf(db),
		pendingIds(db),
		followUps.of(db).where('visit_id').equals(id).toArray(),
		refusedOps(db, id, ['visit.save'])
	]);
	const names: EnterpriseNames = new Map(enterprise ? [[enterprise.id, enterprise]] : []);
	const companions = await Promise.all(
		visit.companion_ids.map(async (companion) => ({
			id: companion,
			name: (await directoryName(db, companion, actor)) ?? ''
		}))
	);
	return {
		...visitEntry(visit, names, pending),
		enterprise: enterprise ?? null,
		project: project ?? null,
		companions,
		followUps: demands.map((row) => followUpEntry(row, names, pending, today)).sort(compareFollowUps),
		mine: actor !== null && actor.staff_id === visit.staff_id,
		refused
	};
}

/** The signed-in person's visits checked in within hall dates `from`…`to`, newest first. */
export async function listMyVisits(db: LocalDb, from: string, to: string): Promise<VisitEntry[]> {
	const actor = await actorOf(db);
	if (!actor) return [];
	const rows = await visits.of(db).where('staff_id').equals(actor.staff_id).toArray();
	return visitEntries(
		db,
		rows.filter((row) => inPeriod(row, from, to))
	);
}

/** The signed-in person's last visit to an enterprise (by check-in), or null: what "复制上次走访" copies. */
export async function loadMyLastVisit(db: LocalDb, enterpriseId: string): Promise<VisitRow | null> {
	const actor = await actorOf(db);
	if (!actor) return null;
	const rows = await visits.of(db).where('enterprise_id').equals(enterpriseId).toArray();
	const mine = rows.filter((row) => row.staff_id === actor.staff_id);
	mine.sort((a, b) => Date.parse(b.check_in_at) - Date.parse(a.check_in_at));
	return mine[0] ?? null;
}

/** My follow-ups not closed: overdue first, then by due date. */
export async function listMyOpenFollowUps(db: LocalDb, today: string): Promise<FollowUpEntry[]> {
	const actor = await actorOf(db);
	if (!actor) return [];
	const rows = await followUps.of(db).where('owner_id').equals(actor.staff_id).toArray();
	return followUpEntries(
		db,
		rows.filter((row) => row.status === 'open' || row.status === 'in_progress'),
		today
	);
}

/** Every follow-up of the hall not closed (managers' view): overdue first, then by due date. */
export async function listOpenFollowUps(db: LocalDb, today: string): Promise<FollowUpEntry[]> {
	const rows = await followUps.of(db).where('status').anyOf(['open', 'in_progress']).toArray();
	return followUpEntries(db, rows, today);
}

const actorView = (actor: Actor | null) =>
	actor ? { staff_id: actor.staff_id, manager: isManager(actor) } : { staff_id: '', manager: false };

/** One follow-up with its enterprise, visit, timeline and the actions the signed-in person may take. */
export async function loadFollowUp(db: LocalDb, id: string, today: string): Promise<FollowUpDetail | null> {
	const followUp = await followUps.of(db).get(id);
	if (!followUp) return null;
	const [enterprise, visit, events, actor, pending, refused] = await Promise.all([
		enterprises.of(db).get(followUp.enterprise_id),
		followUp.visit_id ? visits.of(db).get(followUp.visit_id) : Promise.resolve(undefined),
		followUpEvents.of(db).where('follow_up_id').equals(id).toArray(),
		actorOf(db),
		pendingIds(db),
		refusedOps(db, id, ['follow_up.open', 'follow_up.act', 'follow_up.note'])
	]);
	const names: EnterpriseNames = new Map(enterprise ? [[enterprise.id, enterprise]] : []);
	const refusedIds = new Set(
		(await db.rejected.toArray())
			.filter((entry) => entry.type.startsWith('follow_up.') && entry.touches.includes(id))
			.flatMap((entry) => entry.touches)
	);
	// The opening first whatever the clocks say (a colleague's device may run behind the opener's).
	events.sort(
		(a, b) =>
			Number(b.kind === 'opened') - Number(a.kind === 'opened') ||
			Date.parse(a.occurred_at) - Date.parse(b.occurred_at) ||
			a.id.localeCompare(b.id)
	);
	const entry = followUpEntry(followUp, names, pending, today);
	return {
		...entry,
		pending: entry.pending || events.some((event) => pending.has(event.id)),
		enterprise: enterprise ?? null,
		visit: visit ?? null,
		timeline: events.map((event) => ({
			event,
			pending: pending.has(event.id),
			refused: event.version === 0 && refusedIds.has(event.id)
		})),
		actions: actor ? allowedFollowUpActions(followUp, actorView(actor)) : [],
		refused
	};
}

/** The managers' review of hall dates `from`…`to`. */
export async function loadReview(db: LocalDb, from: string, to: string, today: string): Promise<VisitReview> {
	const [periodVisits, open, enterpriseList] = await Promise.all([
		visits
			.of(db)
			.where('check_in_at')
			.between(shiftedBound(from, 0), shiftedBound(to, 1), true, false)
			.toArray(),
		listOpenFollowUps(db, today),
		listEnterprises(db, today)
	]);
	const entries = await visitEntries(
		db,
		periodVisits.filter((row) => inPeriod(row, from, to))
	);
	const byStaff = new Map<string, VisitReview['visitsByStaff'][number]>();
	for (const entry of entries) {
		const group = byStaff.get(entry.visit.staff_id) ?? {
			staff_id: entry.visit.staff_id,
			staff_name: entry.visit.staff_name,
			visits: []
		};
		group.visits.push(entry);
		byStaff.set(entry.visit.staff_id, group);
	}
	const byOwner = new Map<string, VisitReview['openByOwner'][number]>();
	for (const entry of open) {
		const group = byOwner.get(entry.followUp.owner_id) ?? {
			owner_id: entry.followUp.owner_id,
			owner_name: entry.followUp.owner_name,
			followUps: []
		};
		group.followUps.push(entry);
		byOwner.set(entry.followUp.owner_id, group);
	}
	const overdueCount = (group: VisitReview['openByOwner'][number]) =>
		group.followUps.filter((entry) => entry.overdue).length;
	return {
		from,
		to,
		visitsByStaff: [...byStaff.values()].sort(
			(a, b) => b.visits.length - a.visits.length || a.staff_name.localeCompare(b.staff_name, 'zh-CN')
		),
		openByOwner: [...byOwner.values()].sort(
			(a, b) =>
				overdueCount(b) - overdueCount(a) ||
				b.followUps.length - a.followUps.length ||
				a.owner_name.localeCompare(b.owner_name, 'zh-CN')
		),
		overdueEnterprises: enterpriseList.filter((entry) => entry.plan.light === 'overdue')
	};
}

/**
 * A lower or upper bound for the check-in index around hall date `day` (+`extraDays`), wide by a day each way:
 * stored times spell their offsets differently (the server's, the device's), so the index narrows the read and
 * `inPeriod` decides by the hall date.
 */
function shiftedBound(day: string, extraDays: number): string {
	const moment = new Date(`${day}T00:00:00.000Z`);
	moment.setUTCDate(moment.getUTCDate() + extraDays + (extraDays > 0 ? 1 : -1));
	return moment.toISOString().slice(0, 10);
}
