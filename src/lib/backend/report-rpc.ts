import type * as z from 'zod/mini';
import { REPORT_LIMITS } from '$lib/domain/report';
import type { BackendClient } from './client';

/**
 * What the managers' computed calls share (the report, staff workload, the monthly ledger; docs/REPORTS.md): one
 * RPC with a timeout, the answer read with the call's contract, and a refusal as one of four reasons the screens
 * say in Chinese:
 * - `forbidden`: not an active manager, or a hall the caller may not report on (`report_forbidden`, 42501);
 * - `invalid_range`: no hall, a range `to` before `from` or longer than REPORT_LIMITS.maxDays, a month to come
 *   (`report_invalid_range`, 22023), also decided by the callers before asking, so it holds offline;
 * - `network`: offline, no answer in time, or the request never reached the server;
 * - `unexpected`: anything else (a server error, an answer of another shape), with the detail for the log.
 */

export type ReportFailure = 'forbidden' | 'invalid_range' | 'network' | 'unexpected';
export type ReportResult<T> = { ok: true; value: T } | { ok: false; reason: ReportFailure; detail: string };

/** A year of a hall's rows takes the server well under a second; past this the phone's network is the problem. */
const REPORT_WAIT_MS = 15_000;
/** PostgREST reports a fetch that never reached the server as status 0. */
const NETWORK_STATUS = 0;

/** The reason of a failed call, from PostgREST's status and the error's code and message. */
export function reportFailure(status: number, code: string, message: string): ReportFailure {
	if (status === NETWORK_STATUS) return 'network';
	if (message === 'report_forbidden') return 'forbidden';
	if (message === 'report_invalid_range') return 'invalid_range';
	// A 504 is the gateway giving up waiting for a database slot: try again, as after a network failure.
	return status === 504 || code === 'PGRST003' ? 'network' : 'unexpected';
}

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a range can be asked at all: a hall, real days, `from` … `to` within REPORT_LIMITS.maxDays. */
export function isAskableRange(request: { hall_ids: readonly string[]; from: string; to: string }): boolean {
	if (request.hall_ids.length === 0 || !DAY.test(request.from) || !DAY.test(request.to)) return false;
	const from = Date.parse(`${request.from}T00:00:00Z`);
	const to = Date.parse(`${request.to}T00:00:00Z`);
	return (
		Number.isFinite(from) && Number.isFinite(to) && to >= from && (to - from) / DAY_MS < REPORT_LIMITS.maxDays
	);
}

/** The refusal of a request the client will not send. */
export const unaskable = (detail: string): ReportResult<never> => ({
	ok: false,
	reason: 'invalid_range',
	detail
});

/** Calls one function through `client` and reads its answer with `schema`. */
export function reportCaller(client: () => BackendClient) {
	return async function call<T>(
		fn: string,
		args: object,
		schema: z.ZodMiniType<T>
	): Promise<ReportResult<T>> {
		if (globalThis.navigator?.onLine === false) return { ok: false, reason: 'network', detail: 'offline' };
		let response;
		try {
			response = await client().rpc(fn, args).abortSignal(AbortSignal.timeout(REPORT_WAIT_MS));
		} catch (error) {
			return { ok: false, reason: 'network', detail: String(error) };
		}
		const { error, status } = response;
		if (error) {
			return {
				ok: false,
				reason: reportFailure(status, error.code, error.message),
				detail: `${error.code}: ${error.message}`
			};
		}
		// Untyped client: the answer stays unknown until the contract has read it.
		const data: unknown = response.data;
		const parsed = schema.safeParse(data);
		if (!parsed.success)
			return { ok: false, reason: 'unexpected', detail: `${fn} answered an unexpected shape` };
		return { ok: true, value: parsed.data };
	};
}
