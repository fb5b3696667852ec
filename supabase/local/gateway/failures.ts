import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http';
import { BodyTooLargeError } from './request-body';

/**
 * The answer when handling a request threw: 413 for a body over the limit, otherwise a 500 that points to the
 * log (a bug of the gateway's own, never a client's doing), or a cut connection if the answer had begun.
 */
export function answerFailure(
	request: IncomingMessage,
	response: ServerResponse,
	error: unknown,
	log: (line: string) => void
): void {
	if (error instanceof BodyTooLargeError && !response.headersSent) {
		// Neither PostgREST nor GoTrue has a body limit of its own; the code says the local stack set this one.
		sendJson(
			response,
			413,
			{ code: 'LOCAL413', message: error.message, details: null, hint: null },
			{ Connection: 'close' }
		);
		if (!error.drained) response.once('finish', () => request.socket.destroy());
		return;
	}
	log(
		`[gateway] ${request.method} ${request.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
	);
	if (response.headersSent) {
		response.destroy();
		return;
	}
	sendJson(response, 500, {
		code: 'LOCAL500',
		message: 'The local gateway failed; see its log',
		details: String(error),
		hint: null
	});
}
