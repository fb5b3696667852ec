import type { Material, ServiceItemDraft } from '$lib/domain/service-catalog';
import {
	FORM_WORDS,
	ITEM_COLUMNS,
	ITEM_SHEET,
	MATERIAL_COLUMNS,
	MATERIAL_SHEET,
	REQUIREMENT_WORDS,
	ROW_TYPE_COLUMN,
	SCOPE_WORDS,
	type ItemField,
	type MaterialField
} from './format';

/**
 * Drafts written in the import format: what the template shows as its example, and the proof (in the tests) that
 * anything the format can say reads back the same.
 */

const first = (words: readonly string[]): string => words[0] ?? '';
const days = (value: number | null): string => (value === null ? '' : String(value));

function itemCells(draft: ServiceItemDraft): Record<ItemField, string> {
	return {
		code: draft.code,
		name_zh: draft.name_zh,
		name_en: draft.name_en,
		scope: first(SCOPE_WORDS[draft.scope]),
		legal_days: days(draft.legal_days),
		promised_days: days(draft.promised_days),
		where_to_apply: draft.where_to_apply,
		online_url: draft.online_url ?? '',
		fee: draft.fee,
		aliases: draft.aliases.join('、'),
		situations: draft.situations
			.map((s) => (s.name_en ? `${s.name_zh} / ${s.name_en}` : s.name_zh))
			.join('\n'),
		questions: draft.questions.map((q) => (q.text_en ? `${q.text_zh} / ${q.text_en}` : q.text_zh)).join('\n')
	};
}

function materialCells(draft: ServiceItemDraft, material: Material): Record<MaterialField, string> {
	const question = draft.questions.find((q) => q.key === material.condition?.question);
	return {
		code: draft.code,
		name_zh: material.name_zh,
		name_en: material.name_en,
		requirement: first(REQUIREMENT_WORDS[material.requirement]),
		condition:
			material.condition && question ? `${question.text_zh}=${material.condition.answer ? '是' : '否'}` : '',
		situations: material.situations
			.map((key) => draft.situations.find((s) => s.key === key)?.name_zh ?? key)
			.join('、'),
		form: first(FORM_WORDS[material.form]),
		copies: String(material.copies),
		office_zh: material.obtain.office_zh,
		office_en: material.obtain.office_en,
		url: material.obtain.url ?? '',
		template_url: material.obtain.template_url ?? '',
		note_zh: material.obtain.note_zh,
		note_en: material.obtain.note_en,
		rejection_reasons: material.rejection_reasons.join('、')
	};
}

export const ITEM_HEADER = ITEM_COLUMNS.map((column) => column.zh);
export const MATERIAL_HEADER = MATERIAL_COLUMNS.map((column) => column.zh);

/** The two sheets of the workbook: 事项 and 材料, each with its header row. */
export function sheetsOf(drafts: readonly ServiceItemDraft[]): { sheet: string; rows: string[][] }[] {
	return [
		{
			sheet: ITEM_SHEET,
			rows: [ITEM_HEADER, ...drafts.map((d) => ITEM_COLUMNS.map((c) => itemCells(d)[c.field]))]
		},
		{
			sheet: MATERIAL_SHEET,
			rows: [
				MATERIAL_HEADER,
				...drafts.flatMap((d) =>
					d.materials.map((m) => MATERIAL_COLUMNS.map((c) => materialCells(d, m)[c.field]))
				)
			]
		}
	];
}

/** The one-table form (CSV): 类型, the item columns, then the material columns (事项编码 once, shared). */
export function combinedRowsOf(drafts: readonly ServiceItemDraft[]): string[][] {
	const materialColumns = MATERIAL_COLUMNS.filter((c) => c.field !== 'code');
	const blankItem = ITEM_COLUMNS.map(() => '');
	const header = [ROW_TYPE_COLUMN.zh, ...ITEM_HEADER, ...materialColumns.map((c) => c.zh)];
	const rows = drafts.flatMap((d) => {
		const item = itemCells(d);
		return [
			[ITEM_SHEET, ...ITEM_COLUMNS.map((c) => item[c.field]), ...materialColumns.map(() => '')],
			...d.materials.map((m) => {
				const cells = materialCells(d, m);
				const itemPart = blankItem.map((_, index) => (index === 0 ? d.code : ''));
				return [MATERIAL_SHEET, ...itemPart, ...materialColumns.map((c) => cells[c.field])];
			})
		];
	});
	return [header, ...rows];
}

/** RFC 4180 with the byte-order mark Excel writes for "CSV UTF-8", and CRLF line ends as Excel does. */
export function toCsv(rows: readonly (readonly string[])[]): string {
	const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
	return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
