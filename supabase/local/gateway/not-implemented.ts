import type { ServerResponse } from 'node:http';
import { sendJson } from './http';

/** What the local stack does not serve gets a clear 501, never an answer that only looks right. */
export function sendNotImplemented(response: ServerResponse, method: string, path: string): void {
	sendJson(response, 501, {
		code: 'LOCAL501',
		message: `The local Supabase stack does not implement ${method} ${path}; see docs`,
		details:
			'Only /auth/v1/token, /auth/v1/user, /auth/v1/logout, /rest/v1/rpc/<function> and a Storage subset ' +
			'(/storage/v1/object: upload, download, signed URLs, delete) are served locally.',
		hint: 'Use a hosted Supabase project (or `supabase start` with Docker) for other endpoints.'
	});
}
