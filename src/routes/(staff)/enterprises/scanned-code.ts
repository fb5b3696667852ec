import { checkCreditCode, CREDIT_CODE_LENGTH } from '$lib/domain/credit-code';

/**
 * The credit code in what a scanner read: the code itself (typed or a plain QR), or the code inside a business
 * licence's QR code, whose text is a link or a record with the code among other characters. Null when no valid
 * code is in it: then the search stays as it was.
 */
export function creditCodeIn(scanned: string): string | null {
	const whole = checkCreditCode(scanned);
	if (whole.ok) return whole.code;
	const candidates = scanned.toUpperCase().match(/[0-9A-Z]{18,}/g) ?? [];
	for (const run of candidates) {
		for (let start = 0; start + CREDIT_CODE_LENGTH <= run.length; start++) {
			const check = checkCreditCode(run.slice(start, start + CREDIT_CODE_LENGTH));
			if (check.ok) return check.code;
		}
	}
	return null;
}
