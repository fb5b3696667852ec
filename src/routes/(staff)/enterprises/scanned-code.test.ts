import { describe, expect, it } from 'vitest';
import { creditCodeIn } from './scanned-code';

const CODE = '91120105MA05K8XW3P';

describe('a scanned credit code', () => {
	it('is taken as it is, lower case and spaces forgiven', () => {
		expect(creditCodeIn(CODE)).toBe(CODE);
		expect(creditCodeIn(` ${CODE.toLowerCase()} `)).toBe(CODE);
	});

	it('is found inside a licence’s QR link', () => {
		expect(creditCodeIn(`https://www.gsxt.gov.cn/index?uniscid=${CODE}&t=1`)).toBe(CODE);
	});

	it('is nothing when no valid code is in the text', () => {
		expect(creditCodeIn('https://example.com/ticket/A001')).toBeNull();
		expect(creditCodeIn(`${CODE.slice(0, 17)}0`)).toBeNull();
	});
});
