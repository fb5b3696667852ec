import { describe, expect, it } from 'vitest';
import { isBegunMonth, monthFromParam, shiftMonth } from './ledger-month-param';

describe('the ledger screen’s month', () => {
	it('opens last month without a usable month in the URL, across a new year too', () => {
		expect(monthFromParam(null, '2026-12-02')).toBe('2026-11');
		expect(monthFromParam('2026-13', '2026-12-02')).toBe('2026-11');
		expect(monthFromParam('garbage', '2027-01-01')).toBe('2026-12');
	});

	it('opens the month asked for once it has begun, never one to come', () => {
		expect(monthFromParam('2026-10', '2026-12-02')).toBe('2026-10');
		expect(monthFromParam('2026-12', '2026-12-02')).toBe('2026-12');
		expect(monthFromParam('2027-01', '2026-12-31')).toBe('2026-11');
		expect(isBegunMonth('2027-01', '2026-12-31')).toBe(false);
	});

	it('steps a month back and forth across years', () => {
		expect(shiftMonth('2026-01', -1)).toBe('2025-12');
		expect(shiftMonth('2026-12', 1)).toBe('2027-01');
	});
});
