/**
 * The ledger screen's month, as the URL carries it (`?month=2026-11`): a calendar month of the hall (UTC+8), never
 * one not yet begun. Without a usable month the screen opens the last month, the one a manager closes.
 */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month `delta` months from `month` (`YYYY-MM`). */
export function shiftMonth(month: string, delta: number): string {
	const [year, index] = month.split('-').map(Number) as [number, number];
	const shifted = new Date(Date.UTC(year, index - 1 + delta, 1));
	return shifted.toISOString().slice(0, 7);
}

/** Whether `month` is a month and has begun by the hall's `today` (`YYYY-MM-DD`). */
export function isBegunMonth(month: string, today: string): boolean {
	return MONTH.test(month) && month <= today.slice(0, 7);
}

/** The month the URL asks for when it may be shown, else the month before `today`'s. */
export function monthFromParam(param: string | null, today: string): string {
	return param !== null && isBegunMonth(param, today) ? param : shiftMonth(today.slice(0, 7), -1);
}
