import {
	CATALOG_LIMITS,
	publishServiceItem,
	type MaterialForm,
	type MaterialRequirement,
	type ServiceItemDraft,
	type ServiceItemVersionRow,
	type ServiceScope
} from '$lib/domain/service-catalog';
import type { CatalogMessageKey } from '$lib/features/service-catalog/messages';

/**
 * The editor's form: what the inputs hold, as text (a days field may hold "abc" while being typed), and how it
 * becomes a draft the domain schema checks. Pure, so the rules are unit-tested without a browser; the editor's
 * state class (item-editor.svelte.ts) wraps it in runes.
 */

export interface ObtainFields {
	office_zh: string;
	office_en: string;
	url: string;
	template_url: string;
	note_zh: string;
	note_en: string;
}

export interface MaterialFields {
	key: string;
	name_zh: string;
	name_en: string;
	requirement: MaterialRequirement;
	/** For a conditional material: the question's key ('' until chosen) and the answer that makes it apply. */
	condition_question: string;
	condition_answer: boolean;
	situations: string[];
	form: MaterialForm;
	copies: string;
	obtain: ObtainFields;
	rejection_reasons: string[];
}

export interface SituationFields {
	key: string;
	name_zh: string;
	name_en: string;
}

export interface QuestionFields {
	key: string;
	text_zh: string;
	text_en: string;
}

export interface ItemFields {
	code: string;
	name_zh: string;
	name_en: string;
	scope: ServiceScope | '';
	legal_days: string;
	promised_days: string;
	where_to_apply: string;
	online_url: string;
	fee: string;
	aliases: string[];
	situations: SituationFields[];
	questions: QuestionFields[];
	materials: MaterialFields[];
}

/** A field's error, by its path in the draft ("materials.2.copies"), as a message key and its parameters. */
export interface FieldError {
	key: CatalogMessageKey;
	params?: Record<string, string>;
}
export type FieldErrors = Record<string, FieldError>;

/** Keys of situations, questions and materials: a letter and a counter, never reused within the item. */
export function nextKey(prefix: 's' | 'q' | 'm', taken: readonly string[]): string {
	let highest = 0;
	for (const key of taken) {
		const match = new RegExp(`^${prefix}(\\d+)$`).exec(key);
		if (match) highest = Math.max(highest, Number(match[1]));
	}
	let candidate = highest + 1;
	while (taken.includes(`${prefix}${candidate}`)) candidate += 1;
	return `${prefix}${candidate}`;
}

const emptyObtain = (): ObtainFields => ({
	office_zh: '',
	office_en: '',
	url: '',
	template_url: '',
	note_zh: '',
	note_en: ''
});

export function emptyMaterial(taken: readonly string[]): MaterialFields {
	return {
		key: nextKey('m', taken),
		name_zh: '',
		name_en: '',
		requirement: 'required',
		condition_question: '',
		condition_answer: true,
		situations: [],
		form: 'original',
		copies: '1',
		obtain: emptyObtain(),
		rejection_reasons: []
	};
}

export function emptyItem(): ItemFields {
	return {
		code: '',
		name_zh: '',
		name_en: '',
		scope: '',
		legal_days: '',
		promised_days: '',
		where_to_apply: '',
		online_url: '',
		fee: '',
		aliases: [],
		situations: [],
		questions: [],
		materials: [emptyMaterial([])]
	};
}

