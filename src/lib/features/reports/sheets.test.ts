import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '$lib/domain/report';
import { csvField, reportCsv } from './csv';
import { reportFileName } from './file-name';
import { reportMessages } from './messages';
import { reportSections } from './sections';
import { contextRows, neutralised, reportSheets, type ReportSheet } from './sheets';
import { testReport } from './test-report';
import { workbookSheets } from './xlsx';

beforeAll(async () => {
	await reportMessages.load();
});

const texts = (sheet: ReportSheet): string[][] =>
	sheet.rows.map((row) =>
		row.cells.map((cell) => (cell === null ? '' : 'text' in cell ? cell.text : String(cell.number)))
	);

describe('the report as sheets', () => {
	it('has one sheet per section, in order, named in Chinese', () => {
		const sheets = reportSheets(reportSections(testReport()));
		expect(sheets.map((sheet) => sheet.name)).toEqual([
			'大厅运行',
			'咨询服务',
			'材料预审',
			'事件处置',
			'环境与设施巡查',
			'服务监督',
			'走访与跟进'
		]);
		expect(sheets).toHaveLength(REPORT_SECTIONS.length);
	});

	it('lists the key figures, then each table under its caption with Chinese headers', () => {
		const [operation] = reportSheets(reportSections(testReport()));
		const rows = texts(operation!);
		expect(rows.slice(0, 3)).toEqual([['主要指标'], ['指标', '数值'], ['办事人数', '30']]);
		const byDay = rows.findIndex((row) => row[0] === '每日办事人数');
		expect(rows.slice(byDay, byDay + 4)).toEqual([
			['每日办事人数'],
			['日期', '办事人数'],
			['2026-11-01', '12'],
			['2026-11-02', '18']
		]);
		expect(rows).toContainEqual(['09:00–10:00', '30']);
		expect(rows).toContainEqual(['未分类', '10']);
		expect(rows).toContainEqual(['老年人', '3']);
	});

	it('keeps rates as numbers marked as percentages, and nothing to rate as a dash', () => {
		const prechecks = reportSheets(reportSections(testReport()))[2]!;
		const cells = Object.fromEntries(
			prechecks.rows.map((row) => [JSON.stringify(row.cells[0]), row.cells[1]])
		);
		expect(cells[JSON.stringify({ text: '首次齐全率' })]).toEqual({ number: 0.75, percent: true });
		expect(cells[JSON.stringify({ text: '一次性告知兑现率' })]).toEqual({ text: '—' });
	});

	it('derives the within-limit rates and shows medians in whole minutes', () => {
		const incidents = texts(reportSheets(reportSections(testReport()))[3]!);
		expect(incidents).toContainEqual(['按时响应率', '0.5']);
		expect(incidents).toContainEqual(['响应用时中位数（分钟）', '13']);
		expect(incidents).toContainEqual(['较大', '1']);
	});

	it('neutralises text a spreadsheet would run as a formula', () => {
		expect(neutralised('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(neutralised('+86')).toBe("'+86");
		expect(neutralised('-自助服务区')).toBe("'-自助服务区");
		expect(neutralised('@cmd')).toBe("'@cmd");
		expect(neutralised('营业执照')).toBe('营业执照');
		const patrols = texts(reportSheets(reportSections(testReport()))[4]!);
		expect(patrols).toContainEqual(["'-自助服务区", '1']);
	});

	it('starts every workbook sheet with the halls, the period and when it was computed', () => {
		const report = testReport();
		const sheets = workbookSheets(contextRows(report), reportSheets(reportSections(report)));
		expect(sheets).toHaveLength(7);
		expect(sheets[0]!.sheet).toBe('大厅运行');
		expect(sheets[0]!.data.slice(0, 3)).toEqual([
			[{ value: '大厅', fontWeight: 'bold' }, '天津市河北区政务服务中心'],
			[{ value: '统计周期', fontWeight: 'bold' }, '2026-11-01 至 2026-11-02'],
			[{ value: '生成时间', fontWeight: 'bold' }, '2026-11-03 09:30']
		]);
		expect(sheets[2]!.data).toContainEqual(['首次齐全率', { value: 0.75, format: '0.0%' }]);
		expect(sheets[2]!.data).toContainEqual([
			{ value: '材料', fontWeight: 'bold' },
			expect.anything(),
			expect.anything(),
			expect.anything()
		]);
	});
});

describe('the report as CSV', () => {
	it('starts with a byte-order mark, ends lines with CRLF and writes rates as percentages', () => {
		const report = testReport();
		const csv = reportCsv(contextRows(report), reportSheets(reportSections(report)));
		expect(csv.startsWith('\uFEFF大厅,天津市河北区政务服务中心\r\n')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
		expect(csv).toContain('\r\n首次齐全率,75%\r\n');
		expect(csv).toContain('\r\n一次性告知兑现率,—\r\n');
		expect(csv).toContain('\r\n"\'=营业执照, ""副本""",11120000-001,企业设立登记,1\r\n');
	});

	it('quotes fields per RFC 4180', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\r')).toBe('"cr\r"');
	});
});

describe('the files’ names', () => {
	it('name the period and the hall', () => {
		const report = testReport();
		expect(reportFileName({ ...report, from: '2026-11-01', to: '2026-11-30' }, 'xlsx')).toBe(
			'综窗报表_2026-11_天津市河北区政务服务中心.xlsx'
		);
		const two = { ...report, halls: [...report.halls, { id: report.halls[0]!.id, name: '王串场街/便民站' }] };
		expect(reportFileName(two, 'csv')).toBe(
			'综窗报表_2026-11-01至2026-11-02_天津市河北区政务服务中心等2个大厅.csv'
		);
		expect(reportFileName({ ...report, halls: [{ id: report.halls[0]!.id, name: 'A/B:C' }] }, 'csv')).toBe(
			'综窗报表_2026-11-01至2026-11-02_ABC.csv'
		);
	});
});
