import {
	ITEM_COLUMNS,
	ITEM_SHEET,
	MATERIAL_COLUMNS,
	MATERIAL_SHEET,
	ROW_TYPE_COLUMN,
	type Column,
	type ItemField,
	type MaterialField
} from './format';
import { messages } from './messages';
import type { ImportError } from './report';

/** A sheet as read from the file: every cell as text, row 1 the header, numbered as Excel numbers rows. */
export interface Table {
	sheet?: string;
	rows: string[][];
}

/** One filled-in row of the file: where it is (for the report) and its cells by field. */
export interface SourceRow<Field extends string> {
	row: number;
	sheet?: string;
	get(field: Field): string;
}

export interface Layout {
	items: SourceRow<ItemField>[];
	materials: SourceRow<MaterialField>[];
	errors: ImportError[];
}

const error = (row: number, sheet: string | undefined, message: { zh: string; en: string }): ImportError => ({
	row,
	...(sheet === undefined ? {} : { sheet }),
	message_zh: message.zh,
	message_en: message.en
});

/** 法定时限（工作日） → 法定时限; English headers compare without case. */
const normalizeHeader = (header: string): string =>
	header
		.replace(/^\uFEFF/, '')
		.replace(/[（(].*$/, '')
		.replace(/\s+/g, '')
		.toLowerCase();

const matches = (header: string, names: { zh: string; en: string }): boolean => {
	const normalized = normalizeHeader(header);
	return normalized === normalizeHeader(names.zh) || normalized === names.en.toLowerCase();
};

const isBlank = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '');

/** Where each field's column is in a header row, and the headers nobody asked for. */
function columnsOf(header: readonly string[], columns: readonly Column[]) {
	const positions = new Map<string, number>();
	header.forEach((cell, index) => {
		const column = columns.find((candidate) => matches(cell, candidate));
		if (column && !positions.has(column.field)) positions.set(column.field, index);
	});
	return positions;
}

function rowsOf<Field extends string>(
	table: Table,
	columns: readonly Column<Field>[],
	keep: (cells: readonly string[]) => boolean = () => true
): { rows: SourceRow<Field>[]; errors: ImportError[] } {
	const [header = [], ...body] = table.rows;
	const positions = columnsOf(header, columns);
	const errors: ImportError[] = [];
	for (const column of columns) {
		if (column.required && !positions.has(column.field)) {
			errors.push(error(1, table.sheet, messages.missingColumn(column.zh)));
		}
	}
	if (errors.length > 0) return { rows: [], errors };
	const rows: SourceRow<Field>[] = [];
	body.forEach((cells, index) => {
		if (isBlank(cells) || !keep(cells)) return;
		rows.push({
			row: index + 2,
			...(table.sheet === undefined ? {} : { sheet: table.sheet }),
			get: (field) => {
				const position = positions.get(field);
				return position === undefined ? '' : (cells[position] ?? '').trim();
			}
		});
	});
	return { rows, errors };
}

/** Headers that are no column of the format: said once, so a misspelt header does not lose a column silently. */
function unknownHeaders(
	table: Table,
	known: readonly Column[],
	extra: readonly string[] = []
): ImportError[] {
	const header = table.rows[0] ?? [];
	return header
		.filter((cell) => cell.trim() !== '')
		.filter((cell) => !known.some((column) => matches(cell, column)))
		.filter((cell) => !extra.some((name) => normalizeHeader(cell) === normalizeHeader(name)))
		.map((cell) => error(1, table.sheet, messages.unknownColumn(cell.trim())));
}

const sheetIs = (table: Table, zh: string, en: string): boolean =>
	table.sheet !== undefined && (table.sheet.trim() === zh || table.sheet.trim().toLowerCase() === en);

/**
 * Finds the format in the tables of a file: the sheets 事项 and 材料, or one table with a 类型 column (a CSV file,
 * or a workbook with a single such sheet).
 */
export function layoutOf(tables: readonly Table[]): Layout {
	const itemTable = tables.find((table) => sheetIs(table, ITEM_SHEET, 'items'));
	const materialTable = tables.find((table) => sheetIs(table, MATERIAL_SHEET, 'materials'));
	if (itemTable && materialTable) {
		const items = rowsOf(itemTable, ITEM_COLUMNS);
		const materials = rowsOf(materialTable, MATERIAL_COLUMNS);
		return withoutRowsIfColumnsMissing({
			items: items.rows,
			materials: materials.rows,
			missingColumns: [...items.errors, ...materials.errors],
			errors: [
				...items.errors,
				...materials.errors,
				...unknownHeaders(itemTable, ITEM_COLUMNS),
				...unknownHeaders(materialTable, MATERIAL_COLUMNS)
			]
		});
	}
	const combined = tables.find((table) =>
		(table.rows[0] ?? []).some((cell) => matches(cell, ROW_TYPE_COLUMN))
	);
	if (!combined) {
		const empty = tables.length > 0 && tables.every((table) => table.rows.every(isBlank));
		return {
			items: [],
			materials: [],
			errors: [error(1, undefined, empty ? messages.emptyTable() : messages.noSheets())]
		};
	}
	return combinedLayout(combined);
}

const ITEM_TYPES = ['事项', 'item'];
const MATERIAL_TYPES = ['材料', 'material'];

function combinedLayout(table: Table): Layout {
	const typeAt = (table.rows[0] ?? []).findIndex((cell) => matches(cell, ROW_TYPE_COLUMN));
	const typeOf = (cells: readonly string[]) => (cells[typeAt] ?? '').trim().toLowerCase();
	const errors: ImportError[] = [];
	table.rows.slice(1).forEach((cells, index) => {
		const type = typeOf(cells);
		if (!isBlank(cells) && !ITEM_TYPES.includes(type) && !MATERIAL_TYPES.includes(type)) {
			errors.push(error(index + 2, table.sheet, messages.unknownRowType((cells[typeAt] ?? '').trim())));
		}
	});
	const items = rowsOf(table, ITEM_COLUMNS, (cells) => ITEM_TYPES.includes(typeOf(cells)));
	const materials = rowsOf(table, MATERIAL_COLUMNS, (cells) => MATERIAL_TYPES.includes(typeOf(cells)));
	return withoutRowsIfColumnsMissing({
		items: items.rows,
		materials: materials.rows,
		missingColumns: [...items.errors, ...materials.errors],
		errors: [
			...items.errors,
			...materials.errors,
			...unknownHeaders(
				table,
				[...ITEM_COLUMNS, ...MATERIAL_COLUMNS],
				[ROW_TYPE_COLUMN.zh, ROW_TYPE_COLUMN.en]
			),
			...errors
		]
	});
}

/** Without a required column no row can be read right: say what is missing, and nothing about the rows. */
function withoutRowsIfColumnsMissing(found: Layout & { missingColumns: ImportError[] }): Layout {
	const { missingColumns, ...layout } = found;
	if (missingColumns.length === 0) return layout;
	return { items: [], materials: [], errors: [...missingColumns, ...layout.errors] };
}
