import type { Op, OpResult, PullResult } from '$lib/domain/sync-protocol';

/**
 * What the engine needs from a server. The app passes the Supabase adapter (supabase-backend.ts); tests pass a
 * fake with injected faults. Every failure is thrown as a SyncTransportError so the engine can tell them apart.
 */
export interface SyncBackend {
	push(ops: readonly Op[]): Promise<OpResult[]>;
	pull(cursor: string, maxRows: number): Promise<PullResult>;
	/** Gets a fresh access token; false when that is not possible now (offline, or the session is gone). */
	refreshSession(): Promise<boolean>;
}

/**
 * How a call failed, which decides what the engine does (DECISIONS §2.5):
 * network / server → retry with backoff; unauthorized → refresh, then retry; version_skew (PGRST202, the
 * function is not there) → hold the queue until the app is updated; refused (the account itself may not sync:
 * deactivated, no hall, no privilege) → hold the queue and retry slowly, never blame the ops; client (other 4xx)
 * → dead-letter the op.
 */
export type TransportFailure = 'network' | 'server' | 'unauthorized' | 'version_skew' | 'refused' | 'client';

export class SyncTransportError extends Error {
	readonly failure: TransportFailure;
	readonly status: number;
	readonly code: string;

	constructor(failure: TransportFailure, status: number, code: string, message: string) {
		super(message);
		this.name = 'SyncTransportError';
		this.failure = failure;
		this.status = status;
		this.code = code;
	}
}

/** Sorts an HTTP answer into a failure kind; PostgREST reports a request that never arrived as status 0. */
export function classifyFailure(status: number, code: string, message = ''): TransportFailure {
	if (status === 0) return 'network';
	if (status === 404 && code === 'PGRST202') return 'version_skew';
	// PGRST301/PGRST303: the JWT was rejected or has expired.
	if (status === 401 || code === 'PGRST301' || code === 'PGRST303') return 'unauthorized';
	// The caller, not an op, is refused: not_staff (the account lost its staff row or hall) or no privilege.
	if (message === 'not_staff' || code === '42501' || status === 403) return 'refused';
	// Timeouts and rate limits are worth waiting out, like an overloaded server.
	if (status >= 500 || status === 408 || status === 429) return 'server';
	return 'client';
}
