import type { RowProblem } from './check-rows';
import { COLUMNS } from './format';
import { tim } from './messages';
import type { FileFailure } from './read-file';

const HEADERS = COLUMNS.map((column) => column.header).join('、');

/** A row's problem in the screen's language. */
export function problemText(problem: RowProblem): string {
	switch (problem.kind) {
		case 'nameMissing':
		case 'codeMissing':
		case 'exampleRow':
		case 'streetMissing':
			return tim(`enterpriseImport.problem.${problem.kind}`);
		case 'nameLength':
		case 'addressLength':
		case 'industryLength':
			return tim(`enterpriseImport.problem.${problem.kind}`, {
				length: String(problem.length),
				max: String(problem.max),
				...(problem.kind === 'nameLength' ? { min: String(problem.min) } : {})
			});
		case 'controlCharacters':
			return tim('enterpriseImport.problem.controlCharacters', { column: problem.column });
		case 'codeAsNumber':
			return tim('enterpriseImport.problem.codeAsNumber', { value: problem.value });
		case 'codeLength':
			return tim('enterpriseImport.problem.codeLength', { length: String(problem.length) });
		case 'codeCharacter':
			return tim('enterpriseImport.problem.codeCharacter', {
				position: String(problem.position),
				character: problem.character
			});
		case 'codeCheck':
			return tim('enterpriseImport.problem.codeCheck', { expected: problem.expected });
		case 'codeTwice':
			return tim('enterpriseImport.problem.codeTwice', { rows: problem.otherRows.join('、') });
		case 'codeExists':
			return tim('enterpriseImport.problem.codeExists', { name: problem.name });
		case 'streetUnknown':
			return tim('enterpriseImport.problem.streetUnknown', { value: problem.value });
		case 'visitEvery':
			return tim('enterpriseImport.problem.visitEvery', {
				value: problem.value,
				min: String(problem.min),
				max: String(problem.max)
			});
	}
}

/** Why the whole file was refused, in the screen's language. */
export function failureText(failure: FileFailure): string {
	switch (failure.kind) {
		case 'unsupported':
		case 'oldExcel':
		case 'notUtf8':
		case 'empty':
		case 'noRows':
			return tim(`enterpriseImport.failure.${failure.kind}`);
		case 'tooBig':
			return tim('enterpriseImport.failure.tooBig', { max: String(failure.maxMegabytes) });
		case 'unreadable':
			return tim('enterpriseImport.failure.unreadable', { reason: failure.reason });
		case 'noHeader':
			return tim('enterpriseImport.failure.noHeader', { columns: HEADERS });
		case 'missingColumns':
			return tim('enterpriseImport.failure.missingColumns', {
				missing: failure.columns.join('、'),
				columns: HEADERS
			});
		case 'tooManyRows':
			return tim('enterpriseImport.failure.tooManyRows', {
				count: String(failure.count),
				max: String(failure.max)
			});
	}
}
