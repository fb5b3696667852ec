import { COLUMNS, fieldOfHeader, HEADER_SEARCH_ROWS, MAX_ROWS, type EnterpriseField } from './format';
import type { FileFailure, Table } from './read-file';

/** One filled-in row of the file: its number as Excel shows it, and its cells by field (trimmed; '' if absent). */
export interface SourceRow {
	row: number;
	cells: Readonly<Record<EnterpriseField, string>>;
}

export type Located =
	| { ok: true; sheet?: string; rows: SourceRow[]; ignoredColumns: string[] }
	| { ok: false; failure: FileFailure };

const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

interface Header {
	table: Table;
	index: number;
	positions: Map<EnterpriseField, number>;
	ignored: string[];
}

function headerAt(table: Table, index: number): Header {
	const positions = new Map<EnterpriseField, number>();
	const ignored: string[] = [];
	(table.rows[index] ?? []).forEach((cell, position) => {
		if (cell.trim() === '') return;
		const field = fieldOfHeader(cell);
		if (field !== undefined && !positions.has(field)) positions.set(field, position);
		else ignored.push(cell.trim());
	});
	return { table, index, positions, ignored };
}

/** The first row near the top that names at least one column: a title row above it is skipped. */
function findHeader(table: Table): Header | undefined {
	const last = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
	for (let index = 0; index < last; index++) {
		const header = headerAt(table, index);
		if (header.positions.size > 0) return header;
	}
	return undefined;
}

const missingOf = (header: Header): string[] =>
	COLUMNS.filter((column) => column.required && !header.positions.has(column.field)).map(
		(column) => column.header
	);

/**
 * Finds the enterprises in a file's sheets: the first sheet whose header row has every required column (else the
 * first with any known header, to say which columns are missing), and its filled-in rows below the header.
 */
export function locateRows(tables: readonly Table[]): Located {
	if (tables.every((table) => table.rows.every(isBlank))) return { ok: false, failure: { kind: 'empty' } };
	const headers = tables.map(findHeader).filter((header) => header !== undefined);
	const header = headers.find((candidate) => missingOf(candidate).length === 0) ?? headers[0];
	if (!header) return { ok: false, failure: { kind: 'noHeader' } };
	const missing = missingOf(header);
	if (missing.length > 0) return { ok: false, failure: { kind: 'missingColumns', columns: missing } };

	const rows: SourceRow[] = [];
	const body = header.table.rows;
	for (let index = header.index + 1; index < body.length; index++) {
		const cells = body[index]!;
		if (isBlank(cells)) continue;
		const cell = (field: EnterpriseField): string => {
			const position = header.positions.get(field);
			return position === undefined ? '' : (cells[position] ?? '').trim();
		};
		rows.push({
			row: index + 1,
			cells: {
				name: cell('name'),
				credit_code: cell('credit_code'),
				street: cell('street'),
				address: cell('address'),
				industry: cell('industry'),
				visit_every_days: cell('visit_every_days')
			}
		});
	}
	if (rows.length === 0) return { ok: false, failure: { kind: 'noRows' } };
	if (rows.length > MAX_ROWS) {
		return { ok: false, failure: { kind: 'tooManyRows', count: rows.length, max: MAX_ROWS } };
	}
	return {
		ok: true,
		...(header.table.sheet === undefined ? {} : { sheet: header.table.sheet }),
		rows,
		ignoredColumns: header.ignored
	};
}
