/**
 * Dates and times as the hall reads them: Asia/Shanghai whatever the device's zone (a tablet set to UTC must
 * still file a 07:30 ticket under today), 24-hour clock.
 *
 * Asia/Shanghai has been a fixed UTC+8 without daylight saving since 1991, so the hall's wall clock is plain
 * arithmetic. `Intl.DateTimeFormat` with a `timeZone` would give the same answer, but its first construction
 * loads the browser's time-zone data: 40–75 ms on a desktop, a long task on a phone, paid by every screen
 * that shows a time (hall-time.test.ts checks the arithmetic against Intl over the years the app can meet).
 */
const HALL_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The hall's wall clock of `moment` as ISO-8601 `YYYY-MM-DDTHH:MM:SS.sssZ` (the `Z` is meaningless here). */
function hallWallClock(moment: Date): string {
	return new Date(moment.getTime() + HALL_UTC_OFFSET_MS).toISOString();
}

/** The hall's calendar day of `moment`, e.g. 2026-11-25. */
export function hallDate(moment: Date = new Date()): string {
	return hallWallClock(moment).slice(0, 10);
}

/** The hall date `days` after `day` (both YYYY-MM-DD; calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
	const moment = new Date(`${day}T00:00:00.000Z`);
	moment.setUTCDate(moment.getUTCDate() + days);
	return moment.toISOString().slice(0, 10);
}

/** The hall's hour (0…23) of an instant. */
export function hallHour(iso: string): number {
	return Number(hallWallClock(new Date(iso)).slice(11, 13));
}

/** 14:03 for a time today, 2026-11-24 14:03 for any other day, so old entries never pass for today's. */
export function hallTime(iso: string, today: string = hallDate()): string {
	const moment = new Date(iso);
	if (Number.isNaN(moment.getTime())) return '';
	const wallClock = hallWallClock(moment);
	const day = wallClock.slice(0, 10);
	const clock = wallClock.slice(11, 16);
	return day === today ? clock : `${day} ${clock}`;
}
