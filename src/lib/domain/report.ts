import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { incidentCategory } from './incident';
import { businessCategory, eventKind, specialGroup } from './service-record';
import { visitKind } from './visit';

/**
 * The managers' report (统计报表): one hall's or several halls' figures for a range of hall days, computed in
 * Postgres by `public.hall_report` (supabase/migrations/*_reports.sql) and read here. This schema is the client's
 * one definition of the answer: the report screen, its charts and its Excel and CSV exports all read this shape,
 * and the integration tests parse every answer with it. docs/REPORTS.md says how each figure is counted.
 *
 * Days are hall days (UTC+8, `YYYY-MM-DD`), `from` and `to` both included. Rates are 0…1, or null when their
 * denominator is 0 (nothing to rate, which a chart must not show as 0 %). Minutes are whole minutes.
 */

export const REPORT_LIMITS = {
	/** The longest range one report covers: a year and a bit, so "the last 12 months" fits. */
	maxDays: 400,
	/** Most-missed materials and problems by checkpoint: the top of the list. */
	topRows: 10
} as const;

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const count = z.int().check(z.minimum(0));
const rate = z.nullable(z.number().check(z.minimum(0), z.maximum(1)));
const minutes = z.nullable(z.number().check(z.minimum(0)));

export const reportRequest = lazySchema(() =>
	z.object({
		hall_ids: z.array(z.uuid()).check(z.minLength(1)),
		from: day,
		to: day
	})
);
export type ReportRequest = z.infer<typeof reportRequest>;

export const reportHall = lazySchema(() => z.object({ id: z.uuid(), name: z.string() }));

export const operationSection = lazySchema(() =>
	z.object({
		/** Service records (not deleted, not merged away) with a ticket date in the range. */
		visitors: count,
		/** Every day of the range, zeros included, oldest first. */
		by_day: z.array(z.object({ day, visitors: count })),
		/** Hours 0…23 of the hall's clock (the record's opened_at), all 24, zeros included. */
		by_hour: z.array(z.object({ hour: z.int().check(z.minimum(0), z.maximum(23)), visitors: count })),
		/** Business categories, most visitors first; `null` is "not yet categorised". */
		by_category: z.array(z.object({ category: z.nullable(businessCategory), visitors: count })),
		/** Each special group, all four, zeros included (a record may be in several). */
		special_groups: z.array(z.object({ group: specialGroup, visitors: count })),
		/** Records with any special group. */
		special_visitors: count,
		green_channel: count,
		/** Events on those records by kind, all kinds, zeros included. */
		events: z.array(z.object({ kind: eventKind, count }))
	})
);

export const consultationSection = lazySchema(() =>
	z.object({
		/** Records with a consult event or the category "consultation". */
		records: count,
		/** Consult events. */
		events: count,
		/** Consulted records by category, most first. */
		by_category: z.array(z.object({ category: z.nullable(businessCategory), records: count }))
	})
);

export const precheckSection = lazySchema(() =>
	z.object({
		/** Pre-checks created in the range. */
		prechecks: count,
		/** Of those, complete at the first round. */
		complete_first: count,
		complete_rate: rate,
		/** Of those, with a one-time notice. */
		notices: count,
		/** Notices whose applicant came back (a later round), whenever they came. */
		returned: count,
		/** Returns where the return round was complete. */
		completed_on_return: count,
		/** Returned notices with a return round that named a new gap: the one-time promise broken (counted once). */
		broken_promises: count,
		/** (returned − broken) / returned. */
		promise_kept_rate: rate,
		/** Materials marked missing or not acceptable in first rounds, most first, at most topRows. */
		most_missed: z.array(
			z.object({
				item_code: z.string(),
				item_name: z.string(),
				material_key: z.string(),
				material_name: z.string(),
				count
			})
		)
	})
);

export const incidentSection = lazySchema(() =>
	z.object({
		/** Incidents reported in the range. */
		reported: count,
		by_category: z.array(z.object({ category: incidentCategory, count })),
		by_severity: z.array(z.object({ severity: z.int().check(z.minimum(1), z.maximum(4)), count })),
		/** Of those, responded (assigned onwards) / within the hall's respond limit for their severity. */
		responded: count,
		responded_within: count,
		respond_median_minutes: minutes,
		/** Of those, resolved / within the resolve limit. */
		resolved: count,
		resolved_within: count,
		resolve_median_minutes: minutes,
		/** Reported in the range, not resolved at the range's end, and past their resolve limit then. */
		overdue_open: count
	})
);

export const patrolSection = lazySchema(() =>
	z.object({
		/** The plan's windows on each open day of the range (Monday to Friday) up to now. */
		expected_rounds: count,
		/** Windows with a finished round started in time / only late / with no round at all. */
		rounds_on_time: count,
		rounds_late: count,
		rounds_missed: count,
		/** Rounds of no window. */
		extra_rounds: count,
		/** Active checkpoints not checked in finished rounds, summed over rounds. */
		checkpoints_missed: count,
		/** Check items marked as problems. */
		problems: count,
		problems_by_checkpoint: z.array(z.object({ checkpoint_id: z.uuid(), name: z.string(), problems: count })),
		/** rounds_on_time / expected_rounds. */
		compliance_rate: rate
	})
);

export const supervisionSection = lazySchema(() =>
	z.object({
		/** Complaints reported in the range. */
		complaints: count,
		/** Of those, with a recorded callback (回访). */
		callbacks: count,
		/** Of those, closed. */
		closed: count,
		/** Of those, still open at the range's end. */
		open: count
	})
);

export const visitSection = lazySchema(() =>
	z.object({
		/** Visits checked in within the range. */
		visits: count,
		by_kind: z.array(z.object({ kind: visitKind, count })),
		enterprises_visited: count,
		/** Follow-ups opened in the range; closed (done or cannot solve) in the range; open and past due at its end. */
		follow_ups_opened: count,
		follow_ups_done: count,
		follow_ups_cannot_solve: count,
		follow_ups_overdue: count
	})
);

export const hallReport = lazySchema(() =>
	z.object({
		halls: z.array(reportHall),
		from: day,
		to: day,
		/** When the server computed it: the report a manager keeps offline says how old it is. */
		generated_at: z.string(),
		operation: operationSection,
		consultations: consultationSection,
		prechecks: precheckSection,
		incidents: incidentSection,
		patrols: patrolSection,
		supervision: supervisionSection,
		visits: visitSection
	})
);
export type HallReport = z.infer<typeof hallReport>;

/** The report's sections, in the order the screen, the print and the Excel workbook show them. */
export const REPORT_SECTIONS = [
	'operation',
	'consultations',
	'prechecks',
	'incidents',
	'patrols',
	'supervision',
	'visits'
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
