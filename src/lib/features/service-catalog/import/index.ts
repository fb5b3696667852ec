import { draftsOf } from './drafts';
import { layoutOf } from './layout';
import { messages, type Message } from './messages';
import { NotUtf8Error, readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { ImportReport } from './report';

export type { ImportError, ImportReport } from './report';

/** Generous for a hall's catalog (a few hundred items of a dozen materials is well under 1 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const failure = (message: Message): ImportReport => ({
	items: [],
	errors: [{ row: 1, message_zh: message.zh, message_en: message.en }]
});

const NOT_UTF8: Message = {
	zh: 'CSV 文件不是 UTF-8 编码。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 文件',
	en: 'The CSV file is not UTF-8. In Excel use "Save as" → "CSV UTF-8 (Comma delimited)", or upload the .xlsx file'
};
const TOO_BIG: Message = { zh: '文件过大（最大 10 MB）', en: 'The file is too large (at most 10 MB)' };

/**
 * Reads a hall's catalog file (docs/PRECHECK.md, "Loading a hall's real catalog"): an .xlsx workbook with the
 * sheets 事项 and 材料, or a .csv file with a 类型 column. Never throws for a bad file: everything wrong is in
 * `errors`, by row, and only items without any problem are in `items`. Text is kept exactly as written (after
 * trimming); the screens show it as text.
 */
export async function parseCatalogFile(
	file: File | { name: string; bytes: Uint8Array }
): Promise<ImportReport> {
	const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file.bytes;
	if (bytes.byteLength > MAX_IMPORT_BYTES) return failure(TOO_BIG);
	const name = file.name.toLowerCase();
	try {
		if (name.endsWith('.csv')) return draftsOf(layoutOf([readCsv(bytes)]));
		if (name.endsWith('.xlsx')) return draftsOf(layoutOf(await readXlsx(bytes)));
		return failure(messages.unsupported());
	} catch (error) {
		if (error instanceof NotUtf8Error) return failure(NOT_UTF8);
		return failure(messages.unreadable(error instanceof Error ? error.message : String(error)));
	}
}
