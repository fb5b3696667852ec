import { describe, expect, it } from 'vitest';
import { previewEnterpriseFile, type ExistingCodes, type Preview, type RowProblem } from './index';
import { templateCsv } from './template';
import { csvFile, goodRows, HEADER, validCode, xlsxFile } from './test-files';

const NONE: ExistingCodes = new Map();
const HOLDER_ID = '0190e000-0000-7000-8000-000000000001';

function ok(preview: Preview): Extract<Preview, { ok: true }> {
	if (!preview.ok) throw new Error(`expected rows, got the failure ${JSON.stringify(preview.failure)}`);
	return preview;
}

/** The problems of each bad row, by its row number. */
const problemsByRow = (preview: Preview): Record<number, RowProblem[]> =>
	Object.fromEntries(ok(preview).bad.map((row) => [row.row, row.problems]));

const row = (
	cells: Partial<Record<'name' | 'code' | 'street' | 'address' | 'industry' | 'every', string>>
) => [
	cells.name ?? '天津渤海示范科技有限公司',
	cells.code ?? validCode(900),
	cells.street ?? '望海楼街道',
	cells.address ?? '天津市河北区中山路 1 号',
	cells.industry ?? '制造业',
	cells.every ?? '30'
];

describe('previewEnterpriseFile', () => {
	it('reads good rows of a CSV file as they will be saved', async () => {
		const preview = ok(await previewEnterpriseFile(csvFile([HEADER, ...goodRows(3)]), NONE));
		expect(preview.bad).toEqual([]);
		expect(preview.good.map((entry) => entry.row)).toEqual([2, 3, 4]);
		expect(preview.good[0]!.draft).toEqual({
			name: '天津河北区第1号重点企业有限公司',
			credit_code: validCode(0),
			street_code: '120105002',
			address: '天津市河北区示例路 1 号',
			industry: null,
			visit_every_days: null
		});
		expect(preview.good[1]!.draft).toMatchObject({
			street_code: '120105001',
			industry: '制造业',
			visit_every_days: 30
		});
	});

	it('reads the same rows from an .xlsx workbook, numbers as Excel shows them', async () => {
		const rows = goodRows(5).map((cells) =>
			cells.map((cell, i) => (i === 5 && cell !== '' ? Number(cell) : cell))
		);
		const fromXlsx = ok(await previewEnterpriseFile(await xlsxFile([HEADER, ...rows]), NONE));
		const fromCsv = ok(await previewEnterpriseFile(csvFile([HEADER, ...goodRows(5)]), NONE));
		expect(fromXlsx.good).toEqual(fromCsv.good);
		expect(fromXlsx.bad).toEqual([]);
	});

	it('says why a credit code is invalid: length, which character, or the right check character', async () => {
		const code = validCode(901);
		const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
		const preview = await previewEnterpriseFile(
			csvFile([
				HEADER,
				row({ code: code.slice(0, 16) }),
				row({ code: `${code.slice(0, 4)}I${code.slice(5)}` }),
				row({ code: wrongCheck }),
				row({ code: '' })
			]),
			NONE
		);
		expect(problemsByRow(preview)).toEqual({
			2: [{ kind: 'codeLength', length: 16 }],
			3: [{ kind: 'codeCharacter', position: 5, character: 'I' }],
			4: [{ kind: 'codeCheck', expected: code[17] }],
			5: [{ kind: 'codeMissing' }]
		});
	});

	it('takes a code typed in lower case, with spaces or in full-width characters', async () => {
		const code = validCode(902);
		const spaced = `${code.slice(0, 6).toLowerCase()} ${code.slice(6)}`;
		const fullWidth = code.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
		const preview = ok(
			await previewEnterpriseFile(
				csvFile([HEADER, row({ code: spaced }), row({ code: fullWidth, name: '天津另一家公司' })]),
				NONE
			)
		);
		// Both rows are the same code once normalised: the file has it twice.
		expect(preview.good).toEqual([]);
		expect(problemsByRow(preview)).toEqual({
			2: [{ kind: 'codeTwice', otherRows: [3] }],
			3: [{ kind: 'codeTwice', otherRows: [2] }]
		});
	});

	it('refuses every row of a code the file has twice, and a code the hall already has', async () => {
		const [a, b, c] = [validCode(910), validCode(911), validCode(912)];
		const preview = await previewEnterpriseFile(
			csvFile([
				HEADER,
				row({ code: a }),
				row({ code: b }),
				row({ code: a }),
				row({ code: c }),
				row({ code: a })
			]),
			new Map([[c, { id: HOLDER_ID, name: '天津既有企业有限公司' }]])
		);
		expect(ok(preview).good.map((entry) => entry.draft.credit_code)).toEqual([b]);
		expect(problemsByRow(preview)).toEqual({
			2: [{ kind: 'codeTwice', otherRows: [4, 6] }],
			4: [{ kind: 'codeTwice', otherRows: [2, 6] }],
			5: [{ kind: 'codeExists', id: HOLDER_ID, name: '天津既有企业有限公司' }],
			6: [{ kind: 'codeTwice', otherRows: [2, 4] }]
		});
	});

	it('finds a street by name, name without 街道, 9- or 12-digit code, and names one it does not know', async () => {
		const streets = [
			'鸿顺里街道',
			'鸿顺里',
			'120105003',
			'120105003000',
			' 鸿顺里街道 ',
			'和平街道',
			'120101001',
			''
		];
		const preview = await previewEnterpriseFile(
			csvFile([HEADER, ...streets.map((street, i) => row({ street, code: validCode(920 + i) }))]),
			NONE
		);
		expect(ok(preview).good.map((entry) => [entry.row, entry.draft.street_code])).toEqual([
			[2, '120105003'],
			[3, '120105003'],
			[4, '120105003'],
			[5, '120105003'],
			[6, '120105003']
		]);
		expect(problemsByRow(preview)).toEqual({
			7: [{ kind: 'streetUnknown', value: '和平街道' }],
			8: [{ kind: 'streetUnknown', value: '120101001' }],
			9: [{ kind: 'streetMissing' }]
		});
	});

	it('checks the name, the lengths and the visit interval against the enterprise rules', async () => {
		const preview = await previewEnterpriseFile(
			csvFile([
				HEADER,
				row({ name: '', code: validCode(930) }),
				row({ name: '甲', code: validCode(931) }),
				row({ address: '址'.repeat(201), industry: '业'.repeat(41), code: validCode(932) }),
				row({ every: '6', code: validCode(933) }),
				row({ every: '366', code: validCode(934) }),
				row({ every: '每月', code: validCode(935) }),
				row({ every: '30天', code: validCode(936) }),
				row({ every: '7', code: validCode(937) }),
				row({ every: '365', code: validCode(938) })
			]),
			NONE
		);
		const interval = (value: string) => [{ kind: 'visitEvery', value, min: 7, max: 365 }];
		expect(problemsByRow(preview)).toEqual({
			2: [{ kind: 'nameMissing' }],
			3: [{ kind: 'nameLength', length: 1, min: 2, max: 100 }],
			4: [
				{ kind: 'addressLength', length: 201, max: 200 },
				{ kind: 'industryLength', length: 41, max: 40 }
			],
			5: interval('6'),
			6: interval('366'),
			7: interval('每月')
		});
		expect(ok(preview).good.map((entry) => entry.draft.visit_every_days)).toEqual([30, 7, 365]);
	});

	it('reports every problem of a row at once, so one pass fixes it', async () => {
		const preview = await previewEnterpriseFile(
			csvFile([HEADER, ['', 'ABC', '不存在街道', '', '', '0']]),
			NONE
		);
		expect(problemsByRow(preview)[2]).toEqual([
			{ kind: 'nameMissing' },
			{ kind: 'codeLength', length: 3 },
			{ kind: 'streetUnknown', value: '不存在街道' },
			{ kind: 'visitEvery', value: '0', min: 7, max: 365 }
		]);
	});

	it('names a code Excel turned into a number, whose last digits are lost', async () => {
		// 911201053000000015 typed into a number cell: Excel keeps 15 significant digits.
		const workbook = await xlsxFile([
			HEADER,
			['天津数字代码有限公司', Number('911201053000000015'), '望海楼街道', '', '', '']
		]);
		expect(problemsByRow(await previewEnterpriseFile(workbook, NONE))).toEqual({
			2: [{ kind: 'codeAsNumber', value: '911201053000000000' }]
		});
		// The same cell in a CSV file Excel saved.
		const csv = csvFile([HEADER, ['天津数字代码有限公司', '9.11201E+17', '望海楼街道', '', '', '']]);
		expect(problemsByRow(await previewEnterpriseFile(csv, NONE))).toEqual({
			2: [{ kind: 'codeAsNumber', value: '9.11201E+17' }]
		});
	});

	it('refuses the template as downloaded: its example row is not a real enterprise', async () => {
		const template = { name: '企业导入模板.csv', bytes: new TextEncoder().encode(templateCsv()) };
		const preview = await previewEnterpriseFile(template, NONE);
		expect(ok(preview).good).toEqual([]);
		expect(problemsByRow(preview)).toEqual({ 2: [{ kind: 'exampleRow' }] });
	});

	it('skips a title row above the header and blank rows, keeping Excel row numbers', async () => {
		const preview = ok(
			await previewEnterpriseFile(
				csvFile([['河北区重点企业名单'], [], HEADER, goodRows(1)[0]!, ['', '', ''], goodRows(1, 1)[0]!]),
				NONE
			)
		);
		expect(preview.good.map((entry) => entry.row)).toEqual([4, 6]);
	});

	it('takes the columns in any order, optional ones absent, and says which headers it ignored', async () => {
		const preview = ok(
			await previewEnterpriseFile(
				csvFile([
					['所属街道', '备注', '统一社会信用代码', '企业名称'],
					['望海楼街道', '重点', validCode(940), '天津顺序测试有限公司']
				]),
				NONE
			)
		);
		expect(preview.ignoredColumns).toEqual(['备注']);
		expect(preview.good[0]!.draft).toEqual({
			name: '天津顺序测试有限公司',
			credit_code: validCode(940),
			street_code: '120105002',
			address: null,
			industry: null,
			visit_every_days: null
		});
	});

	it('refuses a file that is not a workbook or CSV, or cannot be read, with the reason', async () => {
		const bytes = new TextEncoder().encode('企业名称\n');
		expect(await previewEnterpriseFile({ name: 'list.txt', bytes }, NONE)).toEqual({
			ok: false,
			failure: { kind: 'unsupported' }
		});
		expect(await previewEnterpriseFile({ name: '名单.XLS', bytes }, NONE)).toEqual({
			ok: false,
			failure: { kind: 'oldExcel' }
		});
		const broken = await previewEnterpriseFile({ name: 'list.xlsx', bytes }, NONE);
		expect(broken).toMatchObject({ ok: false, failure: { kind: 'unreadable' } });
		const gbk = new Uint8Array([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6]); // 企业名称 in GBK
		expect(await previewEnterpriseFile({ name: 'list.csv', bytes: gbk }, NONE)).toEqual({
			ok: false,
			failure: { kind: 'notUtf8' }
		});
	});

	it('refuses an empty file, one without a header, one lacking required columns, or with no rows', async () => {
		const failureOf = async (file: { name: string; bytes: Uint8Array }) => {
			const preview = await previewEnterpriseFile(file, NONE);
			return preview.ok ? null : preview.failure;
		};
		expect(await failureOf({ name: 'a.csv', bytes: new Uint8Array() })).toEqual({ kind: 'empty' });
		expect(await failureOf(csvFile([[''], ['']]))).toEqual({ kind: 'empty' });
		expect(await failureOf(await xlsxFile([[null]]))).toEqual({ kind: 'empty' });
		expect(await failureOf(csvFile(goodRows(3)))).toEqual({ kind: 'noHeader' });
		expect(
			await failureOf(
				csvFile([
					['企业名称', '地址'],
					['天津某公司', '']
				])
			)
		).toEqual({
			kind: 'missingColumns',
			columns: ['统一社会信用代码', '所属街道']
		});
		expect(await failureOf(csvFile([HEADER]))).toEqual({ kind: 'noRows' });
	});

	it('refuses more than 5,000 rows whole, and checks 5,000 in slices that let the screen answer', async () => {
		expect(
			await previewEnterpriseFile(csvFile([HEADER, ...goodRows(5_001)]), NONE).then((p) => !p.ok && p.failure)
		).toEqual({ kind: 'tooManyRows', count: 5_001, max: 5_000 });

		const progress: number[] = [];
		const preview = ok(
			await previewEnterpriseFile(csvFile([HEADER, ...goodRows(5_000)]), NONE, (done) => progress.push(done))
		);
		expect(preview.good).toHaveLength(5_000);
		expect(progress.length).toBeGreaterThanOrEqual(20);
		expect(progress.at(-1)).toBe(5_000);
	});
});
