import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { PHONE_PATTERN } from './precheck';
import { deviceTimestamp } from './sync-protocol';
import { hasVisibleText, plainText, visibleText } from './text';

/**
 * Incident reports (事件上报) and their closed loop: found, reported in a standard way, followed until done
 * (docs/PATROL.md, "Incidents"). The client's one definition of the shape; the server's is
 * supabase/migrations/*_incidents.sql (schema agreement test). Who may do what, and when, is
 * src/lib/domain/incident-lifecycle.ts; the time limits are src/lib/domain/incident-sla.ts.
 */

export const INCIDENT_CATEGORIES = [
	'emergency', // 突发事件
	'complaint', // 投诉
	'equipment', // 设备故障
	'hazard', // 安全隐患
	'order', // 秩序
	'environment', // 环境
	'system' // 系统故障
] as const;
export const incidentCategory = z.enum(INCIDENT_CATEGORIES);
export type IncidentCategory = z.infer<typeof incidentCategory>;

/** 1 特别重大, 2 重大, 3 较大, 4 一般: 1 is the most severe. */
export const SEVERITIES = [1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severity = z.int().check(z.minimum(1), z.maximum(4));

export const INCIDENT_STATUSES = ['reported', 'assigned', 'in_progress', 'resolved', 'closed'] as const;
export const incidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof incidentStatus>;

export const INCIDENT_ACTIONS = ['assign', 'start', 'resolve', 'close', 'reopen', 'callback'] as const;
export const incidentAction = z.enum(INCIDENT_ACTIONS);
export type IncidentAction = z.infer<typeof incidentAction>;

/** What a timeline entry records: the report, each action (by the name of what happened), and plain notes. */
export const INCIDENT_EVENT_KINDS = [
	'reported',
	'assigned',
	'started',
	'resolved',
	'closed',
	'reopened',
	'callback',
	'note'
] as const;
export const incidentEventKind = z.enum(INCIDENT_EVENT_KINDS);
export type IncidentEventKind = z.infer<typeof incidentEventKind>;

export const INCIDENT_LIMITS = {
	place: 100,
	description: 1000,
	note: 500,
	complainantName: 50,
	callbackResult: 500,
	/** Time limits, in minutes: from one minute to 30 days. */
	minMinutes: 1,
	maxMinutes: 43200,
	/** A timeline holds at most this many entries; a note or action beyond it is refused as a conflict. */
	eventsPerIncident: 200
} as const;

/** What the server's app.incidents_rules() must answer; the schema agreement test compares the two. */
export const INCIDENT_RULES = {
	...INCIDENT_LIMITS,
	phonePattern: PHONE_PATTERN
};

const uuid = z.uuid();
const phone = z.string().check(z.regex(new RegExp(PHONE_PATTERN)));
const minutes = z.int().check(z.minimum(INCIDENT_LIMITS.minMinutes), z.maximum(INCIDENT_LIMITS.maxMinutes));

/** An incident as the server sends it. The complainant's name and phone are in `incident_complainants`. */
export const incidentRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		category: incidentCategory,
		severity,
		place: z.string(),
		/** A checkpoint of the hall (patrols), or null for a place typed freely. */
		checkpoint_id: z.nullable(uuid),
		description: z.string(),
		reporter_id: uuid,
		reporter_name: z.string(),
		reported_at: deviceTimestamp,
		status: incidentStatus,
		assignee_id: z.nullable(uuid),
		assignee_name: z.nullable(z.string()),
		/** The first assign or start: the respond limit is met or missed here. */
		responded_at: z.nullable(deviceTimestamp),
		resolved_at: z.nullable(deviceTimestamp),
		closed_at: z.nullable(deviceTimestamp),
		/** The complainant called back (回访), complaints only; a complaint closes only with one. */
		callback_result: z.nullable(z.string()),
		/** The patrol check it was reported from, or null. */
		source_check_id: z.nullable(uuid),
		version: z.number()
	})
);
export type IncidentRow = z.infer<typeof incidentRow>;

/** One entry of an incident's timeline: who, when, what, and the note. */
export const incidentEventRow = lazySchema(() =>
	z.object({
		id: uuid,
		incident_id: uuid,
		hall_id: uuid,
		kind: incidentEventKind,
		from_status: z.nullable(incidentStatus),
		to_status: z.nullable(incidentStatus),
		staff_id: uuid,
		staff_name: z.string(),
		/** For `assigned`: to whom. */
		assignee_id: z.nullable(uuid),
		assignee_name: z.nullable(z.string()),
		note: z.nullable(z.string()),
		occurred_at: deviceTimestamp,
		version: z.number()
	})
);
export type IncidentEventRow = z.infer<typeof incidentEventRow>;

/**
 * A complaint's complainant: only the incident's reporter and the hall's managers receive this row (RLS); every
 * other screen shows it masked. The row's id is its incident's.
 */