/** The form for a new version of an item: its current version, as the manager last saw it. */
export function fieldsFromVersion(code: string, version: ServiceItemVersionRow): ItemFields {
	return {
		code,
		name_zh: version.name_zh,
		name_en: version.name_en,
		scope: version.scope,
		legal_days: version.legal_days === null ? '' : String(version.legal_days),
		promised_days: version.promised_days === null ? '' : String(version.promised_days),
		where_to_apply: version.where_to_apply,
		online_url: version.online_url ?? '',
		fee: version.fee,
		aliases: [...version.aliases],
		situations: version.situations.map((s) => ({ ...s })),
		questions: version.questions.map((q) => ({ ...q })),
		materials: version.materials.map((m) => ({
			key: m.key,
			name_zh: m.name_zh,
			name_en: m.name_en,
			requirement: m.requirement,
			condition_question: m.condition?.question ?? '',
			condition_answer: m.condition?.answer ?? true,
			situations: [...m.situations],
			form: m.form,
			copies: String(m.copies),
			obtain: {
				office_zh: m.obtain.office_zh,
				office_en: m.obtain.office_en,
				url: m.obtain.url ?? '',
				template_url: m.obtain.template_url ?? '',
				note_zh: m.obtain.note_zh,
				note_en: m.obtain.note_en
			},
			rejection_reasons: [...m.rejection_reasons]
		}))
	};
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Whole working days, or null when left empty; NaN for anything else (reported by `checkFields`). */
function daysOf(text: string): number | null {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The draft the form says, trimmed; numbers that are not numbers stay NaN for the schema to refuse. */
export function draftOf(fields: ItemFields): ServiceItemDraft {
	const copiesText = (text: string): number =>
		/^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
	return {
		code: fields.code.trim().toUpperCase(),
		name_zh: fields.name_zh.trim(),
		name_en: fields.name_en.trim(),
		// The schema refuses an empty scope; the cast only carries "not chosen" to it.
		scope: fields.scope as ServiceScope,
		legal_days: daysOf(fields.legal_days),
		promised_days: daysOf(fields.promised_days),
		where_to_apply: fields.where_to_apply.trim(),
		online_url: orNull(fields.online_url),
		fee: fields.fee.trim(),
		aliases: fields.aliases.map((alias) => alias.trim()),
		situations: fields.situations.map((s) => ({
			key: s.key,
			name_zh: s.name_zh.trim(),
			name_en: s.name_en.trim()
		})),
		questions: fields.questions.map((q) => ({
			key: q.key,
			text_zh: q.text_zh.trim(),
			text_en: q.text_en.trim()
		})),
		materials: fields.materials.map((m) => ({
			key: m.key,
			name_zh: m.name_zh.trim(),
			name_en: m.name_en.trim(),
			requirement: m.requirement,
			condition:
				m.requirement === 'conditional'
					? { question: m.condition_question, answer: m.condition_answer }
					: null,
			situations: m.situations.filter((key) => fields.situations.some((s) => s.key === key)),
			form: m.form,
			copies: copiesText(m.copies),
			obtain: {
				office_zh: m.obtain.office_zh.trim(),
				office_en: m.obtain.office_en.trim(),
				url: orNull(m.obtain.url),
				template_url: orNull(m.obtain.template_url),
				note_zh: m.obtain.note_zh.trim(),
				note_en: m.obtain.note_en.trim()
			},
			rejection_reasons: m.rejection_reasons.map((reason) => reason.trim())
		}))
	};
}

// Placeholders for what the device adds when it publishes: the check is about what the manager typed.
const CHECK_ID = '00000000-0000-4000-8000-000000000000';
const CHECK_TIME = '2026-01-01T00:00:00.000Z';

/** The last word of a path names the kind of field, which decides how a problem is said. */
function errorFor(path: readonly PropertyKey[], code: string, fields: ItemFields): FieldError {
	const field = String(path.at(-1));
	const parent = String(path.at(-2) ?? '');
	const max = (limit: number): FieldError['params'] => ({ max: String(limit) });
	const tooLong = code === 'too_big';
	switch (field) {
		case 'code':
			return { key: 'catalog.error.code' };
		case 'scope':
			return { key: 'catalog.error.scope' };
		case 'legal_days':
		case 'promised_days':
			return { key: 'catalog.error.days', params: max(CATALOG_LIMITS.days) };
		case 'online_url':
		case 'url':
		case 'template_url':
			return tooLong
				? { key: 'catalog.error.tooLong', params: max(CATALOG_LIMITS.url) }
				: { key: 'catalog.error.url' };
		case 'copies':
			return { key: 'catalog.error.copies', params: max(CATALOG_LIMITS.copies) };
		case 'condition':
			return { key: 'catalog.error.condition' };
		case 'aliases':
			return { key: 'catalog.error.tooMany', params: max(CATALOG_LIMITS.aliases) };
		case 'rejection_reasons':
			return { key: 'catalog.error.tooMany', params: max(CATALOG_LIMITS.rejectionReasons) };
		case 'situations':
			return { key: 'catalog.error.tooMany', params: max(CATALOG_LIMITS.situations) };
		case 'questions':
			return { key: 'catalog.error.tooMany', params: max(CATALOG_LIMITS.questions) };
		case 'materials':
			return code === 'too_small'
				? { key: 'catalog.error.noMaterials' }
				: { key: 'catalog.error.tooMany', params: max(CATALOG_LIMITS.materials) };
	}
	if (parent === 'aliases' || parent === 'rejection_reasons') {
		return code === 'too_big'
			? {
					key: 'catalog.error.tooLong',
					params: max(parent === 'aliases' ? CATALOG_LIMITS.alias : CATALOG_LIMITS.rejectionReason)
				}
			: { key: 'catalog.error.text' };
	}
	if (tooLong) {
		const limits: Record<string, number> = {
			name_zh: CATALOG_LIMITS.name,
			name_en: CATALOG_LIMITS.name,
			text_zh: CATALOG_LIMITS.name,
			text_en: CATALOG_LIMITS.name,
			where_to_apply: CATALOG_LIMITS.whereToApply,
			fee: CATALOG_LIMITS.fee,
			office_zh: CATALOG_LIMITS.office,
			office_en: CATALOG_LIMITS.office,
			note_zh: CATALOG_LIMITS.obtainNote,
			note_en: CATALOG_LIMITS.obtainNote
		};
		// A material's name has its own limit.
		const limit = path[0] === 'materials' && path.length === 3 ? CATALOG_LIMITS.materialName : limits[field];
		return { key: 'catalog.error.tooLong', params: max(limit ?? CATALOG_LIMITS.name) };
	}
	const text = valueAt(fields, path);
	if ((field === 'name_zh' || field === 'text_zh') && (text === undefined || text.trim() === '')) {
		return { key: field === 'text_zh' ? 'catalog.error.questionRequired' : 'catalog.error.nameRequired' };
	}
	return { key: 'catalog.error.text' };
}

function valueAt(fields: ItemFields, path: readonly PropertyKey[]): string | undefined {
	let value: unknown = fields;
	for (const part of path) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<PropertyKey, unknown>)[part as string];
	}
	return typeof value === 'string' ? value : undefined;
}

