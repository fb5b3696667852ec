import { checkCreditCode, normaliseCreditCode } from '$lib/domain/credit-code';
import { isPlainText } from '$lib/domain/text';
import type { ImportRowInput } from '$lib/features/enterprises/enterprises.svelte';
import { yieldToMain } from '$lib/local/yield-to-main';
import type { SourceRow } from './locate-rows';
import { IMPORT_RULES, streetCodeOf } from './rules';
import { EXAMPLE_ROW } from './template';

/** What is wrong with one row, in data: the screen words it (problem-text.ts), the tests compare it. */
export type RowProblem =
	| { kind: 'nameMissing' }
	| { kind: 'nameLength'; length: number; min: number; max: number }
	| { kind: 'controlCharacters'; column: string }
	| { kind: 'codeMissing' }
	| { kind: 'codeAsNumber'; value: string }
	| { kind: 'codeLength'; length: number }
	| { kind: 'codeCharacter'; position: number; character: string }
	| { kind: 'codeCheck'; expected: string }
	| { kind: 'codeTwice'; otherRows: number[] }
	| { kind: 'codeExists'; id: string; name: string }
	| { kind: 'exampleRow' }
	| { kind: 'streetMissing' }
	| { kind: 'streetUnknown'; value: string }
	| { kind: 'addressLength'; length: number; max: number }
	| { kind: 'industryLength'; length: number; max: number }
	| { kind: 'visitEvery'; value: string; min: number; max: number };

/** A good row, as importEnterprises takes it. */
export type EnterpriseDraft = ImportRowInput;

/** The hall's enterprises on the device, by credit code. */
export type ExistingCodes = ReadonlyMap<string, { id: string; name: string }>;

export interface CheckedRow {
	row: number;
	cells: SourceRow['cells'];
	problems: RowProblem[];
	/** Null when the row has a problem: only rows without any are imported. */
	draft: EnterpriseDraft | null;
}

/** Rows checked per task: a few milliseconds on a phone, so a tap is answered between slices. */
export const CHECK_SLICE = 250;

/** Full-width letters and digits (typed with a Chinese input method) as the ASCII they mean. */
const halfWidth = (text: string): string => text.normalize('NFKC');

/**
 * A long all-digit code Excel stored as a number: it keeps 15 significant digits, so the rest read as zeros (from a
 * workbook) or the number shows as 9.11201E+17 (in a CSV Excel saved). The last digits are gone for good.
 */
const NUMBER_NOTATION = /^\d(\.\d+)?e\+?\d+$/i;
const lostDigits = (code: string): boolean => /^\d{16,}$/.test(code) && /^0+$/.test(code.slice(15));

function codeProblems(raw: string): { code: string | null; problems: RowProblem[] } {
	if (raw === '') return { code: null, problems: [{ kind: 'codeMissing' }] };
	if (NUMBER_NOTATION.test(raw)) return { code: null, problems: [{ kind: 'codeAsNumber', value: raw }] };
	const checked = checkCreditCode(halfWidth(raw));
	if (checked.ok) return { code: checked.code, problems: [] };
	if (lostDigits(normaliseCreditCode(halfWidth(raw)))) {
		return { code: null, problems: [{ kind: 'codeAsNumber', value: raw }] };
	}
	switch (checked.reason) {
		case 'length':
			return { code: null, problems: [{ kind: 'codeLength', length: checked.length }] };
		case 'character':
			return {
				code: null,
				problems: [{ kind: 'codeCharacter', position: checked.position, character: checked.character }]
			};
		case 'check':
			return { code: null, problems: [{ kind: 'codeCheck', expected: checked.expected }] };
	}
}

function visitEveryOf(raw: string): { days: number | null; problem?: RowProblem } {
	if (raw === '') return { days: null };
	const match = /^(\d{1,4})\s*天?$/.exec(halfWidth(raw));
	const days = match ? Number(match[1]) : NaN;
	const { visitEveryMin: min, visitEveryMax: max } = IMPORT_RULES;
	if (Number.isInteger(days) && days >= min && days <= max) return { days };
	return { days: null, problem: { kind: 'visitEvery', value: raw, min, max } };
}

