/**
 * The incident screens' one seam to the device's data (src/lib/local/incidents): incidents, live, and the writes
 * of a report, a lifecycle step, a note and the hall's time limits. Writes never wait for the network; a refused
 * write throws a LocalWriteError (bad input, nothing stored) or an IncidentRefusedError (the lifecycle said no).
 */
import { live } from '$lib/local/live.svelte';
import {
	listIncidents,
	listKnownStaff,
	listMyOpenIncidents,
	loadIncident,
	loadLimitsRow,
	type IncidentDetail,
	type IncidentListEntry
} from '$lib/local/incidents/queries';
import type { KnownStaff } from '$lib/local/incidents/staff';
import * as writes from '$lib/local/incidents/writes';
import type { IncidentStep, LimitsInput, NewIncident } from '$lib/local/incidents/writes';
import type { IncidentLimitsRow } from '$lib/domain/incident';
import { localDb } from '../registry';

export { IncidentRefusedError } from '$lib/local/incidents/writes';
export type { IncidentDetail, IncidentListEntry, IncidentStep, KnownStaff, LimitsInput, NewIncident };

type Arg<T> = T | (() => T);
const read = <T>(arg: Arg<T>): (() => T) => (typeof arg === 'function' ? (arg as () => T) : () => arg);

const MINUTE_MS = 60_000;
/** A moment for the queries, which compare due times against it (they never change it). */
const atTime = (millis: number): Date => new Date(millis);

/**
 * The time every due date is measured against, moving once a minute: an incident turns overdue on screen while
 * nobody touches it. Call during component initialisation.
 */
export function minuteClock(): { readonly now: number } {
	let millis = $state(Date.now());
	$effect(() => {
		const timer = setInterval(() => (millis = Date.now()), MINUTE_MS);
		return () => clearInterval(timer);
	});
	return {
		get now() {
			return millis;
		}
	};
}

/** One incident with its timeline, complainant (where this person may see it), time limits and refused steps. */
export function liveIncident(
	id: Arg<string>,
	now: () => number
): { readonly current: IncidentDetail | null | undefined } {
	return live(
		() => ({ id: read(id)(), now: now() }),
		(args) => loadIncident(localDb(), args.id, atTime(args.now))
	);
}

/** Every incident of the hall on this device, most urgent first. */
export function liveIncidents(now: () => number): { readonly current: IncidentListEntry[] | undefined } {
	return live(now, (at) => listIncidents(localDb(), atTime(at)));
}

/** Assigned to or reported by the signed-in person, not closed; overdue first (the home). */
export function liveMyOpenIncidents(now: () => number): {
	readonly current: IncidentListEntry[] | undefined;
} {
	return live(now, (at) => listMyOpenIncidents(localDb(), atTime(at)));
}

/** The hall staff this device knows, for the assign picker. */
export function liveKnownStaff(): { readonly current: KnownStaff[] | undefined } {
	return live(
		() => null,
		() => listKnownStaff(localDb())
	);
}

/** The hall's limits row (null: the defaults) and whether a save waits for the server. */
export function liveLimitsRow(): {
	readonly current: { row: IncidentLimitsRow | null; pending: boolean } | undefined;
} {
	return live(
		() => null,
		() => loadLimitsRow(localDb())
	);
}

export function reportIncident(input: NewIncident): Promise<{ id: string }> {
	return writes.reportIncident(localDb(), input);
}

export function actOnIncident(step: IncidentStep): Promise<{ id: string }> {
	return writes.actOnIncident(localDb(), step);
}

export function noteOnIncident(incidentId: string, note: string): Promise<{ id: string }> {
	return writes.noteOnIncident(localDb(), incidentId, note);
}

export function saveIncidentLimits(input: LimitsInput): Promise<void> {
	return writes.saveIncidentLimits(localDb(), input);
}
