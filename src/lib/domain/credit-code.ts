/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) every enterprise carries: 18 characters, the last a
 * check character over the first 17. The database says the same as `app.credit_code_problem(code)` (a check
 * constraint on enterprises.credit_code), so the device refuses exactly what the server would refuse, and the
 * screen can say which character is wrong while it is typed (docs/VISITS.md, "Credit code").
 */

/** The code's alphabet; a character's value is its index. I, O, Z, S and V never occur (read as 1, 0, 2, 5, U). */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The weight of positions 1–17: 3^(i−1) mod 31. */
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export const CREDIT_CODE_LENGTH = 18;

/** The code's shape without its check character's rule: authority, type, division (digits), the rest. */
export const CREDIT_CODE_PATTERN = '^[1-9A-HJ-NP-RTUW-Y][0-9A-HJ-NP-RTUW-Y][0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$';

export type CreditCodeCheck =
	| { ok: true; code: string }
	| { ok: false; reason: 'length'; length: number }
	/** `position` is 1-based: the first character that cannot stand where it stands. */
	| { ok: false; reason: 'character'; position: number; character: string }
	/** The 18th character is not the one the first 17 give: `expected` is. */
	| { ok: false; reason: 'check'; position: 18; expected: string };

/** What people type or scan, as the code is compared: upper case, no spaces (full-width ones included). */
export const normaliseCreditCode = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

/** Position 1 (the registration authority) is never 0; positions 3–8 (the administrative division) are digits. */
function fits(position: number, character: string): boolean {
	if (!CREDIT_CODE_CHARS.includes(character)) return false;
	if (position === 1) return character !== '0';
	if (position >= 3 && position <= 8) return character >= '0' && character <= '9';
	return true;
}

/** The check character the first 17 characters give (each already in the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
	let sum = 0;
	for (let index = 0; index < 17; index++) {
		sum += CREDIT_CODE_CHARS.indexOf(first17.charAt(index)) * (CREDIT_CODE_WEIGHTS[index] ?? 0);
	}
	return CREDIT_CODE_CHARS.charAt((31 - (sum % 31)) % 31);
}

/**
 * Whether `text` is a valid code once normalised; if not, why: the length first (with the current length), then
 * the first character out of place, then the check character (with the right one).
 */
export function checkCreditCode(text: string): CreditCodeCheck {
	const code = normaliseCreditCode(text);
	// Counted in code points, so a stray emoji counts as the one character the person sees.
	const characters = [...code];
	if (characters.length !== CREDIT_CODE_LENGTH) {
		return { ok: false, reason: 'length', length: characters.length };
	}
	for (let index = 0; index < CREDIT_CODE_LENGTH; index++) {
		const character = characters[index] ?? '';
		if (!fits(index + 1, character))
			return { ok: false, reason: 'character', position: index + 1, character };
	}
	const expected = creditCodeCheckCharacter(code);
	if (code.charAt(17) !== expected) return { ok: false, reason: 'check', position: 18, expected };
	return { ok: true, code };
}

export const isValidCreditCode = (text: string): boolean => checkCreditCode(text).ok;
