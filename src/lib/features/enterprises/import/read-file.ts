import { NotUtf8Error, readCsv } from '$lib/features/service-catalog/import/read-csv';
import { readXlsx } from '$lib/features/service-catalog/import/read-xlsx';
import type { Table } from '$lib/features/service-catalog/import/layout';
import { MAX_BYTES } from './format';

export type { Table };

/** Why a whole file is refused before any row is looked at; the screen says each in words (messages). */
export type FileFailure =
	| { kind: 'unsupported' }
	| { kind: 'oldExcel' }
	| { kind: 'tooBig'; maxMegabytes: number }
	| { kind: 'notUtf8' }
	| { kind: 'unreadable'; reason: string }
	| { kind: 'empty' }
	| { kind: 'noHeader' }
	| { kind: 'missingColumns'; columns: string[] }
	| { kind: 'noRows' }
	| { kind: 'tooManyRows'; count: number; max: number };

export type ReadResult = { ok: true; tables: Table[] } | { ok: false; failure: FileFailure };

/** A file chosen on the screen, or its name and bytes (tests and the benchmark). */
export type ImportFile = File | { name: string; bytes: Uint8Array };

/**
 * The file's sheets as text, by the name's extension: CSV (UTF-8, as Excel's "CSV UTF-8" writes it) or an .xlsx
 * workbook, with the service catalog import's readers (read-excel-file loads only when a workbook is read). Never
 * throws: a file that is no spreadsheet of these two kinds is a failure the screen explains.
 */
export async function readImportFile(file: ImportFile): Promise<ReadResult> {
	const name = file.name.toLowerCase();
	const isCsv = name.endsWith('.csv');
	// Excel 97–2003 (.xls, or WPS's .et) is a different format read-excel-file cannot open: say how to convert it.
	if (/\.(xls|et)$/.test(name)) return { ok: false, failure: { kind: 'oldExcel' } };
	if (!isCsv && !name.endsWith('.xlsx')) return { ok: false, failure: { kind: 'unsupported' } };
	const size = file instanceof Blob ? file.size : file.bytes.byteLength;
	if (size > MAX_BYTES) {
		return { ok: false, failure: { kind: 'tooBig', maxMegabytes: MAX_BYTES / 1024 / 1024 } };
	}
	try {
		const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file.bytes;
		if (bytes.byteLength === 0) return { ok: false, failure: { kind: 'empty' } };
		return { ok: true, tables: isCsv ? [readCsv(bytes)] : await readXlsx(bytes) };
	} catch (error) {
		if (error instanceof NotUtf8Error) return { ok: false, failure: { kind: 'notUtf8' } };
		return {
			ok: false,
			failure: { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) }
		};
	}
}
