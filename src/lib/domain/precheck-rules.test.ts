import { describe, expect, it } from 'vitest';
import { companyDraft, missing, present, unacceptable } from '../../../tests/support/catalog';
import {
	applicableMaterials,
	formatNoticeNo,
	gapsOf,
	isNoticeNo,
	maskName,
	maskPhone,
	noticeUrl,
	openPoints,
	parseNoticeUrl,
	roundResult
} from './precheck-rules';

const version = companyDraft();
const keys = (list: { key: string }[]) => list.map((entry) => entry.key);

describe('which materials a pre-check asks for', () => {
	it('a new company by its owner: the form, the charter and the optional extras, no power of attorney', () => {
		expect(keys(applicableMaterials(version, 'new', { agent: false }))).toEqual(['form', 'charter', 'other']);
	});

	it('an agent makes the power of attorney apply; a change does not need the charter', () => {
		expect(keys(applicableMaterials(version, 'change', { agent: true }))).toEqual(['form', 'proxy', 'other']);
	});

	it('an unanswered question leaves its conditional material out; no situation leaves situation-only ones out', () => {
		expect(keys(applicableMaterials(version, null, {}))).toEqual(['form', 'other']);
	});
});

describe('gaps and results', () => {
	it('missing or not acceptable required materials are gaps; an optional one never is', () => {
		const marks = [missing('form'), unacceptable('charter'), missing('other'), present('proxy')];
		expect(gapsOf(version, marks).map((mark) => mark.material_key)).toEqual(['form', 'charter']);
		expect(roundResult(version, marks)).toBe('incomplete');
	});

	it('everything present, or only an optional material missing, is complete', () => {
		expect(roundResult(version, [present('form'), present('charter'), missing('other')])).toBe('complete');
	});

	it('a mark of a material the version does not have is no gap', () => {
		expect(roundResult(version, [present('form'), missing('gone')])).toBe('complete');
	});
});

describe('open points across rounds', () => {
	const round = (round_no: number, marks: ReturnType<typeof missing>[]) => ({ round_no, marks });

	it('are the first round’s gaps, then what the return visit still found missing', () => {
		const first = round(1, [missing('form'), unacceptable('charter'), present('proxy')]);
		expect(openPoints(version, [first]).map((m) => m.material_key)).toEqual(['form', 'charter']);
		const second = round(2, [present('form'), missing('charter')]);
		expect(openPoints(version, [second, first])).toEqual([missing('charter')]);
		expect(openPoints(version, [first, second, round(3, [present('charter')])])).toEqual([]);
	});

	it('a new gap on a return visit becomes an open point; an unmarked open point stays open', () => {
		const first = round(1, [missing('form'), missing('charter'), present('proxy')]);
		const second = round(2, [present('form'), missing('proxy')]);
		expect(openPoints(version, [first, second]).map((m) => m.material_key)).toEqual(['charter', 'proxy']);
	});
});

describe('masking', () => {
	it('hides the middle of names', () => {
		expect(maskName('张三明')).toBe('张*明');
		expect(maskName('张三')).toBe('张*');
		expect(maskName('欧阳娜娜')).toBe('欧**娜');
		expect(maskName(' 王 ')).toBe('*');
		expect(maskName('')).toBe('');
		expect(maskName('𠀾先生')).toBe('𠀾*生');
	});

	it('hides the middle of phone numbers, keeping separators', () => {
		expect(maskPhone('13812345678')).toBe('138****5678');
		expect(maskPhone('0571-88886666')).toBe('057*-****6666');
		expect(maskPhone('+86 138 1234 5678')).toBe('+86 1** **** 5678');
		expect(maskPhone('12345')).toBe('***45');
	});
});

describe('notice numbers and links', () => {
	it('numbers a device’s notices of a hall day', () => {
		expect(formatNoticeNo('2026-11-30', 'K7', 3)).toBe('261130-K7-03');
		expect(formatNoticeNo('2026-11-30', 'K7A', 120)).toBe('261130-K7A-120');
		expect(() => formatNoticeNo('2026-11-30', 'K7', 0)).toThrow(RangeError);
		expect(() => formatNoticeNo('2026-11-30', 'K7', 10_000)).toThrow(RangeError);
		expect(() => formatNoticeNo('2026-11-30', 'I0', 1)).toThrow(RangeError);
	});

	it('recognises notice numbers as people type them', () => {
		expect(isNoticeNo('261130-K7-03')).toBe(true);
		expect(isNoticeNo(' 261130-k7-03 ')).toBe(true);
		expect(isNoticeNo('261130－K7－03')).toBe(true);
		expect(isNoticeNo('261130-K0-03')).toBe(false);
		expect(isNoticeNo('A023')).toBe(false);
	});

	it('builds and reads the applicant link, whatever the origin', () => {
		const token = 'AbCdEfGhIjKlMnOpQrSt_-';
		const url = noticeUrl('https://hall.example.cn/', token);
		expect(url).toBe(`https://hall.example.cn/n/${token}`);
		expect(parseNoticeUrl(url)).toBe(token);
		expect(parseNoticeUrl(`http://192.0.2.7:4173/n/${token}/?from=qr`)).toBe(token);
		expect(parseNoticeUrl(`https://hall.example.cn/n/${token}x`)).toBeNull();
		expect(parseNoticeUrl('https://queue.example.cn/t?ticket=A023')).toBeNull();
		expect(parseNoticeUrl(`javascript:/n/${token}`)).toBeNull();
		expect(parseNoticeUrl('A023')).toBeNull();
	});
});
