import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import writeExcelFile from 'write-excel-file/node';
import {
	ITEM_COLUMNS,
	ITEM_SHEET,
	MATERIAL_COLUMNS,
	MATERIAL_SHEET,
	ROW_TYPE_COLUMN
} from '../src/lib/features/service-catalog/import/format';
import { combinedRowsOf, sheetsOf, toCsv } from '../src/lib/features/service-catalog/import/to-rows';
import { templateExamples } from './catalog-seed/template-examples';

/**
 * `npm run catalog:template`: the import templates a hall downloads (static/templates/catalog-template.xlsx and
 * .csv), each with two example items from the demo catalog, and in the workbook a sheet 说明 describing every
 * column. docs/PRECHECK.md ("Loading a hall's real catalog") describes the same format.
 */
const templatesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'static', 'templates');

interface Cell {
	value: string;
	fontWeight?: 'bold';
}
const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
const text = (value: string) => ({ value, type: String, wrap: true });

function guide(): Cell[][] {
	const rows: Cell[][] = [[bold('工作表'), bold('列'), bold('必填'), bold('填写说明')]];
	for (const [sheet, columns] of [
		[ITEM_SHEET, ITEM_COLUMNS],
		[MATERIAL_SHEET, MATERIAL_COLUMNS]
	] as const) {
		for (const column of columns) {
			rows.push([
				{ value: sheet },
				{ value: column.zh },
				{ value: 'required' in column ? '是' : '' },
				{ value: column.hint_zh }
			]);
		}
	}
	rows.push([
		{ value: 'CSV' },
		{ value: ROW_TYPE_COLUMN.zh },
		{ value: '是' },
		{ value: '只用一个 CSV 文件时：“事项”或“材料”，其余列同上；CSV 须以 UTF-8 保存' }
	]);
	return rows;
}

async function main(): Promise<void> {
	await mkdir(templatesDir, { recursive: true });
	const examples = templateExamples();
	const sheets = sheetsOf(examples).map((sheet) => ({
		sheet: sheet.sheet,
		data: [sheet.rows[0]!.map(bold), ...sheet.rows.slice(1).map((row) => row.map(text))],
		columns: sheet.rows[0]!.map(() => ({ width: 22 })),
		stickyRowsCount: 1
	}));
	const workbook = await writeExcelFile([
		...sheets,
		{ sheet: '说明', data: guide(), columns: [{ width: 10 }, { width: 16 }, { width: 6 }, { width: 70 }] }
	]).toBuffer();
	await writeFile(path.join(templatesDir, 'catalog-template.xlsx'), workbook);
	await writeFile(path.join(templatesDir, 'catalog-template.csv'), toCsv(combinedRowsOf(examples)));
	console.log(`Wrote ${path.relative(process.cwd(), templatesDir)}/catalog-template.xlsx and .csv`);
}

await main();
