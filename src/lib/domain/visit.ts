import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { addDays, hallDate } from './hall-time';
import { deviceTimestamp, fromYearOne } from './sync-protocol';
import { hasVisibleText, plainText, visibleText } from './text';

/**
 * On-site visits to key enterprises and the follow-ups of what they asked for (docs/VISITS.md, "Visits and
 * follow-ups"). The client's one definition of the shape; the server's is supabase/migrations/*_visits.sql (schema
 * agreement test). Flags (far, no position, running) are derived by visit-flags.ts, never stored; who may take
 * which follow-up action is follow-up-lifecycle.ts.
 */

export const VISIT_KINDS = [
	'onsite', // 上门
	'stationed', // 驻点
	'project' // 项目跟踪: names the project
] as const;
export const visitKind = z.enum(VISIT_KINDS);
export type VisitKind = z.infer<typeof visitKind>;

/** What asking the phone for a position gave: a fix, or why there is none (never blocks the visit). */
export const GEO_STATUSES = ['fix', 'denied', 'unavailable', 'timeout'] as const;
export const geoStatus = z.enum(GEO_STATUSES);
export type GeoStatus = z.infer<typeof geoStatus>;

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done', 'cannot_solve'] as const;
export const followUpStatus = z.enum(FOLLOW_UP_STATUSES);
export type FollowUpStatus = z.infer<typeof followUpStatus>;

export const FOLLOW_UP_ACTIONS = ['start', 'done', 'cannot', 'reopen', 'reassign', 'due'] as const;
export const followUpAction = z.enum(FOLLOW_UP_ACTIONS);
export type FollowUpAction = z.infer<typeof followUpAction>;

/** A timeline entry: the opening, each action by the name of what happened, and plain notes. */
export const FOLLOW_UP_EVENT_KINDS = [
	'opened',
	'started',
	'done',
	'cannot_solve',
	'reopened',
	'reassigned',
	'due_changed',
	'note'
] as const;
export const followUpEventKind = z.enum(FOLLOW_UP_EVENT_KINDS);
export type FollowUpEventKind = z.infer<typeof followUpEventKind>;

export const VISIT_LIMITS = {
	summary: 2000,
	met: 200,
	companions: 10,
	demand: 500,
	note: 500,
	reason: 500,
	maxAccuracyMeters: 100_000,
	demands: 20,
	/** A follow-up is due from the day it is opened to this many days after (hall dates). */
	dueWithinDays: 365,
	/** A timeline holds at most this many entries; one more is refused as a conflict. */
	eventsPerFollowUp: 200,
	/** A position farther than this from the enterprise's is flagged (never refused). */
	farMeters: 500
} as const;

/** What the server's app.visits_rules() must answer; the schema agreement test compares the two. */
export const VISIT_RULES = { ...VISIT_LIMITS };

const uuid = z.uuid();
const hallDay = z.iso.date().check(fromYearOne);
const latitude = z.float64().check(z.minimum(-90), z.maximum(90));
const longitude = z.float64().check(z.minimum(-180), z.maximum(180));
const accuracy = z.float64().check(z.minimum(0), z.maximum(VISIT_LIMITS.maxAccuracyMeters));

/** Whether `due` may be a follow-up's due date when it was opened at `openedAt`: that hall day to 365 days after. */
export function dueDateFits(due: string, openedAt: string): boolean {
	if (Number.isNaN(Date.parse(openedAt))) return true; // opened_at's own check refuses it
	const opened = hallDate(new Date(openedAt));
	return due >= opened && due <= addDays(opened, VISIT_LIMITS.dueWithinDays);
}

// ─── Rows ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const visitRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		enterprise_id: uuid,
		project_id: z.nullable(uuid),
		kind: visitKind,
		/** The author, set by the server. */
		staff_id: uuid,
		staff_name: z.string(),
		companion_ids: z.array(uuid),
		/** The enterprise's people met, free text. */
		met: z.nullable(z.string()),
		check_in_at: deviceTimestamp,
		check_in_geo: geoStatus,
		check_in_latitude: z.nullable(z.float64()),
		check_in_longitude: z.nullable(z.float64()),
		check_in_accuracy_m: z.nullable(z.float64()),
		/** null while the visit runs. */
		check_out_at: z.nullable(deviceTimestamp),
		check_out_geo: z.nullable(geoStatus),
		check_out_latitude: z.nullable(z.float64()),
		check_out_longitude: z.nullable(z.float64()),
		check_out_accuracy_m: z.nullable(z.float64()),
		summary: z.nullable(z.string()),
		saved_at: deviceTimestamp,
		version: z.number()
	})
);
export type VisitRow = z.infer<typeof visitRow>;

/** A demand followed until closed; `visit_id` is null for one opened from the enterprise's page. */
export const followUpRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		enterprise_id: uuid,
		visit_id: z.nullable(uuid),
		demand: z.string(),
		owner_id: uuid,
		owner_name: z.string(),
		due_on: hallDay,
		status: followUpStatus,
		opened_by: uuid,
		opened_by_name: z.string(),
		opened_at: deviceTimestamp,
		closed_at: z.nullable(deviceTimestamp),
		/** Why it cannot be solved; null otherwise. */
		reason: z.nullable(z.string()),
		version: z.number()
	})
);
export type FollowUpRow = z.infer<typeof followUpRow>;

