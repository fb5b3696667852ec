import type { Sheet, SheetData } from 'write-excel-file/browser';
import type { ReportSheet, SheetCell, SheetRow } from './sheets';

/**
 * The workbook's sheets for write-excel-file: the context rows, then the section's rows; numbers stay numbers
 * (rates as numbers formatted `0.0%`), captions and headers bold. Pure: the library itself loads only when a
 * manager taps "export" (`writeWorkbook`).
 */
export type WorkbookSheet = Sheet<Blob>;
type WorkbookCell = SheetData[number][number];

function workbookCell(cell: SheetCell, bold: boolean): WorkbookCell {
	if (cell === null) return null;
	if ('text' in cell) return bold ? { value: cell.text, fontWeight: 'bold' } : cell.text;
	return cell.percent ? { value: cell.number, format: '0.0%' } : cell.number;
}

const workbookRow = (row: SheetRow, boldFirst = false): WorkbookCell[] =>
	row.cells.map((cell, index) => workbookCell(cell, row.heading === true || (boldFirst && index === 0)));

export function workbookSheets(context: SheetRow[], sheets: ReportSheet[]): WorkbookSheet[] {
	return sheets.map((sheet) => ({
		sheet: sheet.name,
		columns: [{ width: 30 }, { width: 16 }, { width: 30 }, { width: 12 }],
		data: [...context.map((row) => workbookRow(row, true)), [], ...sheet.rows.map((row) => workbookRow(row))]
	}));
}

/** The `.xlsx` file of the sheets, writing it with write-excel-file loaded now. */
export async function writeWorkbook(sheets: WorkbookSheet[]): Promise<Blob> {
	const { default: writeExcelFile } = await import('write-excel-file/browser');
	return writeExcelFile(sheets).toBlob();
}
