import Papa from 'papaparse';
import type { Table } from './layout';

/** The reason a file's bytes are not text this import reads; shown to the clerk. */
export class NotUtf8Error extends Error {
	constructor() {
		super('not UTF-8');
		this.name = 'NotUtf8Error';
	}
}

/**
 * A CSV file as Excel's "CSV UTF-8" writes it (with a byte-order mark) or without the mark. GBK, what older Excel
 * writes for plain "CSV" on Chinese Windows, is refused with a clear message rather than guessed: a wrong guess
 * would import garbled names that look valid.
 */
export function readCsv(bytes: Uint8Array): Table {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		throw new NotUtf8Error();
	}
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
		delimiter: ',',
		newline: undefined,
		quoteChar: '"',
		skipEmptyLines: false
	});
	const rows = parsed.data.map((row) => row.map((cell) => String(cell)));
	// A file ending in a line break gives one empty record at the end, which is no row of the sheet.
	while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop();
	return { rows };
}
