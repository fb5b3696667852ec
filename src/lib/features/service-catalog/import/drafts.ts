import {
	CATALOG_LIMITS,
	ITEM_CODE_PATTERN,
	MATERIAL_FORMS,
	MATERIAL_REQUIREMENTS,
	SERVICE_SCOPES,
	URL_PATTERN,
	type Material,
	type Question,
	type ServiceItemDraft,
	type Situation
} from '$lib/domain/service-catalog';
import { pinyinInitials } from '$lib/features/service-catalog/search-keys';
import {
	FORM_WORDS,
	ITEM_COLUMNS,
	MATERIAL_COLUMNS,
	MATERIAL_SHEET,
	NO_WORDS,
	REQUIREMENT_WORDS,
	SCOPE_WORDS,
	YES_WORDS,
	type ItemField,
	type MaterialField
} from './format';
import type { Layout, SourceRow } from './layout';
import { messages, type Message } from './messages';
import type { ImportError } from './report';
import { checkDraft } from './schema-check';

/** The header a field's problems are reported under: the Chinese column name the clerk sees. */
const itemHeader = (field: ItemField): string => ITEM_COLUMNS.find((c) => c.field === field)?.zh ?? field;
const materialHeader = (field: MaterialField): string =>
	MATERIAL_COLUMNS.find((c) => c.field === field)?.zh ?? field;

/** Collects a row's problems; a row with any makes its item not imported. */
class Problems {
	readonly list: ImportError[] = [];
	constructor(private readonly source: { row: number; sheet?: string }) {}
	add(field: string | undefined, message: Message): void {
		this.list.push({
			row: this.source.row,
			...(this.source.sheet === undefined ? {} : { sheet: this.source.sheet }),
			...(field === undefined ? {} : { field }),
			message_zh: message.zh,
			message_en: message.en
		});
	}
}

