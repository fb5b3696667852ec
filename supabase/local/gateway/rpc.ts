import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeLiteral } from 'pg';
import type { GatewayContext } from './context';
import { postgrestError, sendPostgrestError, type PostgrestError } from './errors';
import type { ExposedFunction } from './functions';
import { headerValue, sendNoContent, sendRawJson } from './http';
import type { RequestIdentity } from './identity';
import { maxJsonDepth, parseJson } from './json-text';
import { readBody } from './request-body';
import { callStatement } from './rpc-sql';
import { runAsCaller } from './rpc-transaction';
import { noFunctionError } from './rpc-not-found';

const exposedSchema = 'public';

/** Query parameters PostgREST reads as result shaping rather than arguments; the local stack does not shape. */
const shapingParameters = new Set([
	'select',
	'order',
	'limit',
	'offset',
	'columns',
	'on_conflict',
	'and',
	'or'
]);

/** POST/GET/HEAD /rest/v1/rpc/<name>: one transaction, as the caller's role, with its claims. */
export async function handleRpc(
	context: GatewayContext,
	request: IncomingMessage,
	response: ServerResponse,
	url: URL,
	name: string,
	identity: RequestIdentity
): Promise<void> {
	const method = request.method ?? 'GET';
	const readOnlyMethod = method === 'GET' || method === 'HEAD';
	if (!readOnlyMethod && method !== 'POST') {
		return sendPostgrestError(
			response,
			postgrestError(405, 'PGRST101', `Cannot use the ${method} method on RPC`)
		);
	}
	const profile = headerValue(request, readOnlyMethod ? 'accept-profile' : 'content-profile');
	if (profile !== undefined && profile !== exposedSchema) {
		return sendPostgrestError(
			response,
			postgrestError(
				406,
				'PGRST106',
				`Invalid schema: ${profile}`,
				null,
				`Only the following schemas are exposed: ${exposedSchema}`
			)
		);
	}
	const unsupported = unsupportedShaping(request, url);
	if (unsupported) return sendPostgrestError(response, unsupported);

	const parsed = readOnlyMethod ? argumentsFromQuery(url) : await argumentsFromBody(request);
	if ('error' in parsed) return sendPostgrestError(response, parsed.error);
	const argumentNames = parsed.body !== null && isPlainObject(parsed.body) ? Object.keys(parsed.body) : [];

	const { match, overloads } = await context.catalog.find(name, argumentNames);
	const wholeBody = match !== undefined && isSingleJsonParameter(match);
	if (!match && readOnlyMethod && (await filtersOnResult(context, name, url, argumentNames))) {
		return sendPostgrestError(response, notImplementedOnRpc(['filters']));
	}
	if (!match || (!wholeBody && !isPlainObject(parsed.body))) {
		return sendPostgrestError(
			response,
			await noFunctionError(context.catalog, name, argumentNames, overloads, !readOnlyMethod)
		);
	}

	// The body as the client sent it, not as JavaScript read it: PostgreSQL converts its numbers exactly (a
	// double would turn 1e400 into null and round long decimals), as PostgREST hands PostgreSQL the raw body.
	const statement = callStatement(match, argumentNames, wholeBody, escapeLiteral(parsed.json));
	// PostgREST runs GET/HEAD and calls of stable/immutable functions read-only: a write there fails (25006 → 405).
	const readOnly = readOnlyMethod || match.volatility !== 'v';
	const result = await runAsCaller(context, identity, readOnly, request, url, statement);
	if ('error' in result) return sendPostgrestError(response, result.error);
	if (match.returns === 'void') return sendNoContent(response);
	const body = result.body ?? 'null';
	if (method === 'HEAD') {
		response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
		response.end();
		return;
	}
	sendRawJson(response, 200, body);
}

/** The arguments as a value (to find the function by their names) and as the JSON text handed to PostgreSQL. */
type ParsedArguments = { body: unknown; json: string } | { error: PostgrestError };

async function argumentsFromBody(request: IncomingMessage): Promise<ParsedArguments> {
	const text = await readBody(request);
	if (text.trim() === '') return { body: {}, json: '{}' };
	const parsed = parseJson(text);
	if (parsed.ok) return { body: parsed.value, json: text };
	return {
		error: postgrestError(
			400,
			'PGRST102',
			'Empty or invalid json',
			parsed.reason === 'too-deep' ? `JSON nested deeper than ${maxJsonDepth} levels` : null
		)
	};
}

function argumentsFromQuery(url: URL): ParsedArguments {
	const body: Record<string, string> = {};
	for (const [key, value] of url.searchParams) {
		// `apikey` may travel in the query string (Kong accepts it there); it is never a function argument.
		if (!shapingParameters.has(key) && key !== 'apikey') body[key] = value;
	}
	return { body, json: JSON.stringify(body) };
}

/** Filtering, ordering, paging or counting an RPC result is not implemented: say so rather than ignore it. */
function unsupportedShaping(request: IncomingMessage, url: URL): PostgrestError | undefined {
	const used = [...url.searchParams.keys()].filter(
		(key) => shapingParameters.has(key) && !(key === 'select' && url.searchParams.get(key) === '*')
	);
	const filters = [...url.searchParams.keys()].filter(
		(key) => !shapingParameters.has(key) && key !== 'apikey'
	);
	if (request.method === 'POST' && filters.length > 0) {
		used.push('filters');
	}
	const prefer = headerValue(request, 'prefer') ?? '';
	if (/count=/.test(prefer)) used.push('Prefer: count');
	if (headerValue(request, 'range')) used.push('Range');
	return used.length === 0 ? undefined : notImplementedOnRpc(used);
}

/**
 * On GET, PostgREST reads query parameters that are not arguments as filters on the result (`?pos=eq.2`).
 * True when the call matches a function once the filter-looking parameters are set aside.
 */
async function filtersOnResult(
	context: GatewayContext,
	name: string,
	url: URL,
	argumentNames: string[]
): Promise<boolean> {
	const looksLikeFilter = (key: string) => filterOperator.test(url.searchParams.get(key) ?? '');
	const filters = argumentNames.filter(looksLikeFilter);
	if (filters.length === 0) return false;
	const { match } = await context.catalog.find(
		name,
		argumentNames.filter((key) => !filters.includes(key))
	);
	return match !== undefined;
}

const filterOperator =
	/^(not\.)?(eq|neq|gt|gte|lt|lte|like|ilike|match|imatch|in|is|isdistinct|fts|plfts|phfts|wfts|cs|cd|ov|sl|sr|nxr|nxl|adj)\./;

function notImplementedOnRpc(used: string[]): PostgrestError {
	return postgrestError(
		501,
		'LOCAL501',
		`The local Supabase stack does not implement ${used.join(', ')} on RPC results; see docs`,
		'Call the function without result shaping, or shape the result inside the function.'
	);
}

function isSingleJsonParameter(fn: ExposedFunction): boolean {
	const only = fn.parameters[0];
	return fn.parameters.length === 1 && only !== undefined && only.name === '' && /^jsonb?$/.test(only.type);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
