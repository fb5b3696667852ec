import type { IncidentLimitsRow, IncidentRow, IncidentStatus, Severity } from './incident';

/**
 * An incident's time limits (docs/PATROL.md, "Time limits"): respond (reported → first assign or start) and
 * resolve (reported → resolved), per severity and per hall, in calendar minutes: a limit runs through the night,
 * the weekend and the end of a month exactly as a clock does. Pure; the home, the board and the incident page all
 * read it, so an overdue incident stands out the same everywhere.
 */

export interface SeverityLimit {
	respond_minutes: number;
	resolve_minutes: number;
}
export type IncidentLimits = Readonly<Record<Severity, SeverityLimit>>;

/** A hall without its own limits uses these (the server's migration seeds the same values). */
export const DEFAULT_INCIDENT_LIMITS: IncidentLimits = {
	1: { respond_minutes: 15, resolve_minutes: 120 },
	2: { respond_minutes: 30, resolve_minutes: 480 },
	3: { respond_minutes: 120, resolve_minutes: 1440 },
	4: { respond_minutes: 480, resolve_minutes: 4320 }
};

/** The hall's limits from its row, or the defaults when it has none. */
export function limitsOf(row: IncidentLimitsRow | null | undefined): IncidentLimits {
	if (!row) return DEFAULT_INCIDENT_LIMITS;
	return {
		1: { respond_minutes: row.respond_minutes_1, resolve_minutes: row.resolve_minutes_1 },
		2: { respond_minutes: row.respond_minutes_2, resolve_minutes: row.resolve_minutes_2 },
		3: { respond_minutes: row.respond_minutes_3, resolve_minutes: row.resolve_minutes_3 },
		4: { respond_minutes: row.respond_minutes_4, resolve_minutes: row.resolve_minutes_4 }
	};
}

/**
 * One limit's standing: `open` (not met, still time), `overdue` (not met, past due), `met` (done in time),
 * `late` (done, after the due time), `none` (no longer asked: a closed incident that was never responded to).
 */
export type LimitState = 'open' | 'overdue' | 'met' | 'late' | 'none';

export interface LimitStanding {
	due: Date;
	state: LimitState;
	/** Minutes until due (negative: past it); only for open and overdue. */
	minutesLeft: number | null;
}

export interface IncidentSla {
	respond: LimitStanding;
	resolve: LimitStanding;
	/** What makes an incident stand out in every list: a limit running and already missed. */
	overdue: boolean;
	/** The next due time still running (respond first), or null when both are met or no longer asked. */
	nextDue: Date | null;
}

type SlaIncident = Pick<IncidentRow, 'severity' | 'reported_at' | 'responded_at' | 'resolved_at'> & {
	status: IncidentStatus;
};

const MINUTE_MS = 60_000;

function standing(due: Date, doneAt: string | null, running: boolean, now: Date): LimitStanding {
	if (doneAt !== null) {
		return { due, state: new Date(doneAt).getTime() <= due.getTime() ? 'met' : 'late', minutesLeft: null };
	}
	if (!running) return { due, state: 'none', minutesLeft: null };
	const left = Math.floor((due.getTime() - now.getTime()) / MINUTE_MS);
	return { due, state: now.getTime() > due.getTime() ? 'overdue' : 'open', minutesLeft: left };
}

/**
 * Due times and standing of an incident at `now`. The resolve limit runs until the incident is resolved (a reopen
 * clears `resolved_at`, so it runs again from the report: the problem was not solved in time after all); a closed
 * incident is never overdue.
 */
export function incidentSla(
	incident: SlaIncident,
	limits: IncidentLimits,
	now: Date = new Date()
): IncidentSla {
	const limit = limits[incident.severity as Severity] ?? DEFAULT_INCIDENT_LIMITS[4];
	const reported = new Date(incident.reported_at).getTime();
	const running = incident.status !== 'closed';
	const respond = standing(
		new Date(reported + limit.respond_minutes * MINUTE_MS),
		incident.responded_at,
		running,
		now
	);
	const resolve = standing(
		new Date(reported + limit.resolve_minutes * MINUTE_MS),
		incident.status === 'resolved' || incident.status === 'closed' ? incident.resolved_at : null,
		running && incident.status !== 'resolved',
		now
	);
	const runningDue = [respond, resolve].find((s) => s.state === 'open' || s.state === 'overdue');
	return {
		respond,
		resolve,
		overdue: respond.state === 'overdue' || resolve.state === 'overdue',
		nextDue: runningDue?.due ?? null
	};
}

/**
 * The order of every incident list: overdue first, then the earliest due time still running, then the newest
 * report; incidents with nothing running (resolved, closed) after those.
 */
export function compareByUrgency<
	T extends { sla: IncidentSla; incident: Pick<IncidentRow, 'reported_at' | 'id'> }
>(a: T, b: T): number {
	if (a.sla.overdue !== b.sla.overdue) return a.sla.overdue ? -1 : 1;
	const aDue = a.sla.nextDue?.getTime() ?? Infinity;
	const bDue = b.sla.nextDue?.getTime() ?? Infinity;
	if (aDue !== bDue) return aDue - bDue;
	return (
		b.incident.reported_at.localeCompare(a.incident.reported_at) || a.incident.id.localeCompare(b.incident.id)
	);
}
