import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerValue, sendJson } from './http';
import type { JwtFailure } from './jwt';

/** An error GoTrue would answer with: HTTP status, machine-readable error_code, human message. */
export class AuthError extends Error {
	constructor(
		readonly status: number,
		readonly errorCode: string,
		message: string
	) {
		super(message);
	}
}

/**
 * GoTrue's error body. With `X-Supabase-Api-Version: 2024-01-01` (supabase-js sends it) GoTrue answers
 * `{code: "<error_code>", message}` and echoes the header; older clients get `{code: <status>, error_code, msg}`.
 */
export function sendAuthError(
	request: IncomingMessage,
	response: ServerResponse,
	status: number,
	errorCode: string,
	message: string
): void {
	const version = headerValue(request, 'x-supabase-api-version');
	if (version !== undefined && version >= '2024-01-01') {
		sendJson(response, status, { code: errorCode, message }, { 'X-Supabase-Api-Version': '2024-01-01' });
	} else {
		sendJson(response, status, { code: status, error_code: errorCode, msg: message });
	}
}

/** The reasons golang-jwt gives, which GoTrue appends to its bad_jwt message. */
export function goJwtReason(failure: JwtFailure): string {
	switch (failure.kind) {
		case 'expired':
			return 'token has invalid claims: token is expired';
		case 'signature':
			return 'token signature is invalid: signature is invalid';
		case 'algorithm':
			return `token is unverifiable: error while executing keyfunc: unrecognized JWT kid <nil> for algorithm ${failure.algorithm}`;
		case 'parts':
		case 'empty':
			return 'token is malformed: token contains an invalid number of segments';
		case 'not-yet-valid':
			return 'token has invalid claims: token is not valid yet';
		case 'issued-in-future':
			return 'token has invalid claims: token used before issued';
		default:
			return 'token is malformed: could not JSON decode claim';
	}
}
