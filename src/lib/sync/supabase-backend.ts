import type { BackendClient } from '$lib/backend/client';
import * as z from 'zod/mini';
import { opResult, pullResult, type Op, type OpResult, type PullResult } from '$lib/domain/sync-protocol';
import { classifyFailure, SyncTransportError, type SyncBackend } from './backend';

/**
 * How long a sync call may go unanswered before it counts as a network failure. Hall Wi-Fi can swallow a request
 * without ever closing its connection; without a limit that one request would hold the device's sync until the
 * app is relaunched. Generous next to the server's own bounds (a push stops taking ops after 2 s, a pull page is
 * at most 1,000 rows), so only a lost request reaches it; the engine then backs off and sends again, and an op
 * the server had applied meanwhile comes back as `duplicate`.
 */
export const SYNC_REQUEST_TIMEOUT_MS = 30_000;

/**
 * The engine's backend over supabase-js: sync_push / sync_pull RPCs, answers checked with the protocol's zod
 * schemas (a server that answers in another shape is treated as a failing server, never trusted blindly).
 */
export function supabaseBackend(
	client: () => BackendClient,
	options: { requestTimeoutMs?: number } = {}
): SyncBackend {
	const timeoutMs = options.requestTimeoutMs ?? SYNC_REQUEST_TIMEOUT_MS;

	async function call<T>(fn: string, args: Record<string, unknown>, schema: z.ZodMiniType<T>): Promise<T> {
		let response;
		try {
			response = await client().rpc(fn, args).abortSignal(AbortSignal.timeout(timeoutMs));
		} catch (error) {
			throw new SyncTransportError('network', 0, 'fetch', String(error));
		}
		const { error, status } = response;
		if (error) {
			throw new SyncTransportError(
				classifyFailure(status, error.code, error.message),
				status,
				error.code,
				error.message
			);
		}
		const parsed = schema.safeParse(response.data);
		if (!parsed.success) {
			throw new SyncTransportError('server', status, 'bad_response', `${fn} answered an unexpected shape`);
		}
		return parsed.data;
	}

	return {
		push: (ops: readonly Op[]): Promise<OpResult[]> => call('sync_push', { ops }, z.array(opResult)),
		pull: (cursor: string, maxRows: number): Promise<PullResult> =>
			call('sync_pull', { cursor, max_rows: maxRows }, pullResult),
		async refreshSession(): Promise<boolean> {
			const { data, error } = await client().auth.refreshSession();
			return !error && data.session !== null;
		}
	};
}
