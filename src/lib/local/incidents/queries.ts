import type {
	IncidentComplainantRow,
	IncidentEventRow,
	IncidentLimitsRow,
	IncidentRow
} from '$lib/domain/incident';
import { isOpen } from '$lib/domain/incident-lifecycle';
import {
	compareByUrgency,
	incidentSla,
	limitsOf,
	type IncidentLimits,
	type IncidentSla
} from '$lib/domain/incident-sla';
import type { Actor, LocalDb } from '../db';
import { readActor as actorOf } from '../device-actor';
import { pendingIds } from '../outbox';
import { prechecks } from '../prechecks/tables';
import { serviceRecordEvents } from '../service-records/tables';
import { staffDirectory } from '../staff/tables';
import { knownStaff, type KnownStaff } from './staff';
import { incidentComplainants, incidentEvents, incidentLimits, incidents } from './tables';

/** The reads behind the incident screens, as plain async functions (live.svelte.ts makes them live). */

export interface IncidentListEntry {
	incident: IncidentRow;
	sla: IncidentSla;
	/** The incident or one of its entries still waits for the server. */
	pending: boolean;
}

/** A timeline entry with its sync state: waiting for the server, or refused by it (the sync panel says why). */
export interface TimelineEntry {
	event: IncidentEventRow;
	pending: boolean;
	refused: boolean;
}

/** An action of this device the server refused, still in the needs-attention list. */
export interface RefusedAction {
	code: string;
	action: string;
}

export interface IncidentDetail extends IncidentListEntry {
	/** Oldest first. */
	timeline: TimelineEntry[];
	/** Only on the reporter's and the managers' devices. */
	complainant: IncidentComplainantRow | null;
	limits: IncidentLimits;
	refused: RefusedAction[];
}

const scope = (db: LocalDb) => [
	incidents.of(db),
	incidentEvents.of(db),
	incidentComplainants.of(db),
	incidentLimits.of(db),
	db.outbox,
	db.rejected,
	db.sync_state
];

async function hallLimits(db: LocalDb, actor: Actor | null): Promise<IncidentLimits> {
	return limitsOf(actor ? await incidentLimits.of(db).get(actor.hall_id) : null);
}

function entryOf(
	incident: IncidentRow,
	limits: IncidentLimits,
	pending: Set<string>,
	now: Date
): IncidentListEntry {
	return { incident, sla: incidentSla(incident, limits, now), pending: pending.has(incident.id) };
}

/** The action a refused op took: an incident.act's, or 'note'. */
function actionOf(payload: unknown): string {
	const action = (payload as { action?: unknown } | null)?.action;
	return typeof action === 'string' ? action : 'note';
}

/** One incident with its timeline, complainant, time limits and refused actions; null when not on this device. */
export function loadIncident(
	db: LocalDb,
	id: string,
	now: Date = new Date()
): Promise<IncidentDetail | null> {
	return db.transaction('r', scope(db), async () => {
		const incident = await incidents.of(db).get(id);
		if (!incident) return null;
		const actor = await actorOf(db);
		const [events, complainant, limits, pending, rejected] = await Promise.all([
			incidentEvents.of(db).where('incident_id').equals(id).toArray(),
			incidentComplainants.of(db).get(id),
			hallLimits(db, actor),
			pendingIds(db),
			db.rejected.toArray()
		]);
		const refusedOps = rejected.filter(
			(entry) => entry.type.startsWith('incident.') && entry.touches.includes(id)
		);
		const refusedIds = new Set(refusedOps.flatMap((entry) => entry.touches));
		events.sort((a, b) => a.occurred_at.localeCompare(b.occurred_at) || a.id.localeCompare(b.id));
		return {
			...entryOf(incident, limits, pending, now),
			pending: pending.has(id) || events.some((event) => pending.has(event.id)),
			timeline: events.map((event) => ({
				event,
				pending: pending.has(event.id),
				refused: event.version === 0 && refusedIds.has(event.id)
			})),
			complainant: complainant ?? null,
			limits,
			refused: refusedOps.map((entry) => ({
				code: (entry as { code: string }).code,
				action: actionOf(entry.payload)
			}))
		};
	});
}

/** Every incident of the hall on this device, most urgent first (the board filters and groups them). */
export function listIncidents(db: LocalDb, now: Date = new Date()): Promise<IncidentListEntry[]> {
	return db.transaction('r', scope(db), async () => {
		const [rows, limits, pending] = await Promise.all([
			incidents.of(db).toArray(),
			hallLimits(db, await actorOf(db)),
			pendingIds(db)
		]);
		return rows.map((row) => entryOf(row, limits, pending, now)).sort(compareByUrgency);
	});
}

/** Assigned to me, or reported by me, and not closed; overdue first (the home). */
export function listMyOpenIncidents(db: LocalDb, now: Date = new Date()): Promise<IncidentListEntry[]> {
	return db.transaction('r', scope(db), async () => {
		const actor = await actorOf(db);
		if (!actor) return [];
		const [assigned, reported, limits, pending] = await Promise.all([
			incidents.of(db).where('assignee_id').equals(actor.staff_id).toArray(),
			incidents.of(db).where('reporter_id').equals(actor.staff_id).toArray(),
			hallLimits(db, actor),
			pendingIds(db)
		]);
		const mine = new Map([...assigned, ...reported].map((row) => [row.id, row]));
		return [...mine.values()]
			.filter((row) => isOpen(row.status))
			.map((row) => entryOf(row, limits, pending, now))
			.sort(compareByUrgency);
	});
}

/** The hall's limits row (or null: the defaults apply) and whether a save still waits for the server. */
export function loadLimitsRow(db: LocalDb): Promise<{ row: IncidentLimitsRow | null; pending: boolean }> {
	return db.transaction('r', scope(db), async () => {
		const actor = await actorOf(db);
		if (!actor) return { row: null, pending: false };
		const row = (await incidentLimits.of(db).get(actor.hall_id)) ?? null;
		return { row, pending: (await pendingIds(db)).has(actor.hall_id) };
	});
}

/** The people an incident can be assigned to, as this device knows them. */
export function listKnownStaff(db: LocalDb): Promise<KnownStaff[]> {
	return db.transaction(
		'r',
		[
			staffDirectory.of(db),
			incidents.of(db),
			incidentEvents.of(db),
			prechecks.of(db),
			serviceRecordEvents.of(db),
			db.sync_state
		],
		async () => knownStaff(db, await actorOf(db))
	);
}
