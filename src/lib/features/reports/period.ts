import { REPORT_LIMITS } from '$lib/domain/report';
import { addDays } from '$lib/domain/hall-time';

/**
 * The report's period: a hall day, a week (Monday to Sunday), a calendar month, or any range of hall days, as the
 * URL carries it (`?period=month&from=2026-11-01`, `?period=range&from=…&to=…`). Days are `YYYY-MM-DD` hall days;
 * the arithmetic is on UTC dates of those labels, so the device's zone never shifts a day.
 */
export const PERIOD_KINDS = ['day', 'week', 'month', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export interface Period {
	kind: PeriodKind;
	from: string;
	to: string;
}

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function toTime(day: string): number {
	return Date.parse(`${day}T00:00:00Z`);
}

function toDay(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

function isDay(value: string | null): value is string {
	return value !== null && DAY_PATTERN.test(value) && toDay(toTime(value)) === value;
}

/** The period of `kind` that holds `day` (a range keeps its length, starting on `day`). */
export function periodOf(kind: Exclude<PeriodKind, 'range'>, day: string): Period {
	if (kind === 'day') return { kind, from: day, to: day };
	if (kind === 'week') {
		const weekday = (new Date(toTime(day)).getUTCDay() + 6) % 7; // Monday 0
		const from = addDays(day, -weekday);
		return { kind, from, to: addDays(from, 6) };
	}
	const from = `${day.slice(0, 7)}-01`;
	const next = new Date(toTime(from));
	next.setUTCMonth(next.getUTCMonth() + 1);
	return { kind, from, to: addDays(toDay(next.getTime()), -1) };
}

/** The number of days in the period, both ends included. */
export function periodDays(period: Period): number {
	return Math.round((toTime(period.to) - toTime(period.from)) / DAY_MS) + 1;
}

/** The period before (-1) or after (+1): the previous month, week or day; a range moves by its own length. */
export function shiftPeriod(period: Period, step: -1 | 1): Period {
	if (period.kind === 'range') {
		const length = periodDays(period);
		return {
			kind: 'range',
			from: addDays(period.from, step * length),
			to: addDays(period.to, step * length)
		};
	}
	if (period.kind === 'month') {
		const anchor = new Date(toTime(period.from));
		anchor.setUTCMonth(anchor.getUTCMonth() + step);
		return periodOf('month', toDay(anchor.getTime()));
	}
	return periodOf(period.kind, addDays(period.from, step * (period.kind === 'week' ? 7 : 1)));
}

/** A range the server accepts: `from` ≤ `to`, at most REPORT_LIMITS.maxDays days. */
export function isValidRange(from: string, to: string): boolean {
	return (
		isDay(from) && isDay(to) && from <= to && periodDays({ kind: 'range', from, to }) <= REPORT_LIMITS.maxDays
	);
}

/** The period a URL names; this month of `today` when it names none or a broken one. */
export function periodFromParams(params: URLSearchParams, today: string): Period {
	const kind = params.get('period');
	const from = params.get('from');
	if (kind === 'range') {
		const to = params.get('to');
		if (isDay(from) && isDay(to) && isValidRange(from, to)) return { kind, from, to };
	} else if ((kind === 'day' || kind === 'week' || kind === 'month') && isDay(from)) {
		return periodOf(kind, from);
	}
	return periodOf('month', today);
}

/** The URL's parameters of a period (a range names both ends, the others their first day). */
export function periodParams(period: Period): Record<string, string> {
	return period.kind === 'range'
		? { period: 'range', from: period.from, to: period.to }
		: { period: period.kind, from: period.from };
}

/** The report screen's query string: the period, and the hall when one is chosen (none: every hall). */
export function reportQuery(period: Period, hall: string): string {
	const params = { ...periodParams(period), ...(hall ? { hall } : {}) };
	return Object.entries(params)
		.map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
		.join('&');
}

/** The period's short name in file names: `2026-11`, `2026-11-02`, `2026-11-02至2026-11-08`. */
export function periodSlug(period: Pick<Period, 'from' | 'to'>): string {
	if (period.from === period.to) return period.from;
	const month = periodOf('month', period.from);
	if (month.from === period.from && month.to === period.to) return period.from.slice(0, 7);
	return `${period.from}至${period.to}`;
}