const splitList = (value: string): string[] =>
	value
		.split(/[、，,；;|\n]+/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');

/** 新办 / New; 变更 / Change (one per line or semicolon): the Chinese and the English of each entry. */
const splitPairs = (value: string): { zh: string; en: string; text: string }[] =>
	value
		.split(/[；;\n]+/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '')
		.map((text) => {
			const slash = text.search(/[/／]/);
			return slash < 0
				? { zh: text, en: '', text }
				: { zh: text.slice(0, slash).trim(), en: text.slice(slash + 1).trim(), text };
		});

const wordOf = <Value extends string>(
	words: Record<Value, readonly string[]>,
	values: readonly Value[],
	text: string
): Value | undefined => {
	const wanted = text.trim().toLowerCase();
	return values.find(
		(value) => value === wanted || words[value].some((word) => word.toLowerCase() === wanted)
	);
};
const allWords = (words: Record<string, readonly string[]>): string[] =>
	Object.values(words).map((list) => list[0] ?? '');

/** Keys the clerk never sees: the pinyin initials of the Chinese, unique within their list (a-z, 0-9, - and _). */
function keyMaker(prefix: string): (zh: string) => string {
	const taken = new Set<string>();
	return (zh) => {
		const base = (pinyinInitials(zh).replace(/[^a-z0-9]/g, '') || prefix).slice(0, 28);
		let key = base;
		for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
		taken.add(key);
		return key;
	};
}

const DAYS_PATTERN = /^(\d{1,4})\s*(?:个)?\s*(?:工作日|日|天)?$/;

function days(text: string, header: string, problems: Problems): number | null {
	if (text === '') return null;
	if (text === '即办') return 0;
	const match = DAYS_PATTERN.exec(text.replace(/\.0+$/, ''));
	const value = match?.[1] === undefined ? NaN : Number(match[1]);
	if (!Number.isInteger(value) || value > CATALOG_LIMITS.days) {
		problems.add(header, messages.badDays(header, text, CATALOG_LIMITS.days));
		return null;
	}
	return value;
}

const urlPattern = new RegExp(URL_PATTERN);
function url(text: string, header: string, problems: Problems): string | null {
	if (text === '') return null;
	if (!urlPattern.test(text) || text.length > CATALOG_LIMITS.url) {
		problems.add(header, messages.badUrl(header, text));
		return null;
	}
	return text;
}

function pairs<Entry>(
	text: string,
	header: string,
	problems: Problems,
	make: (pair: { zh: string; en: string }) => Entry
): Entry[] {
	const seen = new Set<string>();
	const entries: Entry[] = [];
	for (const pair of splitPairs(text)) {
		if (pair.zh === '') {
			problems.add(header, messages.badListEntry(header, pair.text));
		} else if (seen.has(pair.zh)) {
			problems.add(header, messages.duplicateEntry(header, pair.zh));
		} else {
			seen.add(pair.zh);
			entries.push(make(pair));
		}
	}
	return entries;
}

/** An item row read into a draft without materials; problems of the row go to `problems`. */
function readItem(source: SourceRow<ItemField>, code: string, problems: Problems): ServiceItemDraft {
	const name_zh = source.get('name_zh');
	if (name_zh === '') problems.add(itemHeader('name_zh'), messages.missing(itemHeader('name_zh')));
	const scopeText = source.get('scope');
	const scope = wordOf(SCOPE_WORDS, SERVICE_SCOPES, scopeText);
	if (scopeText === '') problems.add(itemHeader('scope'), messages.missing(itemHeader('scope')));
	else if (!scope) {
		problems.add(
			itemHeader('scope'),
			messages.unknownWord(itemHeader('scope'), scopeText, allWords(SCOPE_WORDS))
		);
	}
	const legal_days = days(source.get('legal_days'), itemHeader('legal_days'), problems);
	const promised_days = days(source.get('promised_days'), itemHeader('promised_days'), problems);
	if (legal_days !== null && promised_days !== null && promised_days > legal_days) {
		problems.add(itemHeader('promised_days'), messages.promisedOverLegal(promised_days, legal_days));
	}
	const situationKey = keyMaker('s');
	const questionKey = keyMaker('q');
	return {
		code,
		name_zh,
		name_en: source.get('name_en'),
		scope: scope ?? 'administrative_approval',
		legal_days,
		promised_days,
		where_to_apply: source.get('where_to_apply'),
		online_url: url(source.get('online_url'), itemHeader('online_url'), problems),
		fee: source.get('fee'),
		aliases: [...new Set(splitList(source.get('aliases')))],
		situations: pairs<Situation>(source.get('situations'), itemHeader('situations'), problems, (p) => ({
			key: situationKey(p.zh),
			name_zh: p.zh,
			name_en: p.en
		})),
		questions: pairs<Question>(source.get('questions'), itemHeader('questions'), problems, (p) => ({
			key: questionKey(p.zh),
			text_zh: p.zh,
			text_en: p.en
		})),
		materials: []
	};
}

/** 由代理人办理？ and 由代理人办理 are the same question. */
const sameQuestion = (a: string, b: string): boolean =>
	a.replace(/[？?\s]+$/, '') === b.replace(/[？?\s]+$/, '');

function readCondition(
	text: string,
	item: ServiceItemDraft,
	problems: Problems
): { question: string; answer: boolean } | null {
	const header = materialHeader('condition');
	const at = Math.max(text.lastIndexOf('='), text.lastIndexOf('＝'));
	const questionText = (at < 0 ? text : text.slice(0, at)).trim();
	const answerText = at < 0 ? '是' : text.slice(at + 1).trim();
	const answer = YES_WORDS.includes(answerText.toLowerCase())
		? true
		: NO_WORDS.includes(answerText.toLowerCase())
			? false
			: undefined;
	if (answer === undefined) problems.add(header, messages.badAnswer(answerText));
	const question = item.questions.find(
		(q) => sameQuestion(q.text_zh, questionText) || q.key === questionText
	);
	if (!question) problems.add(header, messages.unknownQuestion(questionText));
	return question && answer !== undefined ? { question: question.key, answer } : null;
}

function readMaterial(
	source: SourceRow<MaterialField>,
	item: ServiceItemDraft,
	key: (zh: string) => string,
	problems: Problems
): Material {
	const name_zh = source.get('name_zh');
	if (name_zh === '') problems.add(materialHeader('name_zh'), messages.missing(materialHeader('name_zh')));

	const conditionText = source.get('condition');
	const requirementText = source.get('requirement');
	let requirement = wordOf(REQUIREMENT_WORDS, MATERIAL_REQUIREMENTS, requirementText);
	if (requirementText === '') requirement = conditionText === '' ? 'required' : 'conditional';
	else if (!requirement) {
		const header = materialHeader('requirement');
		problems.add(header, messages.unknownWord(header, requirementText, allWords(REQUIREMENT_WORDS)));
	}
	let condition: Material['condition'] = null;
	if (requirement === 'conditional') {
		if (conditionText === '') problems.add(materialHeader('condition'), messages.conditionWithoutQuestion());
		else condition = readCondition(conditionText, item, problems);
	} else if (requirement && conditionText !== '') {
		problems.add(materialHeader('condition'), messages.conditionNotConditional());
	}

	const situations: string[] = [];
	for (const name of splitList(source.get('situations'))) {
		const found = item.situations.find((s) => s.name_zh === name || s.key === name);
		if (found) situations.push(found.key);
		else problems.add(materialHeader('situations'), messages.unknownSituation(name));
	}

	const formText = source.get('form');
	const form = formText === '' ? 'original' : wordOf(FORM_WORDS, MATERIAL_FORMS, formText);
	if (!form) {
		const header = materialHeader('form');
		problems.add(header, messages.unknownWord(header, formText, allWords(FORM_WORDS)));
	}

	const copiesText = source.get('copies').replace(/\.0+$/, '');
	const copies = copiesText === '' ? 1 : /^\d+$/.test(copiesText) ? Number(copiesText) : NaN;
	if (!Number.isInteger(copies) || copies < 1 || copies > CATALOG_LIMITS.copies) {
		problems.add(materialHeader('copies'), messages.badCopies(copiesText, CATALOG_LIMITS.copies));
	}

	return {
		key: key(name_zh),
		name_zh,
		name_en: source.get('name_en'),
		// A conditional material without a usable condition, or a requirement not understood, still needs a valid
		// value here; its item is not imported anyway.
		requirement: condition ? 'conditional' : requirement === 'optional' ? 'optional' : 'required',
		condition,
		situations: [...new Set(situations)],
		form: form ?? 'original',
		copies: Number.isInteger(copies) ? copies : 1,
		obtain: {
			office_zh: source.get('office_zh'),
			office_en: source.get('office_en'),
			url: url(source.get('url'), materialHeader('url'), problems),
			template_url: url(source.get('template_url'), materialHeader('template_url'), problems),
			note_zh: source.get('note_zh'),
			note_en: source.get('note_en')
		},
		rejection_reasons: [...new Set(splitList(source.get('rejection_reasons')))]
	};
}

const codePattern = new RegExp(ITEM_CODE_PATTERN);

interface ItemBeingRead {
	source: SourceRow<ItemField>;
	draft: ServiceItemDraft;
	materialRows: SourceRow<MaterialField>[];
	materialKey: (zh: string) => string;
	materialNames: Set<string>;
	problems: Problems[];
}

/** Reads the rows into drafts: an item with a problem on its row or any of its materials' rows is left out. */
export function draftsOf(layout: Layout): {
	items: { row: number; code: string; draft: ServiceItemDraft }[];
	errors: ImportError[];
} {
	const errors: ImportError[] = [...layout.errors];
	const items = new Map<string, ItemBeingRead>();
	const refused = new Set<string>();

	for (const source of layout.items) {
		const problems = new Problems(source);
		const code = source.get('code').toUpperCase();
		const header = itemHeader('code');
		if (code === '') {
			problems.add(header, messages.missing(header));
		} else if (!codePattern.test(code)) {
			problems.add(header, messages.badCode(source.get('code')));
		} else if (items.has(code)) {
			problems.add(header, messages.duplicateCode(code, items.get(code)?.source.row ?? 0));
			refused.add(code);
		}
		const draft = readItem(source, code, problems);
		if (code !== '' && codePattern.test(code) && !items.has(code)) {
			items.set(code, {
				source,
				draft,
				materialRows: [],
				materialKey: keyMaker('m'),
				materialNames: new Set(),
				problems: [problems]
			});
		} else {
			errors.push(...problems.list);
		}
	}

	for (const source of layout.materials) {
		const problems = new Problems(source);
		const code = source.get('code').toUpperCase();
		const item = items.get(code);
		if (!item) {
			const header = materialHeader('code');
			problems.add(header, code === '' ? messages.missing(header) : messages.unknownItem(code));
			errors.push(...problems.list);
			continue;
		}
		const material = readMaterial(source, item.draft, item.materialKey, problems);
		if (material.name_zh !== '' && item.materialNames.has(material.name_zh)) {
			problems.add(materialHeader('name_zh'), messages.duplicateMaterial(material.name_zh));
		}
		item.materialNames.add(material.name_zh);
		item.draft.materials.push(material);
		item.materialRows.push(source);
		item.problems.push(problems);
	}

	const imported: { row: number; code: string; draft: ServiceItemDraft }[] = [];
	for (const [code, item] of items) {
		const itemProblems = item.problems[0]!;
		if (item.draft.materials.length === 0) itemProblems.add(undefined, messages.noMaterials(code));
		if (item.draft.materials.length > CATALOG_LIMITS.materials) {
			itemProblems.add(undefined, messages.tooManyMaterials(code, CATALOG_LIMITS.materials));
		}
		let found = item.problems.flatMap((problems) => problems.list);
		// The domain schema has the last word (lengths, visible text…), reported on the row the value came from.
		if (found.length === 0) found = checkDraft(item.draft, item.source, item.materialRows);
		if (found.length === 0 && !refused.has(code)) {
			imported.push({ row: item.source.row, code, draft: item.draft });
			continue;
		}
		errors.push(...found);
		if (!found.some((problem) => problem.row === item.source.row && problem.sheet === item.source.sheet)) {
			const summary = new Problems(item.source);
			summary.add(undefined, messages.itemHasErrors(code));
			errors.push(...summary.list);
		}
	}
	return { items: imported, errors: sortErrors(errors) };
}

const sheetRank = (problem: ImportError): number => (problem.sheet === MATERIAL_SHEET ? 1 : 0);

/** In file order, each problem once: the clerk reads the report top to bottom beside the file. */
function sortErrors(errors: ImportError[]): ImportError[] {
	const seen = new Set<string>();
	return errors
		.filter((problem) => {
			const id = `${problem.sheet ?? ''}|${problem.row}|${problem.field ?? ''}|${problem.message_zh}`;
			if (seen.has(id)) return false;
			seen.add(id);
			return true;
		})
		.sort((a, b) => sheetRank(a) - sheetRank(b) || a.row - b.row);
}
