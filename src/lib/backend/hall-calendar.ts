import * as z from 'zod/mini';
import {
	calendarDay,
	calendarDayState,
	type CalendarDay,
	type CalendarDayState
} from '$lib/domain/hall-calendar';
import type { BackendClient } from './client';
import { reportCaller, type ReportResult } from './report-rpc';

/**
 * The district calendar over RPC (docs/REPORTS.md, "Open days"): `public.calendar_days(from_day, to_day)` for
 * any staff member, `public.set_calendar_day(day, open, note)` for a manager of a district center. Refusals are the
 * reports' reasons (./report-rpc.ts): `forbidden`, `invalid_range` (a bad day or a missing reason), `network`,
 * `unexpected`.
 */
export function hallCalendarOver(client: () => BackendClient) {
	const call = reportCaller(client);
	return {
		/** The exceptions of one calendar year, by day. */
		yearDays: (year: number): Promise<ReportResult<CalendarDay[]>> =>
			call('calendar_days', { from_day: `${year}-01-01`, to_day: `${year}-12-31` }, z.array(calendarDay)),

		/** Records whether halls open on a day; a day set back to the plain week stops being an exception. */
		setDay: (day: string, open: boolean, note: string): Promise<ReportResult<CalendarDayState>> =>
			call('set_calendar_day', { day, open, note: note.trim() }, calendarDayState)
	};
}

/** The calendar through the app's client, loaded on first use like the rest of Supabase. */
export async function appHallCalendar(): Promise<ReturnType<typeof hallCalendarOver>> {
	const { supabase } = await import('./client');
	return hallCalendarOver(supabase);
}