/**
 * Checks the form with the domain's publish schema (the one the device's write and the server apply), plus what
 * the form can say more precisely: which days field holds no number, that the promise exceeds the law, which
 * material's condition names no question. Every problem comes back keyed by its field's path.
 */
export function checkFields(fields: ItemFields): { draft: ServiceItemDraft; errors: FieldErrors } {
	const draft = draftOf(fields);
	const errors: FieldErrors = {};
	const result = publishServiceItem.safeParse({
		...draft,
		id: CHECK_ID,
		item_id: CHECK_ID,
		search_keys: '',
		published_at: CHECK_TIME
	});
	if (!result.success) {
		for (const issue of result.error.issues) {
			const full = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
			// A condition's parts (its question, its answer) are one control on the form: the condition.
			const conditionAt = full.indexOf('condition');
			const path = conditionAt === -1 ? full : full.slice(0, conditionAt + 1);
			const at = pathKey(path);
			if (path[0] === 'promised_days' && issue.code === 'custom') {
				errors[at] ??= { key: 'catalog.error.promiseOverLaw' };
				continue;
			}
			if (path.length === 1 && path[0] === 'materials' && issue.code === 'custom') {
				// The cross-field rules about conditions and situations: said on each material they concern.
				continue;
			}
			errors[at] ??= errorFor(path, issue.code, fields);
		}
	}
	draft.materials.forEach((m, index) => {
		if (m.condition && !draft.questions.some((q) => q.key === m.condition?.question)) {
			errors[`materials.${index}.condition`] ??= { key: 'catalog.error.condition' };
		}
	});
	return { draft, errors };
}

export const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** The input's id for a path, so an error's field can be focused and described. */
export const fieldId = (path: string): string => `item-${path.replaceAll('.', '-')}`;
