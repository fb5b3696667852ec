import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import type { ServiceItemDraft } from '$lib/domain/service-catalog';
import { SEED_HALLS } from '../../../../../scripts/catalog-seed/catalog';
import { parseCatalogFile, type ImportReport } from './index';
import { combinedRowsOf, sheetsOf, toCsv } from './to-rows';

const allSeedItems = SEED_HALLS.flatMap((hall) => hall.items);

async function xlsx(sheets: { sheet: string; rows: (string | number)[][] }[]): Promise<Uint8Array> {
	const buffer = await writeExcelFile(
		sheets.map((sheet) => ({
			sheet: sheet.sheet,
			data: sheet.rows.map((row) => row.map((value) => ({ value })))
		}))
	).toBuffer();
	return new Uint8Array(buffer);
}

const csvFile = (rows: string[][], name = 'catalog.csv') => ({
	name,
	bytes: new TextEncoder().encode(toCsv(rows))
});

/** A draft as the clerk wrote it: keys are the import's own, so compare by what they point at. */
function meaning(draft: ServiceItemDraft) {
	const situationName = (key: string) => draft.situations.find((s) => s.key === key)?.name_zh;
	const questionText = (key: string) => draft.questions.find((q) => q.key === key)?.text_zh;
	return {
		...draft,
		situations: draft.situations.map(({ name_zh, name_en }) => ({ name_zh, name_en })),
		questions: draft.questions.map(({ text_zh, text_en }) => ({ text_zh, text_en })),
		materials: draft.materials.map(({ key: _key, ...material }) => ({
			...material,
			situations: material.situations.map(situationName),
			condition: material.condition && {
				question: questionText(material.condition.question),
				answer: material.condition.answer
			}
		}))
	};
}

/** One good item and its material rows, in the workbook's two sheets, to spoil one cell at a time. */
const ITEM_HEADER = [
	'事项编码',
	'事项名称',
	'英文名称',
	'事项类别',
	'法定时限',
	'承诺时限',
	'网上办理',
	'问题',
	'办理情形'
];
const MATERIAL_HEADER = ['事项编码', '材料名称', '要求', '条件', '适用情形', '获取链接', '份数'];
const goodItem = [
	'QY-001',
	'公司设立登记',
	'Company registration',
	'企业开办',
	'15',
	'1',
	'',
	'由代理人办理？ / By an agent?',
	'新办 / New'
];
const goodMaterials = [
	['QY-001', '申请书', '必需', '', '', '', ''],
	['QY-001', '授权委托书', '条件', '由代理人办理？=是', '新办', 'https://zwfw.tj.gov.cn/a', '1']
];

async function workbook(items: string[][], materials: string[][]): Promise<ImportReport> {
	return parseCatalogFile({
		name: 'catalog.xlsx',
		bytes: await xlsx([
			{ sheet: '事项', rows: [ITEM_HEADER, ...items] },
			{ sheet: '材料', rows: [MATERIAL_HEADER, ...materials] }
		])
	});
}

