import { describe, expect, it } from 'vitest';
import { LEDGER_CLOSING_RULES, LEDGER_ITEM_RULES, ledgerItemProblems, reopenReasonProblem } from './ledger';

describe('a manual item as typed', () => {
	it('takes tenths within the bounds either way, a minus sign as typed on a phone too', () => {
		for (const points of ['-2', '1.5', '+0.5', `-${LEDGER_ITEM_RULES.pointsMax}`, '−3', ' 2 ']) {
			expect(ledgerItemProblems(points, '说明'), points).toEqual([]);
		}
	});

	it('refuses 0, hundredths, past the bounds and anything not a number', () => {
		for (const points of ['0', '-0.0', '1.25', `${LEDGER_ITEM_RULES.pointsMax + 0.1}`, '', 'abc', '1e1']) {
			expect(ledgerItemProblems(points, '说明'), points).toEqual(['points_invalid']);
		}
	});

	it('needs a note of at most noteMax characters, counted as the database counts them', () => {
		expect(ledgerItemProblems('1', '   ')).toEqual(['note_missing']);
		expect(ledgerItemProblems('1', '注'.repeat(LEDGER_ITEM_RULES.noteMax))).toEqual([]);
		expect(ledgerItemProblems('1', '😀'.repeat(LEDGER_ITEM_RULES.noteMax))).toEqual([]);
		expect(ledgerItemProblems('x', '注'.repeat(LEDGER_ITEM_RULES.noteMax + 1))).toEqual([
			'points_invalid',
			'note_too_long'
		]);
	});
});

describe('a reopening’s reason', () => {
	it('is required, trimmed, at most reasonMax characters', () => {
		expect(reopenReasonProblem('  ')).toBe('missing');
		expect(reopenReasonProblem(' 补录 ')).toBeNull();
		expect(reopenReasonProblem('理'.repeat(LEDGER_CLOSING_RULES.reasonMax + 1))).toBe('too_long');
	});
});
