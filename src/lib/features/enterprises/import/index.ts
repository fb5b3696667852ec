import { checkRows, type CheckedRow, type EnterpriseDraft, type ExistingCodes } from './check-rows';
import { locateRows } from './locate-rows';
import { readImportFile, type FileFailure, type ImportFile } from './read-file';

export type { CheckedRow, EnterpriseDraft, ExistingCodes, RowProblem } from './check-rows';
export type { FileFailure, ImportFile } from './read-file';
export { MAX_ROWS } from './format';

export type Preview =
	| {
			ok: true;
			sheet?: string;
			/** Header cells that name no column of the format: ignored, and said so. */
			ignoredColumns: string[];
			/** The rows to import, in file order. */
			good: { row: number; draft: EnterpriseDraft }[];
			/** The rows with at least one problem, in file order. */
			bad: CheckedRow[];
	  }
	| { ok: false; failure: FileFailure };

/**
 * Reads and checks an enterprise file on the device (docs/VISITS.md, "Import"): the whole file refused with one
 * reason, or every filled-in row either good (ready to save) or bad with everything wrong with it. `existing` is
 * the hall's enterprises on the device, by credit code. Never throws for a bad file.
 */
export async function previewEnterpriseFile(
	file: ImportFile,
	existing: ExistingCodes,
	onProgress?: (done: number, count: number) => void
): Promise<Preview> {
	const read = await readImportFile(file);
	if (!read.ok) return read;
	const located = locateRows(read.tables);
	if (!located.ok) return located;
	const checked = await checkRows(located.rows, existing, (done) => onProgress?.(done, located.rows.length));
	const good: { row: number; draft: EnterpriseDraft }[] = [];
	const bad: CheckedRow[] = [];
	for (const row of checked) {
		if (row.draft) good.push({ row: row.row, draft: row.draft });
		else bad.push(row);
	}
	return {
		ok: true,
		...(located.sheet === undefined ? {} : { sheet: located.sheet }),
		ignoredColumns: located.ignoredColumns,
		good,
		bad
	};
}