describe('parseCatalogFile', () => {
	it('reads every demo item back from a workbook as it was written', async () => {
		const sheets = sheetsOf(allSeedItems);
		const report = await parseCatalogFile({ name: '目录.XLSX', bytes: await xlsx(sheets) });
		expect(report.errors).toEqual([]);
		expect(report.items.map((item) => item.code)).toEqual(allSeedItems.map((item) => item.code));
		report.items.forEach((item, index) => expect(meaning(item.draft)).toEqual(meaning(allSeedItems[index]!)));
		expect(report.items[0]?.row).toBe(2);
	}, 20_000); // the whole demo catalog through Excel's format and pinyin: seconds on a busy machine

	it('reads the same from one CSV file with a 类型 column, as Excel saves "CSV UTF-8" (byte-order mark, CRLF)', async () => {
		const report = await parseCatalogFile(csvFile(combinedRowsOf(allSeedItems)));
		expect(report.errors).toEqual([]);
		report.items.forEach((item, index) => expect(meaning(item.draft)).toEqual(meaning(allSeedItems[index]!)));
	}, 20_000);

	it('reads a workbook whose one sheet is laid out like the CSV, with its 类型 column', async () => {
		const rows = combinedRowsOf(allSeedItems.slice(0, 3));
		const report = await parseCatalogFile({ name: 'a.xlsx', bytes: await xlsx([{ sheet: 'Sheet1', rows }]) });
		expect(report.errors).toEqual([]);
		expect(report.items.map((item) => item.code)).toEqual(allSeedItems.slice(0, 3).map((item) => item.code));
		expect(report.items.map((item) => item.row)).toEqual(
			rows.flatMap((row, index) => (row[0] === '事项' ? [index + 1] : []))
		);
	});

	it('reads the downloadable templates without a problem', async () => {
		const dir = path.resolve('static', 'templates');
		for (const name of ['catalog-template.xlsx', 'catalog-template.csv']) {
			const report = await parseCatalogFile({
				name,
				bytes: new Uint8Array(await readFile(path.join(dir, name)))
			});
			expect(report.errors, name).toEqual([]);
			expect(
				report.items.map((item) => item.code),
				name
			).toEqual(['EXAMPLE-001', 'EXAMPLE-002']);
		}
	});

	it('keeps hostile text as text, exactly as written', async () => {
		const hostile = '<script>alert("x")</script>';
		const report = await workbook(
			[['QY-001', `${hostile}设立`, '<img src=x onerror=alert(1)>', '企业开办', '', '', '', '', '']],
			[['QY-001', `=HYPERLINK("x")${hostile}`, '必需', '', '', '', '']]
		);
		expect(report.errors).toEqual([]);
		expect(report.items[0]?.draft.name_zh).toBe(`${hostile}设立`);
		expect(report.items[0]?.draft.name_en).toBe('<img src=x onerror=alert(1)>');
		expect(report.items[0]?.draft.materials[0]?.name_zh).toBe(`=HYPERLINK("x")${hostile}`);
	});

	it('reads conditions, situations and defaults the way the clerk means them', async () => {
		const report = await workbook([goodItem], goodMaterials);
		const draft = report.items[0]!.draft;
		expect(draft.legal_days).toBe(15);
		expect(draft.questions.map(({ text_zh, text_en }) => ({ text_zh, text_en }))).toEqual([
			{ text_zh: '由代理人办理？', text_en: 'By an agent?' }
		]);
		expect(draft.questions[0]?.key).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
		const [form, letter] = draft.materials;
		expect(form).toMatchObject({
			requirement: 'required',
			condition: null,
			form: 'original',
			copies: 1,
			situations: []
		});
		expect(letter).toMatchObject({
			requirement: 'conditional',
			condition: { question: draft.questions[0]!.key, answer: true },
			situations: [draft.situations[0]!.key],
			obtain: { url: 'https://zwfw.tj.gov.cn/a' }
		});
	});

	it('reports each bad cell by sheet, row and column in Chinese and English, and leaves out only the items concerned', async () => {
		const report = await workbook(
			[
				goodItem,
				['', '没有编码的事项', '', '企业开办', '', '', '', '', ''],
				['QY 002', '编码有空格', '', '企业开办', '', '', '', '', ''],
				['QY-001', '重复的编码', '', '企业开办', '', '', '', '', ''],
				['QY-003', '', '', '企业开办', '', '', '', '', ''],
				['QY-004', '时限不对', '', '企业开办', '5', '10', 'ftp://example.com', '', ''],
				['QY-005', '好的事项', '', '行政审批', '', '', '', '', ''],
				['QY-006', '材料有错', '', '跨省通办', '', '', '', '', '']
			],
			[
				...goodMaterials,
				['QY-003', '材料', '', '', '', '', ''],
				['QY-004', '材料', '', '', '', '', ''],
				['QY-005', '身份证', '必需', '', '', '', '2'],
				['QY-006', '委托书', '看情况', '', '', '', ''],
				['QY-006', '户口簿', '条件', '', '', '', ''],
				['QY-006', '结婚证', '条件', '已婚？=是', '', '', ''],
				['QY-006', '结婚证2', '必需', '', '迁入', 'www.example.com', '0'],
				['QY-999', '没有事项的材料', '', '', '', '', '']
			]
		);
		expect(report.items.map((item) => item.code)).toEqual(['QY-005']);
		const said = report.errors.map((e) => [e.sheet, e.row, e.field ?? '', e.message_zh]);
		expect(said).toEqual(
			expect.arrayContaining([
				['事项', 2, '', '事项 QY-001 有错误，不会导入（见该事项及其材料所在行）'],
				['事项', 3, '事项编码', '“事项编码”必须填写'],
				['事项', 4, '事项编码', expect.stringContaining('只能包含字母、数字')],
				['事项', 5, '事项编码', '事项编码 QY-001 在第 2 行已出现，同一编码只能有一行事项'],
				['事项', 6, '事项名称', '“事项名称”必须填写'],
				['事项', 7, '承诺时限', '承诺时限（10 个工作日）不能超过法定时限（5 个工作日）'],
				['事项', 7, '网上办理', expect.stringContaining('不是有效链接')],
				['事项', 9, '', '事项 QY-006 有错误，不会导入（见该事项及其材料所在行）'],
				['材料', 7, '要求', '“要求”填写的“看情况”无法识别，可填：必需、可选、条件'],
				['材料', 8, '条件', '条件材料须在“条件”中写明问题和答案，如：由代理人办理？=是'],
				['材料', 9, '条件', '条件中的问题“已婚？”不在该事项的“问题”中'],
				['材料', 10, '适用情形', '适用情形“迁入”不在该事项的“办理情形”中'],
				['材料', 10, '获取链接', expect.stringContaining('不是有效链接')],
				['材料', 10, '份数', '份数应为 1–20 的整数，现为“0”'],
				['材料', 11, '事项编码', '“事项”中没有编码为 QY-999 的事项']
			])
		);
		expect(report.errors.every((e) => e.message_en.length > 0 && /[a-z]/.test(e.message_en))).toBe(true);
	});

	it('reports a value the domain refuses (too long) on the row and column it came from', async () => {
		const report = await workbook([goodItem], [['QY-001', '长'.repeat(101), '必需', '', '', '', '']]);
		expect(report.items).toEqual([]);
		expect(report.errors).toContainEqual(
			expect.objectContaining({
				sheet: '材料',
				row: 2,
				field: '材料名称',
				message_zh: '“材料名称”过长（最多 100 个字符或项）'
			})
		);
	});

	it('reads quoted CSV cells holding commas, quotes and line breaks, and numbers rows as Excel does', async () => {
		const rows = combinedRowsOf([
			{
				...allSeedItems[0]!,
				code: 'CSV-1',
				name_zh: '名称，含逗号和"引号"',
				situations: [
					{ key: 'a', name_zh: '新办', name_en: 'New' },
					{ key: 'b', name_zh: '变更', name_en: 'Change' }
				],
				materials: allSeedItems[0]!.materials.filter((m) => m.situations.length === 0)
			}
		]);
		rows.push(['材料', 'CSV-1', ...Array<string>(rows[0]!.length - 2).fill('')]);
		const report = await parseCatalogFile(csvFile(rows));
		expect(report.items).toEqual([]);
		expect(report.errors).toContainEqual(
			expect.objectContaining({ row: rows.length, field: '材料名称', message_zh: '“材料名称”必须填写' })
		);
		const fixed = await parseCatalogFile(csvFile(rows.slice(0, -1)));
		expect(fixed.items[0]?.draft.name_zh).toBe('名称，含逗号和"引号"');
		expect(fixed.items[0]?.draft.situations.map((s) => s.name_en)).toEqual(['New', 'Change']);
	});

	it('explains a CSV saved as GBK instead of guessing, and refuses other file types without throwing', async () => {
		// 事项 in GBK: not UTF-8.
		const gbk = await parseCatalogFile({
			name: 'a.csv',
			bytes: new Uint8Array([0xca, 0xc2, 0xcf, 0xee, 0x2c])
		});
		expect(gbk.errors[0]?.message_zh).toContain('UTF-8');
		const pdf = await parseCatalogFile({ name: 'a.pdf', bytes: new Uint8Array([1, 2, 3]) });
		expect(pdf.errors[0]?.message_zh).toContain('.xlsx 和 .csv');
		const broken = await parseCatalogFile({ name: 'a.xlsx', bytes: new TextEncoder().encode('not a zip') });
		expect(broken.items).toEqual([]);
		expect(broken.errors[0]?.message_zh).toMatch(/^无法读取文件/);
	});

	it('says which column is missing or unknown, and that a CSV needs its 类型 column', async () => {
		const noName = await parseCatalogFile({
			name: 'a.xlsx',
			bytes: await xlsx([
				{
					sheet: '事项',
					rows: [
						['事项编码', '事项类别', '备注'],
						['A', '企业开办', 'x']
					]
				},
				{
					sheet: '材料',
					rows: [
						['事项编码', '材料名称'],
						['A', '申请书']
					]
				}
			])
		});
		expect(noName.errors.map((e) => e.message_zh)).toEqual([
			'缺少“事项名称”列',
			'无法识别的列“备注”，已忽略'
		]);
		const noType = await parseCatalogFile(
			csvFile([
				['事项编码', '事项名称'],
				['A', 'B']
			])
		);
		expect(noType.errors[0]?.message_zh).toContain('类型');
		const badType = await parseCatalogFile(
			csvFile([
				['类型', '事项编码', '事项名称'],
				['其他', 'A', 'B']
			])
		);
		expect(badType.errors.map((e) => [e.row, e.message_zh])).toContainEqual([
			2,
			'类型“其他”无法识别，应为“事项”或“材料”'
		]);
	});

	it('accepts a File as the browser gives it', async () => {
		const bytes = new TextEncoder().encode(toCsv(combinedRowsOf([allSeedItems[1]!])));
		const report = await parseCatalogFile(new File([bytes], 'catalog.csv', { type: 'text/csv' }));
		expect(report.items.map((item) => item.code)).toEqual([allSeedItems[1]!.code]);
	});
});
