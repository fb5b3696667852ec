import * as z from 'zod/mini';

/**
 * A checkpoint poster's QR: `<app origin>/patrols/checkpoint/<checkpoint id>` (docs/PATROL.md). The scan screens
 * read it back without the network; any origin is accepted, so a poster printed from another address of the app
 * still works.
 */

const uuid = z.uuid();
const PATH = /^\/patrols\/checkpoint\/([0-9a-fA-F-]{36})\/?$/;

export function checkpointUrl(origin: string, id: string): string {
	return `${origin}/patrols/checkpoint/${id}`;
}

/** The checkpoint id a scanned text names, or null when it is not a checkpoint QR. */
export function parseCheckpointUrl(text: string): string | null {
	let url: URL;
	try {
		url = new URL(text.trim());
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	const id = PATH.exec(url.pathname)?.[1]?.toLowerCase();
	return id && uuid.safeParse(id).success ? id : null;
}
