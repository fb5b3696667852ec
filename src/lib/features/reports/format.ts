import type { Cell } from './sections';

/**
 * A report's figures as text: rates (0…1) as percentages with at most one decimal, and "—" where there is
 * nothing to rate (a null rate or median), never 0 %.
 */
export const NOTHING = '—';

export function percent(rate: number | null): string {
	if (rate === null) return NOTHING;
	return `${Math.round(rate * 1000) / 10}%`;
}

/** A rate from two counts: `part / whole`, null when `whole` is 0. */
export function rateOf(part: number, whole: number): number | null {
	return whole === 0 ? null : part / whole;
}

/** Whole minutes, or "—" when nothing was timed. */
export function minutesText(minutes: number | null): string {
	return minutes === null ? NOTHING : String(Math.round(minutes));
}

/** A cell of the report's model as the screen shows it. */
export function cellText(cell: Cell | undefined): string {
	if (!cell) return '';
	if (cell.kind === 'text') return cell.text;
	if (cell.kind === 'rate') return percent(cell.value);
	if (cell.kind === 'minutes') return minutesText(cell.value);
	return String(cell.value);
}
