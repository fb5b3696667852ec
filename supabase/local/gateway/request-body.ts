import type { IncomingMessage } from 'node:http';

/** Request bodies larger than this are refused; nothing the app sends comes close. */
export const maxBodyBytes = 10 * 1024 * 1024;

/**
 * A body over the limit is still read to its end, up to this much in all, and thrown away: answering while the
 * client is still sending and then closing makes the client's kernel see a reset, and it would never read the
 * 413. Past this, the client is not one we owe an answer to: the connection is cut.
 */
const maxDrainedBytes = 64 * 1024 * 1024;

export class BodyTooLargeError extends Error {
	constructor(
		/** True when the body was read to its end, so the 413 can be sent on an orderly connection. */
		readonly drained: boolean
	) {
		super(`Request body larger than ${maxBodyBytes} bytes`);
	}
}

/**
 * The request body as text. How long it may take to arrive is the HTTP server's requestTimeout (server.ts),
 * which answers 408 and closes the connection.
 */
export async function readBody(request: IncomingMessage): Promise<string> {
	return (await readBodyBytes(request)).toString('utf8');
}

/** The request body as bytes (an uploaded file), under the same limits. */
export function readBodyBytes(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= maxBodyBytes) {
				chunks.push(chunk);
			} else if (size > maxDrainedBytes) {
				request.pause();
				reject(new BodyTooLargeError(false));
			}
		});
		request.on('end', () => {
			if (size > maxBodyBytes) reject(new BodyTooLargeError(true));
			else resolve(Buffer.concat(chunks));
		});
		request.on('error', reject);
	});
}
