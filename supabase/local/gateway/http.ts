import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS as Supabase's API gateway answers it (Kong's cors plugin with its default settings): every origin may
 * read the answers (`*`), and credentials are never allowed, so the browser sends no cookies or HTTP auth and a
 * page on another site cannot act with anything the browser holds for this origin. The API needs no
 * credentials: supabase-js sends the apikey and bearer token as headers.
 */
export function applyCors(response: ServerResponse): void {
	response.setHeader('Access-Control-Allow-Origin', '*');
	response.setHeader(
		'Access-Control-Expose-Headers',
		'Content-Range, X-Supabase-Api-Version, Content-Profile, Proxy-Status'
	);
}

/** Kong's default preflight answer: 200, all methods, and back the headers the browser asked for. */
export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
	response.setHeader('Access-Control-Allow-Methods', 'GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS,TRACE,CONNECT');
	const requested = request.headers['access-control-request-headers'];
	if (requested) response.setHeader('Access-Control-Allow-Headers', requested);
	response.writeHead(200, { 'Content-Length': '0' });
	response.end();
}

export function sendJson(
	response: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
): void {
	sendRawJson(response, status, JSON.stringify(body), headers);
}

/** For JSON produced by PostgreSQL itself (`to_json`), passed through byte for byte as PostgREST does. */
export function sendRawJson(
	response: ServerResponse,
	status: number,
	json: string,
	headers: Record<string, string> = {}
): void {
	const body = Buffer.from(json, 'utf8');
	response.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(body.length),
		...headers
	});
	response.end(body);
}

export function sendNoContent(response: ServerResponse, headers: Record<string, string> = {}): void {
	response.writeHead(204, headers);
	response.end();
}

export function bearerToken(request: IncomingMessage): string | undefined {
	const header = request.headers.authorization;
	if (!header) return undefined;
	const match = /^bearer\s+(.*)$/i.exec(header.trim());
	return match ? (match[1] ?? '').trim() : undefined;
}

export function headerValue(request: IncomingMessage, name: string): string | undefined {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
}
