import { describe, expect, it } from 'vitest';
import { checkCreditCode, CREDIT_CODE_CHARS, isValidCreditCode, normaliseCreditCode } from './credit-code';

/** GB 32100-2015's own example, then codes published by the enterprises themselves (business licences). */
const PUBLISHED = [
	'91350100M000100Y43', // the standard's example
	'91440300708461136T', // 深圳市腾讯计算机系统有限公司
	'914403001922038216', // 华为技术有限公司
	'91330100716105852F', // 阿里巴巴（中国）有限公司
	'91310000607216596U',
	'12100000400000624D' // a public institution (事业单位, authority 1)
];

const VALID = '91350100M000100Y43';

describe('checkCreditCode', () => {
	it.each(PUBLISHED)('accepts the published code %s', (code) => {
		expect(checkCreditCode(code)).toEqual({ ok: true, code });
	});

	it('upper-cases and removes spaces (full-width ones too) before checking', () => {
		expect(checkCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, code: VALID });
		expect(checkCreditCode('9135 0100 M000 100Y 43')).toEqual({ ok: true, code: VALID });
		expect(checkCreditCode('91350100\u3000M000100Y43')).toEqual({ ok: true, code: VALID });
		expect(normaliseCreditCode('ab c')).toBe('ABC');
	});

	it('says the length first, with the current one', () => {
		expect(checkCreditCode('')).toEqual({ ok: false, reason: 'length', length: 0 });
		expect(checkCreditCode(VALID.slice(0, 17))).toEqual({ ok: false, reason: 'length', length: 17 });
		expect(checkCreditCode(`${VALID}1`)).toEqual({ ok: false, reason: 'length', length: 19 });
	});

	it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the letter %s, naming its position', (letter) => {
		const code = `${VALID.slice(0, 10)}${letter}${VALID.slice(11)}`;
		expect(checkCreditCode(code)).toEqual({
			ok: false,
			reason: 'character',
			position: 11,
			character: letter
		});
	});

	it('refuses a 0 as registration authority and a letter in the division code', () => {
		expect(checkCreditCode(`0${VALID.slice(1)}`)).toMatchObject({ reason: 'character', position: 1 });
		expect(checkCreditCode(`${VALID.slice(0, 4)}A${VALID.slice(5)}`)).toMatchObject({
			reason: 'character',
			position: 5,
			character: 'A'
		});
	});

	it('names the first bad character when there are several', () => {
		expect(checkCreditCode('9135010O M00010OY43'.replace(' ', ''))).toMatchObject({
			position: 8,
			character: 'O'
		});
	});

	it('says the check character it expected', () => {
		expect(checkCreditCode('91350100M000100Y44')).toEqual({
			ok: false,
			reason: 'check',
			position: 18,
			expected: '3'
		});
	});

	it('catches every single-character substitution, at each of the 18 positions', () => {
		let tried = 0;
		for (let position = 0; position < 18; position++) {
			for (const replacement of CREDIT_CODE_CHARS) {
				if (replacement === VALID.charAt(position)) continue;
				const code = `${VALID.slice(0, position)}${replacement}${VALID.slice(position + 1)}`;
				const checked = checkCreditCode(code);
				expect(checked.ok, code).toBe(false);
				tried++;
			}
		}
		expect(tried).toBe(18 * 30);
	});

	it('a substitution in the first 17 within the alphabet is a check failure naming the right character', () => {
		const code = `${VALID.slice(0, 9)}A${VALID.slice(10)}`;
		expect(checkCreditCode(code)).toMatchObject({ reason: 'check', position: 18 });
		expect(isValidCreditCode(code)).toBe(false);
	});
});