export const followUpEventRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		follow_up_id: uuid,
		kind: followUpEventKind,
		from_status: z.nullable(followUpStatus),
		to_status: z.nullable(followUpStatus),
		staff_id: uuid,
		staff_name: z.string(),
		/** For `opened` and `reassigned`: to whom. */
		owner_id: z.nullable(uuid),
		owner_name: z.nullable(z.string()),
		/** For `opened` and `due_changed`: the due date. */
		due_on: z.nullable(hallDay),
		note: z.nullable(z.string()),
		occurred_at: deviceTimestamp,
		version: z.number()
	})
);
export type FollowUpEventRow = z.infer<typeof followUpEventRow>;

// ─── Ops ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Null exactly when there is no fix: a position is all three numbers or none. */
const geoFits = (
	geo: GeoStatus | null,
	lat: number | null,
	lon: number | null,
	accuracyM: number | null
): boolean =>
	geo === 'fix'
		? lat !== null && lon !== null && accuracyM !== null
		: lat === null && lon === null && accuracyM === null;

/**
 * The whole visit, saved by its author at check-in (running: no check-out) and again at check-out. A project visit
 * names its project; the position fields match what the phone answered; check-out is not before check-in.
 */
export const saveVisit = lazySchema(() =>
	z
		.strictObject({
			id: uuid,
			enterprise_id: uuid,
			project_id: z.nullable(uuid),
			kind: visitKind,
			companion_ids: z.array(uuid).check(
				z.maxLength(VISIT_LIMITS.companions),
				z.refine((ids) => new Set(ids).size === ids.length)
			),
			met: z.nullable(visibleText(VISIT_LIMITS.met)),
			check_in_at: deviceTimestamp,
			check_in_geo: geoStatus,
			check_in_latitude: z.nullable(latitude),
			check_in_longitude: z.nullable(longitude),
			check_in_accuracy_m: z.nullable(accuracy),
			check_out_at: z.nullable(deviceTimestamp),
			check_out_geo: z.nullable(geoStatus),
			check_out_latitude: z.nullable(latitude),
			check_out_longitude: z.nullable(longitude),
			check_out_accuracy_m: z.nullable(accuracy),
			summary: z.nullable(visibleText(VISIT_LIMITS.summary)),
			saved_at: deviceTimestamp
		})
		.check(
			z.refine((p) => p.kind !== 'project' || p.project_id !== null, { path: ['project_id'] }),
			z.refine(
				(p) => geoFits(p.check_in_geo, p.check_in_latitude, p.check_in_longitude, p.check_in_accuracy_m),
				{ path: ['check_in_geo'] }
			),
			z.refine(
				(p) =>
					p.check_out_at === null
						? p.check_out_geo === null &&
							p.check_out_latitude === null &&
							p.check_out_longitude === null &&
							p.check_out_accuracy_m === null
						: p.check_out_geo !== null &&
							geoFits(p.check_out_geo, p.check_out_latitude, p.check_out_longitude, p.check_out_accuracy_m),
				{ path: ['check_out_geo'] }
			),
			z.refine((p) => p.check_out_at === null || Date.parse(p.check_out_at) >= Date.parse(p.check_in_at), {
				path: ['check_out_at']
			})
		)
);
export type SaveVisit = z.infer<typeof saveVisit>;

/**
 * A demand opened as a follow-up (any staff of the hall) with its `opened` timeline entry (`event_id`); due from the
 * opening's hall day to 365 days after it.
 */
export const openFollowUp = lazySchema(() =>
	z
		.strictObject({
			id: uuid,
			event_id: uuid,
			enterprise_id: uuid,
			visit_id: z.nullable(uuid),
			demand: visibleText(VISIT_LIMITS.demand),
			owner_id: uuid,
			due_on: hallDay,
			opened_at: deviceTimestamp
		})
		.check(z.refine((p) => dueDateFits(p.due_on, p.opened_at), { path: ['due_on'] }))
);
export type OpenFollowUp = z.infer<typeof openFollowUp>;

/**
 * One step of the lifecycle (`id` is its timeline entry's); every field present, null where unused. `from_status`
 * is the status the device saw (a stale one is a conflict). A reassign names the new owner, a due change the date;
 * done, cannot and reopen say why in `note`.
 */
export const actOnFollowUp = lazySchema(() =>
	z
		.strictObject({
			id: uuid,
			follow_up_id: uuid,
			action: followUpAction,
			from_status: followUpStatus,
			owner_id: z.nullable(uuid),
			due_on: z.nullable(hallDay),
			note: z.nullable(plainText(VISIT_LIMITS.note)),
			occurred_at: deviceTimestamp
		})
		.check(
			z.refine((p) => (p.action === 'reassign') === (p.owner_id !== null), { path: ['owner_id'] }),
			z.refine((p) => (p.action === 'due') === (p.due_on !== null), { path: ['due_on'] }),
			z.refine(
				(p) =>
					!(p.action === 'done' || p.action === 'cannot' || p.action === 'reopen') || hasVisibleText(p.note),
				{ path: ['note'] }
			)
		)
);
export type ActOnFollowUp = z.infer<typeof actOnFollowUp>;

/** A note on a follow-up's timeline, by anyone of the hall, in any status. */
export const noteOnFollowUp = lazySchema(() =>
	z.strictObject({
		id: uuid,
		follow_up_id: uuid,
		note: visibleText(VISIT_LIMITS.note),
		occurred_at: deviceTimestamp
	})
);
export type NoteOnFollowUp = z.infer<typeof noteOnFollowUp>;
