import { pinyin } from 'pinyin-pro';
import { CATALOG_LIMITS } from '$lib/domain/service-catalog';

/**
 * The pinyin keys stored with a catalog version (`search_keys`), so that staff find 公司设立登记 by typing `gssl`
 * or `gongsi` on a device that never loads a pinyin dictionary: only the publishing device (a manager's, or the
 * seed generator) runs pinyin-pro.
 *
 * For the name and each alias: the full pinyin without tones and without spaces, and the initials. Polyphones are
 * read in context through pinyin-pro's word segmentation (重点 zhongdian, 重新 chongxin, 银行 yinhang, 行政
 * xingzheng). Because a segmentation can still be wrong for an unusual name, the initials are also given once more
 * per polyphonic character with each of its other readings' initials (cheap: a few short tokens), so `cxsb` still
 * finds an item even if 重 had been read zhong there. Letters and digits in a name (ICP, 12345) are kept as they
 * are; ü is written v, as people type it.
 */
export interface SearchKeysInput {
	name_zh: string;
	aliases: readonly string[];
}

/** Tone marks are dropped by Unicode decomposition; ü (also as u + diaeresis after that) becomes v. */
const toneless = (syllable: string): string =>
	syllable
		.normalize('NFD')
		.replace(/u\u0308/g, 'v')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ü/g, 'v')
		.toLowerCase();

const ASCII_WORD = /^[a-z0-9]$/;

/** One character of a text: its reading in context and, for a polyphone, its other readings' initials. */
interface Reading {
	syllable: string;
	/** A letter or digit: kept whole in the initials (ICP, 12345), as people type it. */
	ascii: boolean;
	otherInitials: string[];
}

function readingsOf(text: string): Reading[] {
	const readings: Reading[] = [];
	for (const char of pinyin(text, { toneType: 'none', type: 'all', v: true })) {
		if (char.isZh) {
			const syllable = toneless(char.pinyin);
			if (syllable === '') continue;
			const initials = new Set(char.polyphonic.map((reading) => toneless(reading).charAt(0)));
			initials.delete(syllable.charAt(0));
			initials.delete('');
			readings.push({ syllable, ascii: false, otherInitials: [...initials] });
		} else {
			const lower = char.origin.toLowerCase();
			// Punctuation and spaces are no part of what anyone types to find an item.
			if (ASCII_WORD.test(lower)) readings.push({ syllable: lower, ascii: true, otherInitials: [] });
		}
	}
	return readings;
}

const initialsOf = (readings: readonly Reading[]): string =>
	readings.map((reading) => (reading.ascii ? reading.syllable : reading.syllable.charAt(0))).join('');

function keysOfText(text: string): string[] {
	const readings = readingsOf(text);
	if (readings.length === 0) return [];
	const keys = [readings.map((reading) => reading.syllable).join(''), initialsOf(readings)];
	readings.forEach((reading, index) => {
		for (const other of reading.otherInitials) {
			keys.push(initialsOf(readings.map((r, i) => (i === index ? { ...r, syllable: other } : r))));
		}
	});
	return keys;
}

/**
 * The search keys of a version: lower-case, space-separated, without repeats, the name's first; cut at a whole key
 * within CATALOG_LIMITS.searchKeys (20 aliases of 30 characters need far less, so nothing is lost in practice).
 */
export function searchKeysFor(input: SearchKeysInput): string {
	const keys = new Set<string>();
	for (const text of [input.name_zh, ...input.aliases]) {
		for (const key of keysOfText(text)) if (key !== '') keys.add(key);
	}
	let result = '';
	for (const key of keys) {
		const next = result === '' ? key : `${result} ${key}`;
		if (next.length > CATALOG_LIMITS.searchKeys) break;
		result = next;
	}
	return result;
}

/** The initials of a text as searchKeysFor reads them (公司设立登记 → gssldj): also what the import names keys by. */
export const pinyinInitials = (text: string): string => initialsOf(readingsOf(text));
