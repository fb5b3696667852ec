import * as z from 'zod/mini';
import { hallReport, reportRequest, type HallReport, type ReportRequest } from '$lib/domain/report';
import type { BackendClient } from './client';
import {
	isAskableRange as isAskableReportRange,
	reportCaller,
	unaskable,
	type ReportResult
} from './report-rpc';

export { reportFailure, type ReportFailure, type ReportResult } from './report-rpc';

/**
 * The managers' reports over RPC (docs/REPORTS.md): `public.report_halls()` and `public.hall_report(hall_ids,
 * from_day, to_day)`, computed in Postgres. Answers are checked with the report contract (src/lib/domain/report.ts);
 * a refusal is one of the reasons of ./report-rpc.ts (`forbidden`, `invalid_range`, `network`, `unexpected`).
 */

export const reportableHall = z.object({
	id: z.uuid(),
	name: z.string(),
	kind: z.enum(['district_center', 'street_station'])
});
export type ReportableHall = z.infer<typeof reportableHall>;

/** Whether the request can be asked at all: a hall, real days, `from` … `to` within REPORT_LIMITS.maxDays. */
export function isAskableRange(request: ReportRequest): boolean {
	return reportRequest.safeParse(request).success && isAskableReportRange(request);
}

export function hallReportsOver(client: () => BackendClient) {
	const call = reportCaller(client);

	return {
		/** The halls the signed-in manager may report on, their own first. */
		reportHalls: (): Promise<ReportResult<ReportableHall[]>> =>
			call('report_halls', {}, z.array(reportableHall)),

		/** One report of the request's halls and days. */
		hallReport: async (request: ReportRequest): Promise<ReportResult<HallReport>> => {
			if (!isAskableRange(request)) {
				return unaskable('the request names no hall or no valid range');
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
