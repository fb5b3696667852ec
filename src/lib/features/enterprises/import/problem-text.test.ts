import { afterAll, describe, expect, it } from 'vitest';
import { locale } from '$lib/i18n';
import type { FileFailure, RowProblem } from './index';
import { enterpriseImportMessages } from './messages';
import { failureText, problemText } from './problem-text';

/** One of each problem and failure, with the values a real file gives. */
const PROBLEMS: RowProblem[] = [
	{ kind: 'nameMissing' },
	{ kind: 'nameLength', length: 1, min: 2, max: 100 },
	{ kind: 'controlCharacters', column: '地址' },
	{ kind: 'codeMissing' },
	{ kind: 'codeAsNumber', value: '9.11201E+17' },
	{ kind: 'codeLength', length: 17 },
	{ kind: 'codeCharacter', position: 5, character: 'I' },
	{ kind: 'codeCheck', expected: 'Y' },
	{ kind: 'codeTwice', otherRows: [4, 9] },
	{ kind: 'codeExists', id: '0190e000-0000-7000-8000-000000000001', name: '天津既有企业有限公司' },
	{ kind: 'exampleRow' },
	{ kind: 'streetMissing' },
	{ kind: 'streetUnknown', value: '和平街道' },
	{ kind: 'addressLength', length: 201, max: 200 },
	{ kind: 'industryLength', length: 41, max: 40 },
	{ kind: 'visitEvery', value: '400', min: 7, max: 365 }
];

const FAILURES: FileFailure[] = [
	{ kind: 'unsupported' },
	{ kind: 'oldExcel' },
	{ kind: 'tooBig', maxMegabytes: 10 },
	{ kind: 'notUtf8' },
	{ kind: 'unreadable', reason: 'end of central directory record signature not found' },
	{ kind: 'empty' },
	{ kind: 'noHeader' },
	{ kind: 'missingColumns', columns: ['统一社会信用代码', '所属街道'] },
	{ kind: 'noRows' },
	{ kind: 'tooManyRows', count: 5_001, max: 5_000 }
];

/** Each text is a sentence: no key shown for a missing message, no placeholder left unfilled. */
function expectWorded(text: string): void {
	expect(text).not.toMatch(/^enterpriseImport\./);
	expect(text).not.toMatch(/\{\w+\}/);
}

describe('the import report in words', () => {
	afterAll(() => locale.set('zh-CN'));

	it('says, in Chinese, exactly what is wrong with a row and how to fix it', async () => {
		await enterpriseImportMessages.load();
		for (const problem of PROBLEMS) expectWorded(problemText(problem));
		expect(problemText({ kind: 'codeCharacter', position: 5, character: 'I' })).toBe(
			'统一社会信用代码第 5 位“I”不是有效字符（不使用 I、O、Z、S、V）'
		);
		expect(problemText({ kind: 'codeLength', length: 17 })).toBe(
			'统一社会信用代码长度应为 18 位（当前 17 位）'
		);
		expect(problemText({ kind: 'codeCheck', expected: 'Y' })).toBe(
			'统一社会信用代码校验位错误：第 18 位应为“Y”'
		);
		expect(problemText({ kind: 'codeTwice', otherRows: [4, 9] })).toBe(
			'统一社会信用代码与第 4、9 行重复（都不会导入）'
		);
	});

	it('says why a whole file is refused, naming the columns it expects', async () => {
		await enterpriseImportMessages.load();
		for (const failure of FAILURES) expectWorded(failureText(failure));
		expect(failureText({ kind: 'missingColumns', columns: ['所属街道'] })).toBe(
			'表头缺少必填列：所属街道。表头应为：企业名称、统一社会信用代码、所属街道、地址、行业、走访周期（天）。'
		);
	});

	it('says all of it in English too', async () => {
		await enterpriseImportMessages.load();
		await locale.set('en');
		for (const problem of PROBLEMS) expectWorded(problemText(problem));
		for (const failure of FAILURES) expectWorded(failureText(failure));
		expect(problemText({ kind: 'codeCheck', expected: 'Y' })).toBe(
			'Wrong check character: character 18 should be “Y”'
		);
	});
});
