import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

/**
 * The district's working calendar (docs/REPORTS.md, "Open days"): halls open Monday to Friday, except the public
 * holidays on weekdays and the weekend days worked in their place (调休上班), which the State Council publishes each
 * November. Postgres keeps the exceptions (`app.calendar_days`, supabase/migrations/*_hall_calendar.sql) and every
 * figure counting open days reads them; this file is the client's one definition of a day and its rules.
 */

/** app.calendar_rules() on the server; the integration test compares the two. */
export const CALENDAR_RULES = {
	/** The reason's longest form: "国庆节调休上班" and the like. */
	noteMax: 40,
	firstYear: 2020,
	lastYear: 2100,
	/** The longest range one read covers: a year and a bit. */
	maxDays: 400
} as const;

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const calendarDay = lazySchema(() =>
	z.object({
		day,
		/** True: a weekend day worked; false: a weekday off. */
		open: z.boolean(),
		/** Why: the holiday, or the holiday a worked day stands in for. */
		note: z.string(),
		updated_by_name: z.nullable(z.string()),
		updated_at: z.string()
	})
);
export type CalendarDay = z.infer<typeof calendarDay>;

/** What setting a day answers: whether halls now open then, and the reason if it is an exception. */
export const calendarDayState = lazySchema(() =>
	z.object({ day, open: z.boolean(), note: z.nullable(z.string()) })
);
export type CalendarDayState = z.infer<typeof calendarDayState>;

/** Monday to Friday: what a day is without an exception. */
export function plainWeekOpen(isoDay: string): boolean {
	const weekday = new Date(`${isoDay}T00:00:00Z`).getUTCDay();
	return weekday >= 1 && weekday <= 5;
}

export type CalendarEntryProblem = 'day' | 'year' | 'same_as_plain' | 'note_missing' | 'note_long';

/**
 * What is wrong with an exception a manager is about to record, checked before it is sent (the server refuses the
 * same): a real day within the calendar's years, one that differs from the plain week, and its reason.
 */
export function calendarEntryProblem(entry: {
	day: string;
	open: boolean;
	note: string;
}): CalendarEntryProblem | null {
	const parsed = new Date(`${entry.day}T00:00:00Z`);
	if (!day.safeParse(entry.day).success || Number.isNaN(parsed.getTime())) return 'day';
	if (parsed.toISOString().slice(0, 10) !== entry.day) return 'day';
	const year = parsed.getUTCFullYear();
	if (year < CALENDAR_RULES.firstYear || year > CALENDAR_RULES.lastYear) return 'year';
	if (entry.open === plainWeekOpen(entry.day)) return 'same_as_plain';
	const note = entry.note.trim();
	if (note === '') return 'note_missing';
	if ([...note].length > CALENDAR_RULES.noteMax) return 'note_long';
	return null;
}
