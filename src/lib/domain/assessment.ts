import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { reportHall } from './report';
import { staffPost } from './staff-directory';

/**
 * Staff workload (业务处理量, one indicator of 绩效考核): per staff member and hall, what the rows of a range of hall
 * days show they did, computed in Postgres by `public.staff_workload` (supabase/migrations/*_workload_and_ledger.sql)
 * and read here. The same caller checks and refusals as the report (`report_forbidden`, `report_invalid_range`,
 * docs/REPORTS.md "Staff workload"); the integration tests parse every answer with this schema.
 *
 * Days are hall days (UTC+8, `YYYY-MM-DD`), `from` and `to` both included; a timestamp belongs to the range when it
 * falls between 00:00 of `from` and 24:00 of `to` on the hall's clock. Counts are of rows, never of minutes worked:
 * the manager's own scores (rating, skill, attendance) come from elsewhere.
 */

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const count = z.int().check(z.minimum(0));

export const workloadRequest = lazySchema(() =>
	z.object({
		hall_ids: z.array(z.uuid()).check(z.minLength(1)),
		from: day,
		to: day
	})
);
export type WorkloadRequest = z.infer<typeof workloadRequest>;

export const staffWorkloadRow = lazySchema(() =>
	z.object({
		staff_id: z.uuid(),
		/** The person's name and post now (app.staff), not as written on the rows. */
		name: z.string(),
		post: staffPost,
		/** The hall whose rows these are: someone who moved has a row in each hall they worked in. */
		hall_id: z.uuid(),
		/** False for a deactivated colleague, listed only when the range has work of theirs. */
		active: z.boolean(),
		/** Service records (live, not merged away) with a ticket date in the range they opened first (首问). */
		records_first_responder: count,
		/** Timeline events they recorded on those records, of any record's first responder (consult, guide, accept…). */
		record_events: count,
		/** Pre-checks they made (created in the range). */
		prechecks: count,
		/** Of those, with a one-time notice (a notice number). */
		notices: count,
		/** Return visits (rounds after the first) they checked in the range. */
		return_rounds: count,
		/** Patrol rounds of a day in the range they finished (window rounds and extra ones). */
		patrol_rounds: count,
		/** Of those, rounds of a plan window started after the window's end plus grace. */
		patrol_rounds_late: count,
		/** Of those, finished without checking every active checkpoint. */
		patrol_rounds_incomplete: count,
		/** Incidents they reported in the range. */
		incidents_reported: count,
		/** Incidents assigned to them and resolved in the range (resolved now: a reopen takes one back). */
		incidents_handled: count,
		/** Incident events they recorded in the range other than the report itself (assign, start, resolve, notes…). */
		incident_steps: count,
		/** Visits they made (checked in within the range) / went on as a companion. */
		visits: count,
		visits_accompanied: count,
		/** Follow-ups they opened in the range. */
		follow_ups_opened: count,
		/** Follow-ups they closed in the range (done or cannot solve; each closing counts, after a reopen too). */
		follow_ups_closed: count,
		/** Other follow-up events they recorded in the range (start, reopen, reassign, new date, notes). */
		follow_up_steps: count
	})
);
export type StaffWorkloadRow = z.infer<typeof staffWorkloadRow>;

export const staffWorkload = lazySchema(() =>
	z.object({
		halls: z.array(reportHall),
		from: day,
		to: day,
		/** When the server computed it. */
		generated_at: z.string(),
		/** Hall by hall (the center first), then by name. */
		staff: z.array(staffWorkloadRow)
	})
);
export type StaffWorkload = z.infer<typeof staffWorkload>;

/** The counts of a row, in the order the screen and its exports show them. */
export const WORKLOAD_MEASURES = [
	'records_first_responder',
	'record_events',
	'prechecks',
	'notices',
	'return_rounds',
	'patrol_rounds',
	'patrol_rounds_late',
	'patrol_rounds_incomplete',
	'incidents_reported',
	'incidents_handled',
	'incident_steps',
	'visits',
	'visits_accompanied',
	'follow_ups_opened',
	'follow_ups_closed',
	'follow_up_steps'
] as const satisfies readonly (keyof StaffWorkloadRow)[];
export type WorkloadMeasure = (typeof WORKLOAD_MEASURES)[number];

/**
 * The counts that make a person's business volume (业务量合计): every measure except the ones that are a part of
 * another (notices are pre-checks, late and incomplete rounds are rounds). `app.workload_total_measures()` is the
 * server's list, which the quarterly ranking sums; the integration test compares the two.
 */
export const WORKLOAD_TOTAL_MEASURES = WORKLOAD_MEASURES.filter(
	(measure) =>
		measure !== 'notices' && measure !== 'patrol_rounds_late' && measure !== 'patrol_rounds_incomplete'
);

/** A person's business volume over the range: the sum of WORKLOAD_TOTAL_MEASURES. */
export function workloadTotal(row: Pick<StaffWorkloadRow, WorkloadMeasure>): number {
	return WORKLOAD_TOTAL_MEASURES.reduce((total, measure) => total + row[measure], 0);
}
