import type { EnterpriseRow } from '$lib/domain/enterprise';
import { isFollowUpOpen, isFollowUpOverdue } from '$lib/domain/follow-up-lifecycle';
import { hallDate } from '$lib/domain/hall-time';
import type { FollowUpRow, VisitRow } from '$lib/domain/visit';
import { visitFlags, type VisitFlag } from '$lib/domain/visit-flags';

/** How visits and follow-ups appear in lists: with their enterprise's name, derived flags and sync state. */

export interface VisitEntry {
	visit: VisitRow;
	enterprise_name: string;
	/** Far, no position, running (visit-flags.ts). */
	flags: VisitFlag[];
	/** Not checked out yet. */
	running: boolean;
	/** Waiting for the server. */
	pending: boolean;
}

export interface FollowUpEntry {
	followUp: FollowUpRow;
	enterprise_name: string;
	/** Not closed: open or in progress. */
	open: boolean;
	/** Not closed and due before today (hall date). */
	overdue: boolean;
	/** Not closed and due today. */
	due_today: boolean;
	pending: boolean;
}

export type EnterpriseNames = ReadonlyMap<string, Pick<EnterpriseRow, 'name' | 'latitude' | 'longitude'>>;

export function visitEntry(visit: VisitRow, enterprises: EnterpriseNames, pending: Set<string>): VisitEntry {
	const enterprise = enterprises.get(visit.enterprise_id) ?? null;
	return {
		visit,
		enterprise_name: enterprise?.name ?? '',
		flags: visitFlags(visit, enterprise),
		running: visit.check_out_at === null,
		pending: pending.has(visit.id)
	};
}

export function followUpEntry(
	followUp: FollowUpRow,
	enterprises: EnterpriseNames,
	pending: Set<string>,
	today: string
): FollowUpEntry {
	const open = isFollowUpOpen(followUp.status);
	return {
		followUp,
		enterprise_name: enterprises.get(followUp.enterprise_id)?.name ?? '',
		open,
		overdue: isFollowUpOverdue(followUp, today),
		due_today: open && followUp.due_on === today,
		pending: pending.has(followUp.id)
	};
}

/** Plain code-unit order: for ISO dates and ids it is the right one, and far cheaper than a collation. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Open before closed, overdue first, then by due date, then the oldest opened. */
export function compareFollowUps(a: FollowUpEntry, b: FollowUpEntry): number {
	return (
		Number(b.open) - Number(a.open) ||
		Number(b.overdue) - Number(a.overdue) ||
		byCodeUnits(a.followUp.due_on, b.followUp.due_on) ||
		Date.parse(a.followUp.opened_at) - Date.parse(b.followUp.opened_at)
	);
}

/** Newest check-in first. Times compare as instants: the server's and the device's spell offsets differently. */
export const compareVisitsNewestFirst = (a: VisitEntry, b: VisitEntry): number =>
	Date.parse(b.visit.check_in_at) - Date.parse(a.visit.check_in_at) || byCodeUnits(b.visit.id, a.visit.id);

/** The hall date of a visit: its check-in's. */
export const visitDay = (visit: Pick<VisitRow, 'check_in_at'>): string =>
	hallDate(new Date(visit.check_in_at));
