import type { Table } from './layout';

/** A cell as text: numbers as Excel shows them (5, not 5.0), dates as YYYY-MM-DD. */
function cellText(value: unknown): string {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

/**
 * Every sheet of a workbook. read-excel-file (and its unzip and XML parser) is loaded here only, when a file is
 * imported, so no other screen carries it.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Table[]> {
	const { default: readXlsxFile } = await import('read-excel-file/universal');
	const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	const sheets = await readXlsxFile(buffer);
	return sheets.map((sheet) => ({
		sheet: sheet.sheet,
		rows: sheet.data.map((row) => row.map(cellText))
	}));
}