export const incidentComplainantRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		reporter_id: uuid,
		name: z.nullable(z.string()),
		phone: z.nullable(z.string()),
		version: z.number()
	})
);
export type IncidentComplainantRow = z.infer<typeof incidentComplainantRow>;

/**
 * A hall's time limits, one row per hall whose id is the hall's id. Per severity: respond (reported → first
 * assign or start) and resolve (reported → resolved), in minutes of calendar time. No row: the defaults.
 */
export const incidentLimitsRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		respond_minutes_1: z.int(),
		resolve_minutes_1: z.int(),
		respond_minutes_2: z.int(),
		resolve_minutes_2: z.int(),
		respond_minutes_3: z.int(),
		resolve_minutes_3: z.int(),
		respond_minutes_4: z.int(),
		resolve_minutes_4: z.int(),
		version: z.number()
	})
);
export type IncidentLimitsRow = z.infer<typeof incidentLimitsRow>;

// ─── Ops ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A new incident and its `reported` timeline entry (`event_id`). A complaint names someone to call back: a name
 * or a phone, at least one (the 回访 that closes it needs someone to reach); any other category carries neither
 * (minimal personal data).
 */
export const reportIncident = lazySchema(() =>
	z
		.strictObject({
			id: uuid,
			event_id: uuid,
			category: incidentCategory,
			severity,
			place: visibleText(INCIDENT_LIMITS.place),
			checkpoint_id: z.nullable(uuid),
			description: visibleText(INCIDENT_LIMITS.description),
			complainant_name: z.nullable(visibleText(INCIDENT_LIMITS.complainantName)),
			complainant_phone: z.nullable(phone),
			source_check_id: z.nullable(uuid),
			reported_at: deviceTimestamp
		})
		.check(
			z.refine(
				(p) =>
					p.category === 'complaint'
						? p.complainant_name !== null || p.complainant_phone !== null
						: p.complainant_name === null && p.complainant_phone === null,
				{ path: ['complainant_name'] }
			)
		)
);
export type ReportIncident = z.infer<typeof reportIncident>;

/**
 * One step of the lifecycle (`id` is its timeline entry's). `from_status` is the status the device saw: when the
 * server's differs, the op is a stale transition and is refused as a conflict naming the current status. An
 * assign names the assignee; a resolve and a reopen say why (note); a callback records its result.
 */
export const actOnIncident = lazySchema(() =>
	z
		.strictObject({
			id: uuid,
			incident_id: uuid,
			action: incidentAction,
			from_status: incidentStatus,
			assignee_id: z.nullable(uuid),
			note: z.nullable(plainText(INCIDENT_LIMITS.note)),
			callback_result: z.nullable(visibleText(INCIDENT_LIMITS.callbackResult)),
			occurred_at: deviceTimestamp
		})
		.check(
			z.refine((p) => (p.action === 'assign') === (p.assignee_id !== null), { path: ['assignee_id'] }),
			z.refine((p) => (p.action === 'callback') === (p.callback_result !== null), {
				path: ['callback_result']
			}),
			z.refine((p) => (p.action !== 'resolve' && p.action !== 'reopen') || hasVisibleText(p.note), {
				path: ['note']
			})
		)
);
export type ActOnIncident = z.infer<typeof actOnIncident>;

/** A note on the timeline, by anyone of the hall, in any status. */
export const noteOnIncident = lazySchema(() =>
	z.strictObject({
		id: uuid,
		incident_id: uuid,
		note: visibleText(INCIDENT_LIMITS.note),
		occurred_at: deviceTimestamp
	})
);
export type NoteOnIncident = z.infer<typeof noteOnIncident>;

/** A hall's time limits replaced whole (managers); `id` is the hall's. A response never takes longer than the fix. */
export const saveIncidentLimits = lazySchema(() =>
	z
		.strictObject({
			id: uuid,
			respond_minutes_1: minutes,
			resolve_minutes_1: minutes,
			respond_minutes_2: minutes,
			resolve_minutes_2: minutes,
			respond_minutes_3: minutes,
			resolve_minutes_3: minutes,
			respond_minutes_4: minutes,
			resolve_minutes_4: minutes
		})
		.check(
			z.refine((p) => p.respond_minutes_1 <= p.resolve_minutes_1, { path: ['respond_minutes_1'] }),
			z.refine((p) => p.respond_minutes_2 <= p.resolve_minutes_2, { path: ['respond_minutes_2'] }),
			z.refine((p) => p.respond_minutes_3 <= p.resolve_minutes_3, { path: ['respond_minutes_3'] }),
			z.refine((p) => p.respond_minutes_4 <= p.resolve_minutes_4, { path: ['respond_minutes_4'] })
		)
);
export type SaveIncidentLimits = z.infer<typeof saveIncidentLimits>;
