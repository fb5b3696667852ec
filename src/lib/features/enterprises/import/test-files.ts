import writeExcelFile from 'write-excel-file/node';
import { COLUMNS } from './format';

/**
 * Test and benchmark helpers: valid credit codes made by GB 32100's rule (written out here, apart from the
 * device's check, so each checks the other), and import files as a manager's spreadsheet would be.
 */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18-character code whose first 17 are `body`. */
export function withCheckCharacter(body: string): string {
	const sum = [...body].reduce((total, character, i) => total + CHARS.indexOf(character) * WEIGHTS[i]!, 0);
	return body + CHARS[(31 - (sum % 31)) % 31];
}

/** The n-th of a series of distinct valid codes of 河北区 companies. */
export function validCode(n: number): string {
	let serial = '';
	for (let rest = n, i = 0; i < 7; i++, rest = Math.floor(rest / 31)) serial = CHARS[rest % 31]! + serial;
	return withCheckCharacter(`91120105MA${serial}`);
}

export const HEADER: string[] = COLUMNS.map((column) => column.header);

const csvCell = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

export const csvFile = (rows: readonly (readonly string[])[], name = 'enterprises.csv') => ({
	name,
	bytes: new TextEncoder().encode(`\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`)
});

export async function xlsxFile(
	rows: readonly (readonly (string | number | null)[])[],
	name = 'enterprises.xlsx'
): Promise<{ name: string; bytes: Uint8Array }> {
	const buffer = await writeExcelFile([
		{ sheet: '企业', data: rows.map((row) => row.map((value) => (value === null ? null : { value }))) }
	]).toBuffer();
	return { name, bytes: new Uint8Array(buffer) };
}

const STREET_NAMES = ['望海楼街道', '光复道街道', '120105003', '新开河街道', '120105005'];

/** `count` good rows, as a manager's sheet of key enterprises. */
export function goodRows(count: number, from = 0): string[][] {
	return Array.from({ length: count }, (_, i) => {
		const n = from + i;
		return [
			`天津河北区第${n + 1}号重点企业有限公司`,
			validCode(n),
			STREET_NAMES[n % STREET_NAMES.length]!,
			`天津市河北区示例路 ${n + 1} 号`,
			n % 3 === 0 ? '' : '制造业',
			n % 4 === 0 ? '' : String([14, 30, 90][n % 3])
		];
	});
}
