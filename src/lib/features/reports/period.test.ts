import { describe, expect, it } from 'vitest';
import {
	isValidRange,
	periodDays,
	periodFromParams,
	periodOf,
	periodParams,
	periodSlug,
	reportQuery,
	shiftPeriod
} from './period';

describe('report periods', () => {
	it('finds the day, week (Monday to Sunday) and month of a day', () => {
		expect(periodOf('day', '2026-11-25')).toEqual({ kind: 'day', from: '2026-11-25', to: '2026-11-25' });
		expect(periodOf('week', '2026-11-25')).toEqual({ kind: 'week', from: '2026-11-23', to: '2026-11-29' });
		expect(periodOf('week', '2026-11-29')).toEqual({ kind: 'week', from: '2026-11-23', to: '2026-11-29' });
		expect(periodOf('month', '2026-02-14')).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
		expect(periodOf('month', '2028-02-14').to).toBe('2028-02-29');
	});

	it('steps to the previous and next period', () => {
		expect(shiftPeriod(periodOf('month', '2026-01-31'), -1)).toEqual(periodOf('month', '2025-12-01'));
		expect(shiftPeriod(periodOf('month', '2026-01-31'), 1)).toEqual(periodOf('month', '2026-02-01'));
		expect(shiftPeriod(periodOf('week', '2026-12-30'), 1).from).toBe('2027-01-04');
		expect(shiftPeriod(periodOf('day', '2026-03-01'), -1).from).toBe('2026-02-28');
		const range = { kind: 'range', from: '2026-11-01', to: '2026-11-10' } as const;
		expect(shiftPeriod(range, 1)).toEqual({ kind: 'range', from: '2026-11-11', to: '2026-11-20' });
		expect(periodDays(range)).toBe(10);
	});

	it('reads the URL, falling back to this month', () => {
		const today = '2026-11-25';
		const read = (query: string) => periodFromParams(new URLSearchParams(query), today);
		expect(read('')).toEqual(periodOf('month', today));
		expect(read('period=week&from=2026-11-04')).toEqual(periodOf('week', '2026-11-04'));
		expect(read('period=range&from=2026-10-01&to=2026-11-15')).toEqual({
			kind: 'range',
			from: '2026-10-01',
			to: '2026-11-15'
		});
		expect(read('period=range&from=2026-11-15&to=2026-10-01')).toEqual(periodOf('month', today));
		expect(read('period=day&from=2026-02-30')).toEqual(periodOf('month', today));
		expect(read('period=range&from=2024-01-01&to=2026-01-01')).toEqual(periodOf('month', today));
		for (const period of [
			periodOf('day', today),
			{ kind: 'range', from: '2026-10-01', to: '2026-10-03' } as const
		]) {
			expect(periodFromParams(new URLSearchParams(periodParams(period)), today)).toEqual(period);
		}
	});

	it("writes the screen's query, the hall only when one is chosen", () => {
		expect(reportQuery(periodOf('month', '2026-11-25'), '')).toBe('period=month&from=2026-11-01');
		expect(reportQuery({ kind: 'range', from: '2026-11-01', to: '2026-11-03' }, 'h-1')).toBe(
			'period=range&from=2026-11-01&to=2026-11-03&hall=h-1'
		);
	});

	it('checks a custom range', () => {
		expect(isValidRange('2026-11-01', '2026-11-01')).toBe(true);
		expect(isValidRange('2026-11-02', '2026-11-01')).toBe(false);
		expect(isValidRange('2025-11-01', '2026-12-05')).toBe(true); // 400 days
		expect(isValidRange('2025-11-01', '2026-12-06')).toBe(false);
	});

	it('names a period for file names', () => {
		expect(periodSlug({ from: '2026-11-01', to: '2026-11-30' })).toBe('2026-11');
		expect(periodSlug({ from: '2026-11-02', to: '2026-11-02' })).toBe('2026-11-02');
		expect(periodSlug({ from: '2026-11-02', to: '2026-11-08' })).toBe('2026-11-02至2026-11-08');
	});
});
