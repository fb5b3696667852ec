import type { PackCatalog } from '$lib/i18n';
import type { zhCN } from './zh-CN';

export const en: PackCatalog<keyof typeof zhCN> = {
	'enterpriseImport.pageTitle': 'Import enterprises - Hall Assist',
	'enterpriseImport.heading': 'Import enterprises',
	'enterpriseImport.back': 'Back to enterprises',
	'enterpriseImport.managersOnly': 'Only managers can import enterprises.',
	'enterpriseImport.explain':
		'Choose an Excel (.xlsx) or CSV file. The first row is the header: 企业名称 (name), 统一社会信用代码 (credit code) and 所属街道 (street) are required; 地址 (address), 行业 (industry) and 走访周期（天） (visit every N days) may be blank. A street by name (望海楼街道) or code (120105002). The file is read on this device only, checked and previewed, and imported only when you confirm.',
	'enterpriseImport.template': 'Download the CSV template',
	'enterpriseImport.templateFile': 'enterprise-import-template.csv',
	'enterpriseImport.file': 'Choose a file',
	'enterpriseImport.reading': 'Reading the file…',
	'enterpriseImport.checking': 'Checking: {done} / {count} rows',

	'enterpriseImport.failure.unsupported':
		'Only .xlsx and .csv files are supported. Use "Save as" in Excel to save one of them.',
	'enterpriseImport.failure.oldExcel':
		'This is an old Excel (.xls) file. In Excel or WPS use "Save as" → Excel Workbook (.xlsx), then choose that.',
	'enterpriseImport.failure.tooBig': 'The file is too large (at most {max} MB).',
	'enterpriseImport.failure.notUtf8':
		'The CSV file is not UTF-8. In Excel use "Save as" → "CSV UTF-8 (Comma delimited)", or choose the .xlsx file.',
	'enterpriseImport.failure.unreadable':
		'The file cannot be read ({reason}). Make sure it is an .xlsx or .csv file saved by Excel, and not damaged.',
	'enterpriseImport.failure.empty': 'The file is empty: no header and no enterprises.',
	'enterpriseImport.failure.noHeader':
		'No header row found. The first row should read: {columns}. Compare with the template.',
	'enterpriseImport.failure.missingColumns':
		'The header lacks required columns: {missing}. It should read: {columns}.',
	'enterpriseImport.failure.noRows': 'The file has a header but no enterprises.',
	'enterpriseImport.failure.tooManyRows':
		'The file has {count} enterprise rows; at most {max} are imported at once. Split it into several files.',

	'enterpriseImport.ignoredColumns': 'Unknown columns, ignored: {columns}',
	'enterpriseImport.summary':
		'{total} rows: {good} can be imported, {bad} have problems and will not be imported.',
	'enterpriseImport.badHeading': 'Rows with problems ({count})',
	'enterpriseImport.goodHeading': 'Enterprises to import ({count})',
	'enterpriseImport.row': 'Row {row}',
	'enterpriseImport.noName': '(no name)',
	'enterpriseImport.showMore': 'Show {count} more rows',
	'enterpriseImport.visitEvery': 'Visit every {days} days',
	'enterpriseImport.noVisitPlan': 'No visit plan',
	'enterpriseImport.submit': 'Import {count}',
	'enterpriseImport.importing': 'Importing…',
	'enterpriseImport.nothing':
		'No row can be imported. Correct the file as described below and choose it again.',
	'enterpriseImport.done':
		'{count} enterprises imported and saved on this device. They sync to the server when online; see the sync panel.',
	'enterpriseImport.openList': 'Open the enterprise list',
	'enterpriseImport.importFailed': 'The import failed; no enterprise was imported: {reason}',

	'enterpriseImport.problem.nameMissing': 'The name (企业名称) is missing',
	'enterpriseImport.problem.nameLength': 'The name must be {min}–{max} characters long (it is {length})',
	'enterpriseImport.problem.controlCharacters': '{column} holds invisible control characters',
	'enterpriseImport.problem.codeMissing': 'The credit code is missing',
	'enterpriseImport.problem.codeAsNumber':
		'Excel stored the credit code as a number ({value}) and lost its last digits: format the column as Text and enter it again',
	'enterpriseImport.problem.codeLength': 'A credit code has 18 characters (this one has {length})',
	'enterpriseImport.problem.codeCharacter':
		'Character {position} of the credit code, “{character}”, is not valid (I, O, Z, S and V are never used)',
	'enterpriseImport.problem.codeCheck': 'Wrong check character: character 18 should be “{expected}”',
	'enterpriseImport.problem.codeTwice': 'The same credit code as row {rows} (neither is imported)',
	'enterpriseImport.problem.codeExists': 'The hall already has an enterprise with this code: {name}',
	'enterpriseImport.problem.exampleRow': 'This is the template’s example row; delete it',
	'enterpriseImport.problem.streetMissing': 'The street (所属街道) is missing',
	'enterpriseImport.problem.streetUnknown':
		'“{value}” is no street of Hebei District: write its name (望海楼街道) or code (120105002)',
	'enterpriseImport.problem.addressLength':
		'The address is too long (at most {max} characters; it is {length})',
	'enterpriseImport.problem.industryLength':
		'The industry is too long (at most {max} characters; it is {length})',
	'enterpriseImport.problem.visitEvery':
		'Visit every N days must be a whole number from {min} to {max}, or blank (no plan); it is “{value}”'
};
