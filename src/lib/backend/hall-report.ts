import * as z from 'zod/mini';
import {
	hallReport,
	REPORT_LIMITS,
	reportRequest,
	type HallReport,
	type ReportRequest
} from '$lib/domain/report';
import type { BackendClient } from './client';

/**
 * The managers' reports over RPC (docs/REPORTS.md): `public.report_halls()` and `public.hall_report(hall_ids,
 * from_day, to_day)`, computed in Postgres. Answers are checked with the report contract (src/lib/domain/report.ts);
 * a refusal comes back as one of four reasons the screen says in Chinese:
 * - `forbidden`: not an active manager, or a hall the caller may not report on (`report_forbidden`, 42501);
 * - `invalid_range`: no hall, `to` before `from` or longer than REPORT_LIMITS.maxDays (`report_invalid_range`,
 *   22023), also decided here before asking, so it holds offline;
 * - `network`: offline, no answer in time, or the request never reached the server;
 * - `unexpected`: anything else (a server error, an answer of another shape), with the detail for the log.
 */

export type ReportFailure = 'forbidden' | 'invalid_range' | 'network' | 'unexpected';
export type ReportResult<T> = { ok: true; value: T } | { ok: false; reason: ReportFailure; detail: string };

export const reportableHall = z.object({
	id: z.uuid(),
	name: z.string(),
	kind: z.enum(['district_center', 'street_station'])
});
export type ReportableHall = z.infer<typeof reportableHall>;

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

/** Whether the request can be asked at all: a hall, real days, `from` … `to` within REPORT_LIMITS.maxDays. */
export function isAskableRange(request: ReportRequest): boolean {
	if (!reportRequest.safeParse(request).success) return false;
	const from = Date.parse(`${request.from}T00:00:00Z`);
	const to = Date.parse(`${request.to}T00:00:00Z`);
	return (
		Number.isFinite(from) && Number.isFinite(to) && to >= from && (to - from) / DAY_MS < REPORT_LIMITS.maxDays
	);
}

export function hallReportsOver(client: () => BackendClient) {
	async function call<T>(fn: string, args: object, schema: z.ZodMiniType<T>): Promise<ReportResult<T>> {
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
	}

	return {
		/** The halls the signed-in manager may report on, their own first. */
		reportHalls: (): Promise<ReportResult<ReportableHall[]>> =>
			call('report_halls', {}, z.array(reportableHall)),

		/** One report of the request's halls and days. */
		hallReport: async (request: ReportRequest): Promise<ReportResult<HallReport>> => {
			if (!isAskableRange(request)) {
				return { ok: false, reason: 'invalid_range', detail: 'the request names no hall or no valid range' };
			}
			return call(
				'hall_report',
				{ hall_ids: request.hall_ids, from_day: request.from, to_day: request.to },
				hallReport
			);
		}
	};
}

async function appClient(): Promise<ReturnType<typeof hallReportsOver>> {
	const { supabase } = await import('./client');
	return hallReportsOver(supabase);
}

/** `hall_report` through the app's client, loaded on first use like the rest of Supabase. */
export async function fetchHallReport(request: ReportRequest): Promise<ReportResult<HallReport>> {
	return (await appClient()).hallReport(request);
}

/** `report_halls` through the app's client. */
export async function fetchReportHalls(): Promise<ReportResult<ReportableHall[]>> {
	return (await appClient()).reportHalls();
}
