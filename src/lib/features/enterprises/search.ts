import { pinyin } from 'pinyin-pro';
import { normaliseCreditCode } from '$lib/domain/credit-code';
import type { EnterpriseListEntry } from '$lib/local/enterprises/queries';

/**
 * Finding an enterprise among thousands while typing: by its name, its pinyin (full, 天津新港 → tianjinxingang, and
 * initials, tjxg) and a prefix of its credit code. The pinyin of a name is worked out once per name and kept (a
 * name rarely changes), in slices that give the browser back its main thread (`prepareSearch`): 5,000 names take
 * about 2 s on a laptop, several on a phone, never in one long task. A keystroke only compares strings, and never
 * works out pinyin: a name whose keys are not ready yet is found by its text meanwhile.
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
	const keys = computeKeys(name);
	keysByName.set(name, keys);
	return keys;
}

function computeKeys(name: string): string {
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
	return `${compact(name)} ${syllables.join('')} ${initials.join('')}`;
}

/** Lower case, without spaces and punctuation people do not type (middle dots, brackets, dashes). */
const compact = (text: string): string => text.toLowerCase().replace(/[\s·・()（）\-—_.,，。、]/g, '');

/** How long keys are worked out before the browser gets its main thread back (to paint, to take a keystroke). */
const SLICE_MS = 8;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Works out the keys of every name not yet known, in slices of SLICE_MS separated by `pause` (a new task by
 * default). Call when the list arrives (again when it changes: known names cost nothing).
 */
export async function prepareSearch(
	entries: readonly { enterprise: SearchableEnterprise }[],
	pause: () => Promise<void> = nextTask
): Promise<void> {
	let sliceStart = performance.now();
	for (const entry of entries) {
		if (keysByName.has(entry.enterprise.name)) continue;
		if (performance.now() - sliceStart > SLICE_MS) {
			await pause();
			sliceStart = performance.now();
		}
		nameSearchKeys(entry.enterprise.name);
	}
}

/**
 * A test of whether an enterprise matches `query`: the name's text, pinyin or initials contain it, or the credit
 * code starts with it (upper-cased, spaces removed, as codes are compared). An empty query matches everything. The
 * query is read once, each enterprise then costs a lookup and two string comparisons.
 */
export function enterpriseMatcher(query: string): (enterprise: SearchableEnterprise) => boolean {
	const typed = compact(query);
	if (typed === '') return () => true;
	const code = normaliseCreditCode(query);
	const byCode = code.length >= 2;
	return (enterprise) => {
		// Keys not ready yet (prepareSearch still running): the name's text, never pinyin worked out per keystroke.
		const keys = keysByName.get(enterprise.name) ?? compact(enterprise.name);
		return keys.includes(typed) || (byCode && enterprise.credit_code.startsWith(code));
	};
}

export const matchesEnterprise = (enterprise: SearchableEnterprise, query: string): boolean =>
	enterpriseMatcher(query)(enterprise);

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
	const matches = enterpriseMatcher(query);
	return entries.filter((entry) => {
		if ((filter === 'archived') !== entry.archived) return false;
		if (filter === 'overdue' && entry.plan.light !== 'overdue') return false;
		if (filter === 'due_soon' && entry.plan.light !== 'due_soon') return false;
		if (filter === 'mine' && !entry.mine) return false;
		return matches(entry.enterprise);
	});
}
