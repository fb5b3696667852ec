/**
 * The visit and follow-up screens' one seam to the device's data (src/lib/local/visits): visits, follow-ups and
 * the managers' review, live, and the writes of a visit (with its demands and photos), a follow-up, a lifecycle
 * step and a note. Writes never wait for the network; a refused write throws a LocalWriteError (bad input, nothing
 * stored; `fields` names them) or a VisitRefusedError (what the device knows says no, with the server's code).
 */
import { hallDate } from '$lib/domain/hall-time';
import type { VisitRow } from '$lib/domain/visit';
import { weekOf } from '$lib/domain/visit-plan';
import type { FollowUpEntry, VisitEntry } from '$lib/local/visits/entries';
import { live } from '$lib/local/live.svelte';
import {
	listMyOpenFollowUps,
	listMyVisits,
	listOpenFollowUps,
	loadFollowUp,
	loadMyLastVisit,
	loadReview,
	loadVisit,
	type FollowUpDetail,
	type FollowUpTimelineEntry,
	type VisitDetail,
	type VisitReview
} from '$lib/local/visits/queries';
import * as writes from '$lib/local/visits/writes';
import type {
	DemandInput,
	FollowUpInput,
	FollowUpStep,
	GeoReading,
	VisitInput,
	VisitRefusal
} from '$lib/local/visits/writes';
import { localDb } from '../registry';

export { VisitRefusedError } from '$lib/local/visits/writes';
export type {
	DemandInput,
	FollowUpDetail,
	FollowUpEntry,
	FollowUpInput,
	FollowUpStep,
	FollowUpTimelineEntry,
	GeoReading,
	VisitDetail,
	VisitEntry,
	VisitInput,
	VisitRefusal,
	VisitReview
};

type Arg<T> = T | (() => T);
const read = <T>(arg: Arg<T>): (() => T) => (typeof arg === 'function' ? (arg as () => T) : () => arg);

const MINUTE_MS = 60_000;

/**
 * Today's hall date (Asia/Shanghai), checked once a minute: a follow-up turns overdue and the traffic lights move
 * at midnight while the screen stays open. Call during component initialisation.
 */
export function dayClock(): { readonly today: string } {
	let today = $state(hallDate());
	$effect(() => {
		const timer = setInterval(() => (today = hallDate()), MINUTE_MS);
		return () => clearInterval(timer);
	});
	return {
		get today() {
			return today;
		}
	};
}

/** One visit with its enterprise, project, companions, demands and flags; null when not on this device. */
export function liveVisit(
	id: Arg<string>,
	today: () => string
): { readonly current: VisitDetail | null | undefined } {
	return live(
		() => ({ id: read(id)(), today: today() }),
		(args) => loadVisit(localDb(), args.id, args.today)
	);
}

/** The signed-in person's visits of this hall week (Monday to Sunday), newest first (the home). */
export function liveMyVisitsThisWeek(today: () => string): { readonly current: VisitEntry[] | undefined } {
	return live(today, (day) => {
		const week = weekOf(day);
		return listMyVisits(localDb(), week.from, week.to);
	});
}

/** The signed-in person's last visit to an enterprise, or null: what 复制上次走访 copies. */
export function liveMyLastVisit(enterpriseId: Arg<string>): {
	readonly current: VisitRow | null | undefined;
} {
	return live(read(enterpriseId), (id) => loadMyLastVisit(localDb(), id));
}

/** My follow-ups not closed: overdue first, then by due date (the home filters "due within 7 days" itself). */
export function liveMyOpenFollowUps(today: () => string): { readonly current: FollowUpEntry[] | undefined } {
	return live(today, (day) => listMyOpenFollowUps(localDb(), day));
}

/** Everyone's follow-ups not closed (managers): overdue first, then by due date; group by owner_id to show. */
export function liveOpenFollowUps(today: () => string): { readonly current: FollowUpEntry[] | undefined } {
	return live(today, (day) => listOpenFollowUps(localDb(), day));
}

/** One follow-up with its enterprise, visit, timeline and the actions the signed-in person may take. */
export function liveFollowUp(
	id: Arg<string>,
	today: () => string
): { readonly current: FollowUpDetail | null | undefined } {
	return live(
		() => ({ id: read(id)(), today: today() }),
		(args) => loadFollowUp(localDb(), args.id, args.today)
	);
}

/** The managers' review of hall dates from…to (default: this week): visits by staff, open follow-ups, overdue. */
export function liveReview(
	period: () => { from: string; to: string } | null,
	today: () => string
): { readonly current: VisitReview | undefined } {
	return live(
		() => ({ period: period() ?? weekOf(today()), today: today() }),
		(args) => loadReview(localDb(), args.period.from, args.period.to, args.today)
	);
}

/** Saves a visit whole (check-in, changes, check-out), opening its new demands and attaching its photos. */
export function saveVisit(input: VisitInput): Promise<{ id: string; followUpIds: string[] }> {
	return writes.saveVisit(localDb(), input);
}

export function openFollowUp(input: FollowUpInput): Promise<{ id: string }> {
	return writes.openFollowUp(localDb(), input);
}

export function actOnFollowUp(step: FollowUpStep): Promise<{ id: string }> {
	return writes.actOnFollowUp(localDb(), step);
}

export function noteFollowUp(followUpId: string, note: string): Promise<{ id: string }> {
	return writes.noteFollowUp(localDb(), followUpId, note);
}
