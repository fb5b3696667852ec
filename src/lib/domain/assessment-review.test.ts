import { describe, expect, it } from 'vitest';
import { ASSESSMENT_RULES, commentTooLong, scoreProblem, weightsProblem } from './assessment-review';

describe('a typed score', () => {
	it('takes 0 to 100 with at most one decimal', () => {
		for (const typed of ['0', '100', '85', '92.5', ' 60.0 ']) expect(scoreProblem(typed), typed).toBeNull();
	});

	it('says what is wrong: missing, not a number, out of range, too many decimals', () => {
		expect(scoreProblem('  ')).toBe('missing');
		for (const typed of ['abc', '-1', '8 5', '1e2', '.5', '九十'])
			expect(scoreProblem(typed), typed).toBe('not_number');
		for (const typed of ['100.1', '101', '1000']) expect(scoreProblem(typed), typed).toBe('range');
		for (const typed of ['85.25', '99.99']) expect(scoreProblem(typed), typed).toBe('decimals');
	});
});

it('a comment fits in commentMax characters once trimmed', () => {
	expect(commentTooLong(` ${'好'.repeat(ASSESSMENT_RULES.commentMax)} `)).toBe(false);
	expect(commentTooLong('好'.repeat(ASSESSMENT_RULES.commentMax + 1))).toBe(true);
});

describe('typed weights', () => {
	const weights = { workload: '40', district_rating: '20', skill: '20', attendance: '20' };

	it('are whole numbers 0–100 summing to 100', () => {
		expect(weightsProblem(weights)).toBeNull();
		expect(weightsProblem({ ...weights, workload: '0', attendance: '60' })).toBeNull();
		expect(weightsProblem({ ...weights, workload: '41' })).toBe('total');
		for (const workload of ['', '40.5', '-40', '101', 'x']) {
			expect(weightsProblem({ ...weights, workload }), workload).toBe('not_whole');
		}
	});
});
