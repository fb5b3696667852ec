import { describe, expect, it } from 'vitest';
import { minutesText, percent, rateOf } from './format';

describe('report figures as text', () => {
	it('shows rates as percentages with at most one decimal', () => {
		expect(percent(0)).toBe('0%');
		expect(percent(1)).toBe('100%');
		expect(percent(0.5)).toBe('50%');
		expect(percent(0.8534)).toBe('85.3%');
		expect(percent(2 / 3)).toBe('66.7%');
	});

	it('shows nothing to rate as a dash, not 0 %', () => {
		expect(percent(null)).toBe('—');
		expect(rateOf(3, 0)).toBeNull();
		expect(rateOf(0, 4)).toBe(0);
		expect(rateOf(3, 4)).toBe(0.75);
	});

	it('shows medians in whole minutes, or a dash', () => {
		expect(minutesText(null)).toBe('—');
		expect(minutesText(42.4)).toBe('42');
	});
});
