import type { ServerResponse } from 'node:http';
import { sendJson } from './http';

/** PostgREST's error body; `details` and `hint` are always present (null when empty), as with its default verbosity. */
export interface PostgrestErrorBody {
	code: string;
	message: string;
	details: string | null;
	hint: string | null;
}

export interface PostgrestError {
	status: number;
	body: PostgrestErrorBody;
	headers?: Record<string, string>;
}

export function postgrestError(
	status: number,
	code: string,
	message: string,
	details: string | null = null,
	hint: string | null = null,
	headers?: Record<string, string>
): PostgrestError {
	return { status, body: { code, message, details, hint }, headers };
}

export function sendPostgrestError(response: ServerResponse, error: PostgrestError): void {
	sendJson(response, error.status, error.body, {
		'Proxy-Status': `PostgREST; error=${error.body.code}`,
		...error.headers
	});
}

/** The fields node-postgres puts on a server error. */
interface DatabaseError {
	code: string;
	message: string;
	detail?: string;
	hint?: string;
}

export function isDatabaseError(error: unknown): error is DatabaseError {
	return (
		error instanceof Error &&
		typeof (error as Partial<DatabaseError>).code === 'string' &&
		'severity' in error
	);
}

/** A database error as PostgREST answers it: SQLSTATE as `code`, and PostgREST's SQLSTATE → HTTP status table. */
export function fromDatabaseError(error: DatabaseError, authenticated: boolean): PostgrestError {
	if (error.code === 'PGRST') return fromRaisedPgrst(error);
	const status = statusForSqlState(error.code, error.message, authenticated);
	const headers: Record<string, string> | undefined =
		status === 401 ? { 'WWW-Authenticate': 'Bearer' } : undefined;
	return postgrestError(status, error.code, error.message, error.detail ?? null, error.hint ?? null, headers);
}

function statusForSqlState(code: string, message: string, authenticated: boolean): number {
	const exact: Record<string, number> = {
		'23503': 409,
		'23505': 409,
		'25006': 405,
		'53400': 500,
		'57P01': 503,
		P0001: 400,
		'42P01': 404,
		'42P17': 500
	};
	if (code === '42501') return authenticated ? 403 : 401;
	if (code === '21000') return message.endsWith('requires a WHERE clause') ? 400 : 500;
	if (code === '22023') return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400;
	if (code === '42883') return message.startsWith('function xmlagg(') ? 406 : 404;
	const known = exact[code];
	if (known !== undefined) return known;
	if (code.startsWith('PT')) {
		const custom = Number(code.slice(2));
		return Number.isInteger(custom) && custom >= 100 && custom <= 599 ? custom : 500;
	}
	const byClass: Record<string, number> = {
		'08': 503,
		'09': 500,
		'0L': 403,
		'0P': 403,
		'25': 500,
		'28': 403,
		'2D': 500,
		'38': 500,
		'39': 500,
		'3B': 500,
		'40': 500,
		'53': 503,
		'54': 500,
		'55': 500,
		'57': 500,
		'58': 500,
		F0: 500,
		HV: 500,
		P0: 500,
		XX: 500
	};
	return byClass[code.slice(0, 2)] ?? 400;
}

/**
 * `raise sqlstate 'PGRST' using message = '{"code":…,"message":…}', detail = '{"status":…,"headers":{…}}'`
 * gives a function full control of the response, as in PostgREST.
 */
function fromRaisedPgrst(error: DatabaseError): PostgrestError {
	const message = parseObject(error.message);
	if (!message || typeof message.code !== 'string' || typeof message.message !== 'string') {
		return postgrestError(
			500,
			'PGRST121',
			`Could not parse JSON in the "RAISE SQLSTATE 'PGRST'" error`,
			`Invalid JSON value for MESSAGE: '${error.message}'`,
			"MESSAGE must be a JSON object with obligatory keys: 'code', 'message' and optional keys: 'details', 'hint'."
		);
	}
	const detail = error.detail === undefined ? undefined : parseObject(error.detail);
	if (!detail || typeof detail.status !== 'number' || typeof detail.headers !== 'object' || !detail.headers) {
		return postgrestError(
			500,
			'PGRST121',
			`Could not parse JSON in the "RAISE SQLSTATE 'PGRST'" error`,
			error.detail === undefined
				? 'DETAIL is missing in the RAISE statement'
				: `Invalid JSON value for DETAIL: '${error.detail}'`,
			"DETAIL must be a JSON object with obligatory keys: 'status', 'headers' and optional key: 'status_text'."
		);
	}
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(detail.headers as Record<string, unknown>))
		headers[name] = String(value);
	return postgrestError(
		detail.status,
		message.code,
		message.message,
		typeof message.details === 'string' ? message.details : null,
		typeof message.hint === 'string' ? message.hint : null,
		headers
	);
}

function parseObject(text: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}
