import type { MaterialForm, MaterialRequirement, ServiceScope } from '$lib/domain/service-catalog';

/**
 * The import format a hall fills in (docs/PRECHECK.md, "Loading a hall's real catalog"): one row per item on the
 * sheet 事项 and one row per material on the sheet 材料, joined by 事项编码. As one CSV file, the same columns side by
 * side with a first column 类型 saying which kind of row it is. Headers are Chinese; the English name of each
 * column is accepted too, and text in brackets after a header (法定时限（工作日）) is ignored.
 */

export interface Column<Field extends string = string> {
	field: Field;
	zh: string;
	en: string;
	/** What the template's example and the docs say goes in it. */
	hint_zh: string;
	required?: boolean;
}

export const ITEM_SHEET = '事项';
export const MATERIAL_SHEET = '材料';
export const ROW_TYPE_COLUMN = { zh: '类型', en: 'type' } as const;

export const ITEM_COLUMNS = [
	{
		field: 'code',
		zh: '事项编码',
		en: 'code',
		hint_zh: '字母、数字、- 或 _，同一文件中不重复',
		required: true
	},
	{ field: 'name_zh', zh: '事项名称', en: 'name_zh', hint_zh: '中文名称', required: true },
	{ field: 'name_en', zh: '英文名称', en: 'name_en', hint_zh: '告知单中英文版使用，可空' },
	{
		field: 'scope',
		zh: '事项类别',
		en: 'scope',
		hint_zh: '行政审批、投资项目、跨省通办、一件事、信用修复、统一出证、企业开办',
		required: true
	},
	{ field: 'legal_days', zh: '法定时限', en: 'legal_days', hint_zh: '工作日数，可空' },
	{
		field: 'promised_days',
		zh: '承诺时限',
		en: 'promised_days',
		hint_zh: '工作日数，不大于法定时限；即办填 0'
	},
	{ field: 'where_to_apply', zh: '办理地点', en: 'where_to_apply', hint_zh: '窗口或区域' },
	{ field: 'online_url', zh: '网上办理', en: 'online_url', hint_zh: 'http:// 或 https:// 开头的链接，可空' },
	{ field: 'fee', zh: '收费', en: 'fee', hint_zh: '如：不收费' },
	{ field: 'aliases', zh: '别名', en: 'aliases', hint_zh: '群众和工作人员的常用叫法，用顿号或分号分隔' },
	{ field: 'situations', zh: '办理情形', en: 'situations', hint_zh: '每行或每个分号一个：中文名 / 英文名' },
	{
		field: 'questions',
		zh: '问题',
		en: 'questions',
		hint_zh: '决定条件材料的是非题，每行或每个分号一个：中文 / 英文'
	}
] as const satisfies readonly Column[];

export const MATERIAL_COLUMNS = [
	{ field: 'code', zh: '事项编码', en: 'code', hint_zh: '材料所属事项的编码', required: true },
	{ field: 'name_zh', zh: '材料名称', en: 'material_name_zh', hint_zh: '中文名称', required: true },
	{ field: 'name_en', zh: '材料英文名称', en: 'material_name_en', hint_zh: '可空' },
	{
		field: 'requirement',
		zh: '要求',
		en: 'requirement',
		hint_zh: '必需、可选 或 条件；空：有条件时为条件，否则必需'
	},
	{ field: 'condition', zh: '条件', en: 'condition', hint_zh: '条件材料的问题及答案，如：由代理人办理？=是' },
	{
		field: 'situations',
		zh: '适用情形',
		en: 'material_situations',
		hint_zh: '事项的办理情形名称，顿号分隔；空：全部情形'
	},
	{ field: 'form', zh: '形式', en: 'form', hint_zh: '原件、复印件 或 原件及复印件；空：原件' },
	{ field: 'copies', zh: '份数', en: 'copies', hint_zh: '1–20；空：1' },
	{ field: 'office_zh', zh: '出具单位', en: 'office_zh', hint_zh: '到哪里开具或办理' },
	{ field: 'office_en', zh: '出具单位英文', en: 'office_en', hint_zh: '可空' },
	{ field: 'url', zh: '获取链接', en: 'url', hint_zh: '网上获取的链接，可空' },
	{ field: 'template_url', zh: '模板链接', en: 'template_url', hint_zh: '空白表格或样表的链接，可空' },
	{ field: 'note_zh', zh: '说明', en: 'note_zh', hint_zh: '填写要求等' },
	{ field: 'note_en', zh: '英文说明', en: 'note_en', hint_zh: '可空' },
	{
		field: 'rejection_reasons',
		zh: '常见不合格原因',
		en: 'rejection_reasons',
		hint_zh: '顿号或分号分隔，如：未签字、已过期'
	}
] as const satisfies readonly Column[];

export type ItemField = (typeof ITEM_COLUMNS)[number]['field'];
export type MaterialField = (typeof MATERIAL_COLUMNS)[number]['field'];

/** The words a clerk may write for each scope (the first is the one the template uses). */
export const SCOPE_WORDS: Record<ServiceScope, readonly string[]> = {
	administrative_approval: ['行政审批', '行政许可'],
	investment_project: ['投资项目', '投资(工程建设)项目', '投资（工程建设）项目', '工程建设项目', '工程建设'],
	cross_province: ['跨省通办'],
	one_thing: ['一件事', '高效办成一件事'],
	credit_repair: ['信用修复'],
	unified_certificate: ['统一出证'],
	enterprise_setup: ['企业开办']
};

export const REQUIREMENT_WORDS: Record<MaterialRequirement, readonly string[]> = {
	required: ['必需', '必须', '必要', '必交', '必备'],
	optional: ['可选', '选交', '选填', '非必需'],
	conditional: ['条件', '有条件', '条件必需', '视情况']
};

export const FORM_WORDS: Record<MaterialForm, readonly string[]> = {
	original: ['原件'],
	copy: ['复印件', '复印', '副本复印件'],
	original_and_copy: ['原件及复印件', '原件和复印件', '原件与复印件', '原件+复印件', '原件、复印件']
};

export const YES_WORDS = ['是', '有', '需要', 'y', 'yes', 'true'];
export const NO_WORDS = ['否', '无', '不', '不需要', 'n', 'no', 'false'];
