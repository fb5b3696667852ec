import type { HallReport } from '$lib/domain/report';
import { reportCsv } from './csv';
import { reportFileName } from './file-name';
import { reportSections } from './sections';
import { contextRows, reportSheets } from './sheets';
import { workbookSheets, writeWorkbook } from './xlsx';

/**
 * The report's files, in the screen's language (Chinese unless English was chosen): the workbook, with
 * write-excel-file loaded at the tap, and the CSV. Each is handed to the browser as a download.
 */
export async function downloadWorkbook(report: HallReport): Promise<void> {
	const sheets = workbookSheets(contextRows(report), reportSheets(reportSections(report)));
	save(await writeWorkbook(sheets), reportFileName(report, 'xlsx'));
}

export function downloadCsv(report: HallReport): void {
	const csv = reportCsv(contextRows(report), reportSheets(reportSections(report)));
	save(new Blob([csv], { type: 'text/csv;charset=utf-8' }), reportFileName(report, 'csv'));
}

function save(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	// The download has its own copy once the click is handled.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
