import { describe, expect, it } from 'vitest';
import { mondayOf, summaryProblems, WEEKLY_SUMMARY_RULES } from './weekly-summary';

describe('a weekly summary', () => {
	it('is named by the Monday of its week', () => {
		expect(mondayOf('2026-11-09')).toBe('2026-11-09');
		expect(mondayOf('2026-11-15')).toBe('2026-11-09');
		expect(mondayOf('2026-12-02')).toBe('2026-11-30');
	});

	it('needs what was done; every text at most textMax characters once trimmed', () => {
		const longest = '做'.repeat(WEEKLY_SUMMARY_RULES.textMax);
		expect(summaryProblems({ done: ` ${longest} `, problems: '', next_week: '' })).toEqual({});
		expect(summaryProblems({ done: '  ', problems: `${longest}多`, next_week: 'x' })).toEqual({
			done: 'missing',
			problems: 'long'
		});
	});
});
