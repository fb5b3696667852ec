/**
 * Deeper than this, a JSON body is refused before it is parsed. Parsing, re-serialising and PostgreSQL's own
 * JSON parser all recurse, and 10,000 levels made one of them throw (a 500); the app's deepest payload has
 * fewer than ten.
 */
export const maxJsonDepth = 512;

export type ParsedJson = { ok: true; value: unknown } | { ok: false; reason: 'invalid' | 'too-deep' };

/** JSON.parse with a nesting limit, checked by one pass over the text first. */
export function parseJson(text: string): ParsedJson {
	if (nestingDepth(text) > maxJsonDepth) return { ok: false, reason: 'too-deep' };
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false, reason: 'invalid' };
	}
}

/** The deepest nesting of objects and arrays, ignoring brackets inside strings. */
function nestingDepth(text: string): number {
	let depth = 0;
	let deepest = 0;
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const char = text.charCodeAt(index);
		if (inString) {
			if (char === 0x5c)
				index++; // a backslash escapes the next character
			else if (char === 0x22) inString = false;
		} else if (char === 0x22) {
			inString = true;
		} else if (char === 0x7b || char === 0x5b) {
			depth++;
			if (depth > deepest) deepest = depth;
		} else if (char === 0x7d || char === 0x5d) {
			depth--;
		}
	}
	return deepest;
}
