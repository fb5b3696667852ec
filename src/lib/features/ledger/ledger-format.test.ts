import { describe, expect, it } from 'vitest';
import { formatPoints, formatScore } from './ledger-format';

describe('the ledger’s figures', () => {
	it('sign every non-zero point figure, one decimal at most', () => {
		expect(formatPoints(-0.5)).toBe('−0.5');
		expect(formatPoints(2)).toBe('+2');
		expect(formatPoints(0)).toBe('0');
		expect(formatPoints(-0.1 - 0.2)).toBe('−0.3');
	});

	it('print a score plainly', () => {
		expect(formatScore(92.5)).toBe('92.5');
		expect(formatScore(100)).toBe('100');
	});
});
