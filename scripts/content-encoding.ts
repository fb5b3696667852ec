/**
 * Content negotiation for precompressed files, as a CDN does it: which of the codings that the build wrote
 * beside a file (`.br`, `.gz`) a client's Accept-Encoding allows, best first. Pure, so the rules are tested
 * without a server.
 */

/** The codings the build precompresses into, in the order preferred when a client rates them equally. */
export const PRECOMPRESSED = [
	{ coding: 'br', suffix: '.br' },
	{ coding: 'gzip', suffix: '.gz' }
] as const;

export type Precompressed = (typeof PRECOMPRESSED)[number];

/** Each coding the header names, with its quality (q defaults to 1; a malformed q counts as 0). Lower-cased. */
export function parseAcceptEncoding(header: string): Map<string, number> {
	const qualities = new Map<string, number>();
	for (const part of header.split(',')) {
		const [name, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
		if (!name) continue;
		// RFC 9110 §8.4.1.3: a recipient should treat x-gzip as gzip.
		const coding = name === 'x-gzip' ? 'gzip' : name;
		let quality = 1;
		for (const param of params) {
			const match = /^q\s*=\s*([0-9.]+)$/.exec(param);
			if (match) quality = Number(match[1]);
			if (match && !(quality >= 0 && quality <= 1)) quality = 0;
		}
		qualities.set(coding, quality);
	}
	return qualities;
}

/**
 * The precompressed codings the client accepts, best first: highest q, ties in PRECOMPRESSED order. A coding
 * the header does not name is accepted only through `*`; `q=0` refuses. No header at all means the client did
 * not ask for compression, so none is offered (a plain HTTP client gets the file as it is).
 */
export function acceptableCodings(acceptEncoding: string | undefined): Precompressed[] {
	if (!acceptEncoding) return [];
	const qualities = parseAcceptEncoding(acceptEncoding);
	const wildcard = qualities.get('*') ?? 0;
	const rated = PRECOMPRESSED.map((entry, order) => ({
		entry,
		order,
		quality: qualities.get(entry.coding) ?? wildcard
	}));
	return rated
		.filter(({ quality }) => quality > 0)
		.sort((a, b) => b.quality - a.quality || a.order - b.order)
		.map(({ entry }) => entry);
}
