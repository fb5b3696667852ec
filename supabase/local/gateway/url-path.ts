import type { IncomingMessage } from 'node:http';

/** The request's URL, or undefined when the request target cannot be read as one (answered 400). */
export function requestUrl(request: IncomingMessage): URL | undefined {
	try {
		return new URL(request.url ?? '/', 'http://gateway.local');
	} catch {
		return undefined;
	}
}

/**
 * Percent-decodes one path segment leniently, as PostgREST's HTTP stack does: a `%` not followed by two hex
 * digits stays as it is, and bytes that are not UTF-8 become U+FFFD. A bad escape is then just a name that is
 * not found (404), not an error of the gateway's own (decodeURIComponent throws). `segment` comes from
 * URL.pathname, which is ASCII: the URL parser has already percent-encoded anything else.
 */
export function decodePathSegment(segment: string): string {
	const bytes: number[] = [];
	for (let index = 0; index < segment.length; index++) {
		const hex = segment.slice(index + 1, index + 3);
		if (segment[index] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16));
			index += 2;
		} else {
			bytes.push(...Buffer.from(segment[index] ?? '', 'utf8'));
		}
	}
	return Buffer.from(bytes).toString('utf8');
}
