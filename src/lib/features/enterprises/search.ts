import { pinyin } from 'pinyin-pro';
import { normaliseCreditCode } from '$lib/domain/credit-code';
import type { EnterpriseListEntry } from '$lib/local/enterprises/queries';

/**
 * Finding an enterprise among thousands while typing: by its name, its pinyin (full, 天津新港 → tianjinxingang, and
 * initials, tjxg) and a prefix of its credit code. The pinyin of a name is worked out once per name and kept (a
 * name rarely changes), so a keystroke only compares strings: 5,000 enterprises are searched in well under a
 * frame. Only this screen loads pinyin-pro's dictionary.
 */

export interface SearchableEnterprise {
	name: string;
	credit_code: string;
}

/** The lower-case name, full pinyin and initials of a name, space-separated (what a typed query is found in). */
const keysByName = new Map<string, string>();

const toneless = (syllable: string): string =>
	syllable
		.normalize('NFD')
		.replace(/u\u0308/g, 'v')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ü/g, 'v')
		.toLowerCase();

/** The search keys of an enterprise's name: its lower-case text, full pinyin and initials (ü as v, as typed). */
export function nameSearchKeys(name: string): string {
	const known = keysByName.get(name);
	if (known !== undefined) return known;
	const syllables: string[] = [];
	const initials: string[] = [];
	for (const char of pinyin(name, { toneType: 'none', type: 'all', v: true })) {
		if (char.isZh) {
			const syllable = toneless(char.pinyin);
			if (syllable === '') continue;
			syllables.push(syllable);
			initials.push(syllable.charAt(0));
		} else if (/^[a-z0-9]$/i.test(char.origin)) {
			syllables.push(char.origin.toLowerCase());
			initials.push(char.origin.toLowerCase());
		}
	}
	const keys = `${compact(name)} ${syllables.join('')} ${initials.join('')}`;
	keysByName.set(name, keys);
	return keys;
}

/** Lower case, without spaces and punctuation people do not type (middle dots, brackets, dashes). */
const compact = (text: string): string => text.toLowerCase().replace(/[\s·・()（）\-—_.,，。、]/g, '');

/** Works out the keys of every name not yet known: once after the list arrives, not per keystroke. */
export function prepareSearch(entries: readonly { enterprise: SearchableEnterprise }[]): void {
	for (const entry of entries) nameSearchKeys(entry.enterprise.name);
}

/**
 * Whether `enterprise` matches `query`: the name's text, pinyin or initials contain it, or the credit code starts
 * with it (upper-cased, spaces removed, as codes are compared). An empty query matches everything.
 */
export function matchesEnterprise(enterprise: SearchableEnterprise, query: string): boolean {
	const typed = compact(query);
	if (typed === '') return true;
	if (nameSearchKeys(enterprise.name).includes(typed)) return true;
	const code = normaliseCreditCode(query);
	return code.length >= 2 && enterprise.credit_code.startsWith(code);
}

export type EnterpriseFilter = 'all' | 'overdue' | 'due_soon' | 'mine' | 'archived';

/**
 * The list screen's rows for a query and a filter, in the list's order: archived enterprises only under
 * `archived`, never in the others.
 */
export function searchEnterprises<Entry extends EnterpriseListEntry>(
	entries: readonly Entry[],
	query: string,
	filter: EnterpriseFilter = 'all'
): Entry[] {
	return entries.filter((entry) => {
		if ((filter === 'archived') !== entry.archived) return false;
		if (filter === 'overdue' && entry.plan.light !== 'overdue') return false;
		if (filter === 'due_soon' && entry.plan.light !== 'due_soon') return false;
		if (filter === 'mine' && !entry.mine) return false;
		return matchesEnterprise(entry.enterprise, query);
	});
}
