/**
 * The enterprise import file (docs/VISITS.md, "Import"): one sheet (or CSV file) with a header row and one
 * enterprise per row. Headers are Chinese; a few other names people give the same column, and the English field
 * name, are accepted too, and text in brackets after a header (走访周期（天）) is ignored.
 */

export interface Column {
	field: EnterpriseField;
	/** The header the template writes. */
	header: string;
	/** Other headers taken as this column (compared after normalizeHeader). */
	aliases: readonly string[];
	required: boolean;
}

export type EnterpriseField = 'name' | 'credit_code' | 'street' | 'address' | 'industry' | 'visit_every_days';

export const COLUMNS: readonly Column[] = [
	{ field: 'name', header: '企业名称', aliases: ['单位名称', '名称', 'name'], required: true },
	{
		field: 'credit_code',
		header: '统一社会信用代码',
		aliases: ['信用代码', '社会信用代码', '统一代码', 'credit_code'],
		required: true
	},
	{ field: 'street', header: '所属街道', aliases: ['街道', 'street', 'street_code'], required: true },
	{
		field: 'address',
		header: '地址',
		aliases: ['企业地址', '注册地址', '经营地址', 'address'],
		required: false
	},
	{ field: 'industry', header: '行业', aliases: ['所属行业', 'industry'], required: false },
	{
		field: 'visit_every_days',
		header: '走访周期（天）',
		aliases: ['走访周期', 'visit_every_days'],
		required: false
	}
];

/** More rows than this are refused whole: a district's key enterprises are a few hundred, 5,000 is generous. */
export const MAX_ROWS = 5_000;
/** Far above 5,000 rows of six columns (about 1 MB as CSV); a bigger file is not this format. */
export const MAX_BYTES = 10 * 1024 * 1024;
/** A title row or two above the headers is common in a hall's own sheet; the header is looked for this far down. */
export const HEADER_SEARCH_ROWS = 10;

/** 走访周期（天） → 走访周期; spaces and a byte-order mark dropped; English compared without case. */
export const normalizeHeader = (header: string): string =>
	header
		.replace(/^\uFEFF/, '')
		.replace(/[（(].*$/, '')
		.replace(/\s+/g, '')
		.toLowerCase();

const HEADER_TO_FIELD = new Map<string, EnterpriseField>(
	COLUMNS.flatMap((column) =>
		[column.header, ...column.aliases].map((name) => [normalizeHeader(name), column.field] as const)
	)
);

/** The field a header names, or undefined for a column this import does not know. */
export const fieldOfHeader = (header: string): EnterpriseField | undefined =>
	HEADER_TO_FIELD.get(normalizeHeader(header));
