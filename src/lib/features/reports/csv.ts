import { percent } from './format';
import type { ReportSheet, SheetCell, SheetRow } from './sheets';

/**
 * The report as one CSV file for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as the
 * system's code page), CRLF line ends, fields quoted per RFC 4180. Each section follows the context rows under its
 * name; rates are written as percentages, as the screen shows them.
 */
const BOM = '\uFEFF';
const CRLF = '\r\n';

/** A field as RFC 4180 writes it: quoted when it holds a quote, a comma or a line break, quotes doubled. */
export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function cellText(cell: SheetCell): string {
	if (cell === null) return '';
	if ('text' in cell) return cell.text;
	return cell.percent ? percent(cell.number) : String(cell.number);
}

export function csvText(rows: SheetRow[]): string {
	const lines = rows.map((row) => row.cells.map((cell) => csvField(cellText(cell))).join(','));
	return BOM + lines.join(CRLF) + CRLF;
}

/** The context rows, then each sheet under its name, a blank row between sections. */
export function reportCsv(context: SheetRow[], sheets: ReportSheet[]): string {
	const rows: SheetRow[] = [...context];
	for (const sheet of sheets) rows.push({ cells: [] }, { cells: [{ text: sheet.name }] }, ...sheet.rows);
	return csvText(rows);
}
