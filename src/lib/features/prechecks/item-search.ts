import type { ServiceItemRow, ServiceItemVersionRow } from '$lib/domain/service-catalog';

/**
 * Finding an item while typing, on a device that never loads a pinyin library: one query matched against the
 * item's name, its aliases, its code (from the start) and the pinyin keys stored with its version (full and
 * initials, computed by the publishing device). Spaces, case and full-width letters do not matter. Exact and
 * prefix matches come first, then what this user pre-checked often and lately, then the rest; withdrawn items are
 * never offered for a new pre-check. Everything the query does not change is prepared once per catalog, so a
 * keystroke costs a pass of string comparisons over the hall's items (tests/bench/item-search.ts).
 */

export interface CatalogSearchEntry {
	item: ServiceItemRow;
	current: ServiceItemVersionRow;
}

export interface ItemUsageStats {
	count: number;
	lastUsedAt: string;
}

/** How the item matched: exactly, from the start of a field, or inside one; `usage` for an empty query. */
export type MatchKind = 'exact' | 'prefix' | 'contains' | 'usage' | 'none';

export interface SearchHit {
	item: ServiceItemRow;
	current: ServiceItemVersionRow;
	match: MatchKind;
	/** Which field matched best: shown as the reason a result is there (a code or an alias the user typed). */
	field: 'code' | 'name' | 'alias' | 'pinyin' | null;
}

export interface ItemSearch {
	search(query: string, limit?: number): SearchHit[];
}

interface Prepared {
	entry: CatalogSearchEntry;
	code: string;
	/** Name, aliases and pinyin keys each as one text, every word between spaces (` 营业执照 开公司 `): one
	 * `includes` rejects an item, and a word's start or whole is found by the spaces around it. */
	name: string;
	aliases: string;
	keys: string;
	nameLength: number;
	usage: number;
}

const TIER: Record<MatchKind, number> = { exact: 0, prefix: 1, contains: 2, usage: 3, none: 4 };
const DEFAULT_LIMIT = 20;
/** Half of a use's weight is gone after two weeks: what someone did this morning ranks above last month's habit. */
const USAGE_HALF_LIFE_DAYS = 14;
const DAY_MS = 86_400_000;

/** Lower case, full-width letters and digits made plain, every kind of space gone. */
export function normalizeQuery(text: string): string {
	return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const normalizeCode = (text: string): string => normalizeQuery(text).replace(/[-_]/g, '');

/** Codes are ASCII: a plain comparison, which is many times cheaper than localeCompare in a sort of 2,000. */
const byCode = (a: { code: string }, b: { code: string }): number =>
	a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

function usageScore(stats: ItemUsageStats | undefined, now: number): number {
	if (!stats || stats.count <= 0) return 0;
	const ageDays = Math.max(0, (now - Date.parse(stats.lastUsedAt)) / DAY_MS);
	return (1 + stats.count) * 0.5 ** ((Number.isFinite(ageDays) ? ageDays : 365) / USAGE_HALF_LIFE_DAYS);
}

type Found = { match: MatchKind; field: SearchHit['field'] };

function better(current: Found, match: MatchKind, field: SearchHit['field']): Found {
	return TIER[match] < TIER[current.match] ? { match, field } : current;
}

/** How `query` (no spaces) occurs among the space-separated words of `words`. */
function matchWords(words: string, query: string): MatchKind {
	if (!words.includes(query)) return 'none';
	if (words.includes(` ${query} `)) return 'exact';
	return words.includes(` ${query}`) ? 'prefix' : 'contains';
}

function matchEntry(prepared: Prepared, query: string, codeQuery: string): Found {
	let found: Found = { match: 'none', field: null };
	if (codeQuery !== '') {
		if (prepared.code === codeQuery) return { match: 'exact', field: 'code' };
		if (prepared.code.startsWith(codeQuery)) found = { match: 'prefix', field: 'code' };
	}
	found = better(found, matchWords(prepared.name, query), 'name');
	if (found.match === 'exact') return found;
	found = better(found, matchWords(prepared.aliases, query), 'alias');
	if (found.match === 'exact') return found;
	return better(found, matchWords(prepared.keys, query), 'pinyin');
}

/**
 * Prepares the catalog for searching. `usage`: by item id, how often and when the user last pre-checked it.
 * `now` is for tests.
 */
export function createItemSearch(
	entries: readonly CatalogSearchEntry[],
	usage: ReadonlyMap<string, ItemUsageStats>,
	now: number = Date.now()
): ItemSearch {
	const prepared: Prepared[] = entries
		.filter((entry) => entry.item.withdrawn_at === null)
		.map((entry) => ({
			entry,
			code: normalizeCode(entry.item.code),
			name: ` ${normalizeQuery(entry.current.name_zh)} `,
			aliases: ` ${entry.current.aliases.map(normalizeQuery).join(' ')} `,
			keys: ` ${entry.current.search_keys.toLowerCase()} `,
			nameLength: entry.current.name_zh.length,
			usage: usageScore(usage.get(entry.item.id), now)
		}));
	// Ranked once: used more and lately first, then shorter names (the general item before its variants), then
	// by code. A keystroke then only sorts its matches into three tiers, keeping this order within each.
	const ranked = [...prepared].sort(
		(a, b) => b.usage - a.usage || a.nameLength - b.nameLength || byCode(a, b)
	);
	const browsing = [...prepared].sort((a, b) => b.usage - a.usage || byCode(a, b));
	// Typing narrows: whatever matches a longer query matched the shorter one it extends.
	let previous: { query: string; codeQuery: string; candidates: Prepared[] } | null = null;

	const hit = (p: Prepared, found: Found): SearchHit => ({
		item: p.entry.item,
		current: p.entry.current,
		match: found.match,
		field: found.field
	});

	return {
		search(query, limit = DEFAULT_LIMIT) {
			const normalized = normalizeQuery(query);
			if (normalized === '') {
				return browsing
					.slice(0, limit)
					.map((p) => hit(p, { match: p.usage > 0 ? 'usage' : 'none', field: null }));
			}
			const codeQuery = normalizeCode(query);
			const pool =
				previous && normalized.startsWith(previous.query) && codeQuery.startsWith(previous.codeQuery)
					? previous.candidates
					: ranked;
			const candidates: Prepared[] = [];
			const tiers: SearchHit[][] = [[], [], []];
			for (const p of pool) {
				const found = matchEntry(p, normalized, codeQuery);
				if (found.match === 'none') continue;
				candidates.push(p);
				const tier = tiers[TIER[found.match]];
				if (tier && tier.length < limit) tier.push(hit(p, found));
			}
			previous = { query: normalized, codeQuery, candidates };
			return tiers.flat().slice(0, limit);
		}
	};
}
