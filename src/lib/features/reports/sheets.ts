import type { HallReport } from '$lib/domain/report';
import { hallTime } from '$lib/domain/hall-time';
import { tr } from './messages';
import type { Cell, SectionView } from './sections';

/**
 * The report as rows of cells for the exports: one sheet per section (its key figures, then each table under its
 * caption), and the rows that say which halls and period the file is about. Text cells are neutralised: a
 * material's or checkpoint's name is typed by a manager, and a spreadsheet would run one starting with `=`.
 */
export type SheetCell = { text: string } | { number: number; percent?: boolean } | null;
/** A row of cells; a caption's or headers' row is a heading (bold in the workbook). */
export interface SheetRow {
	cells: SheetCell[];
	heading?: boolean;
}
export interface ReportSheet {
	name: string;
	rows: SheetRow[];
}

/** A leading apostrophe keeps Excel from reading text as a formula (OWASP's CSV injection advice). */
export function neutralised(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const textCell = (value: string): SheetCell => ({ text: neutralised(value) });
const NOTHING_CELL: SheetCell = { text: '—' };

function sheetCell(cell: Cell): SheetCell {
	switch (cell.kind) {
		case 'text':
			return textCell(cell.text);
		case 'count':
			return { number: cell.value };
		case 'rate':
			return cell.value === null ? NOTHING_CELL : { number: cell.value, percent: true };
		case 'minutes':
			return cell.value === null ? NOTHING_CELL : { number: Math.round(cell.value) };
	}
}

/** Which halls, which days, computed when: the first rows of every sheet and of the CSV. */
export function contextRows(report: HallReport): SheetRow[] {
	const period = report.from === report.to ? report.from : `${report.from} 至 ${report.to}`;
	return [
		[tr('report.contextHalls'), report.halls.map((hall) => hall.name).join('、')],
		[tr('report.contextPeriod'), period],
		[tr('report.contextGenerated'), hallTime(report.generated_at, '')]
	].map((cells) => ({ cells: cells.map(textCell) }));
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function sheetName(title: string): string {
	return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/** One sheet per section, in the sections' order; the report's context rows are added by each format. */
export function reportSheets(sections: SectionView[]): ReportSheet[] {
	return sections.map((section) => {
		const rows: SheetRow[] = [
			{ cells: [textCell(tr('report.keyFigures'))], heading: true },
			{ cells: [textCell(tr('report.figure')), textCell(tr('report.value'))], heading: true },
			...section.figures.map((figure) => ({ cells: [textCell(figure.label), sheetCell(figure.value)] }))
		];
		for (const table of section.tables) {
			rows.push(
				{ cells: [] },
				{ cells: [textCell(table.caption)], heading: true },
				{ cells: table.headers.map(textCell), heading: true },
				...table.rows.map((row) => ({ cells: row.map(sheetCell) }))
			);
		}
		return { name: sheetName(section.title), rows };
	});
}
