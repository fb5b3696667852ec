import { describe, expect, it } from 'vitest';
import {
	LEDGER_CLOSING_RULES,
	LEDGER_ITEM_RULES,
	LEDGER_RULE_LIMITS,
	ledgerItemProblems,
	reopenReasonProblem,
	ruleSettingValid
} from './ledger';

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

describe('a hall’s own rule as edited', () => {
	it('a deduction negative, its cap at least one occurrence, within the limits, in tenths', () => {
		expect(ruleSettingValid({ kind: 'deduction', points: -1, cap: -10 })).toBe(true);
		expect(ruleSettingValid({ kind: 'deduction', points: -1, cap: -1 })).toBe(true);
		expect(ruleSettingValid({ kind: 'deduction', points: 1, cap: -10 })).toBe(false);
		expect(ruleSettingValid({ kind: 'deduction', points: -2, cap: -1 })).toBe(false);
		expect(ruleSettingValid({ kind: 'deduction', points: -1.25, cap: -10 })).toBe(false);
		expect(ruleSettingValid({ kind: 'deduction', points: -1, cap: -LEDGER_RULE_LIMITS.capMax - 1 })).toBe(
			false
		);
	});

	it('a bonus positive, its cap at least one occurrence', () => {
		expect(ruleSettingValid({ kind: 'bonus', points: 2, cap: 2 })).toBe(true);
		expect(ruleSettingValid({ kind: 'bonus', points: 0, cap: 2 })).toBe(false);
		expect(ruleSettingValid({ kind: 'bonus', points: 2, cap: 1 })).toBe(false);
		expect(ruleSettingValid({ kind: 'bonus', points: Number.NaN, cap: 1 })).toBe(false);
	});
});
