import { CREDIT_CODE_CHARS, type CreditCodeCheck } from '$lib/domain/credit-code';
import { te } from '$lib/features/enterprises/messages';

/**
 * Why a credit code is not valid, in words that point at the character to fix: which position, which character,
 * and for a wrong check character the right one (docs/VISITS.md, "Credit code"). Null for a valid code.
 */
export function creditCodeMessage(check: CreditCodeCheck): string | null {
	if (check.ok) return null;
	switch (check.reason) {
		case 'length':
			return te('enterprise.credit.length', { count: String(check.length) });
		case 'check':
			return te('enterprise.credit.check', { expected: check.expected });
		default: {
			const params = { position: String(check.position), char: check.character };
			// A character of the alphabet out of its place: a letter among the division's digits, or a leading 0.
			if (CREDIT_CODE_CHARS.includes(check.character)) {
				return te(check.position === 1 ? 'enterprise.credit.first' : 'enterprise.credit.digit', params);
			}
			return te('enterprise.credit.character', params);
		}
	}
}