function checkRow(source: SourceRow): {
	problems: RowProblem[];
	code: string | null;
	draft: EnterpriseDraft;
} {
	const { cells } = source;
	const problems: RowProblem[] = [];
	const { nameMin, nameMax, addressMax, industryMax } = IMPORT_RULES;

	if (cells.name === '') problems.push({ kind: 'nameMissing' });
	else if (cells.name.length < nameMin || cells.name.length > nameMax) {
		problems.push({ kind: 'nameLength', length: cells.name.length, min: nameMin, max: nameMax });
	}
	const code = codeProblems(cells.credit_code);
	problems.push(...code.problems);
	if (code.code === EXAMPLE_ROW.credit_code) problems.push({ kind: 'exampleRow' });

	const street_code = cells.street === '' ? null : streetCodeOf(cells.street);
	if (cells.street === '') problems.push({ kind: 'streetMissing' });
	else if (street_code === null) problems.push({ kind: 'streetUnknown', value: cells.street });

	if (cells.address.length > addressMax) {
		problems.push({ kind: 'addressLength', length: cells.address.length, max: addressMax });
	}
	if (cells.industry.length > industryMax) {
		problems.push({ kind: 'industryLength', length: cells.industry.length, max: industryMax });
	}
	const visit = visitEveryOf(cells.visit_every_days);
	if (visit.problem) problems.push(visit.problem);

	for (const [column, text] of [
		['企业名称', cells.name],
		['地址', cells.address],
		['行业', cells.industry]
	] as const) {
		if (!isPlainText(text)) problems.push({ kind: 'controlCharacters', column });
	}
	return {
		problems,
		code: code.code,
		draft: {
			name: cells.name,
			credit_code: code.code ?? '',
			street_code: street_code ?? '',
			address: cells.address === '' ? null : cells.address,
			industry: cells.industry === '' ? null : cells.industry,
			visit_every_days: visit.days
		}
	};
}

/**
 * Checks every row as the server would, plus what only the whole file shows: the same code on two rows (both are
 * reported and neither is imported, since nobody can tell which one is right) and a code the hall already has
 * (`existing`, from the device). Works in slices that yield to the main thread, so
 * 5,000 rows never freeze the screen; `onProgress` hears how many rows are done.
 */
export async function checkRows(
	rows: readonly SourceRow[],
	existing: ExistingCodes,
	onProgress?: (done: number) => void
): Promise<CheckedRow[]> {
	const checked: { row: CheckedRow; code: string | null; draft: EnterpriseDraft }[] = [];
	const rowsOfCode = new Map<string, number[]>();
	for (let start = 0; start < rows.length; start += CHECK_SLICE) {
		if (start > 0) await yieldToMain();
		for (const source of rows.slice(start, start + CHECK_SLICE)) {
			const { problems, code, draft } = checkRow(source);
			if (code !== null) {
				const holder = existing.get(code);
				if (holder) problems.push({ kind: 'codeExists', id: holder.id, name: holder.name });
				const seen = rowsOfCode.get(code);
				if (seen) seen.push(source.row);
				else rowsOfCode.set(code, [source.row]);
			}
			checked.push({ row: { row: source.row, cells: source.cells, problems, draft: null }, code, draft });
		}
		onProgress?.(Math.min(rows.length, start + CHECK_SLICE));
	}
	return checked.map(({ row, code, draft }) => {
		const sameCode = code === null ? [] : (rowsOfCode.get(code) ?? []);
		if (sameCode.length > 1) {
			row.problems.push({ kind: 'codeTwice', otherRows: sameCode.filter((other) => other !== row.row) });
		}
		return row.problems.length === 0 ? { ...row, draft } : row;
	});
}
