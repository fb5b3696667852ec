import {
	staffWorkload,
	workloadRequest,
	type StaffWorkload,
	type WorkloadRequest
} from '$lib/domain/assessment';
import type { BackendClient } from './client';
import { isAskableRange, reportCaller, unaskable, type ReportResult } from './report-rpc';

/**
 * Staff workload over RPC (docs/REPORTS.md, "Staff workload"): `public.staff_workload(hall_ids, from_day, to_day)`,
 * computed in Postgres with the report's checks. The answer is read with `staffWorkload` (assessment.ts); a refusal
 * is one of the reasons of ./report-rpc.ts, a range it cannot ask refused before calling.
 */
export function staffWorkloadOver(client: () => BackendClient) {
	const call = reportCaller(client);
	return {
		staffWorkload: async (request: WorkloadRequest): Promise<ReportResult<StaffWorkload>> => {
			if (!workloadRequest.safeParse(request).success || !isAskableRange(request)) {
				return unaskable('the request names no hall or no valid range');
			}
			return call(
				'staff_workload',
				{ hall_ids: request.hall_ids, from_day: request.from, to_day: request.to },
				staffWorkload
			);
		}
	};
}

/** `staff_workload` through the app's client, loaded on first use like the rest of Supabase. */
export async function fetchStaffWorkload(request: WorkloadRequest): Promise<ReportResult<StaffWorkload>> {
	const { supabase } = await import('./client');
	return staffWorkloadOver(supabase).staffWorkload(request);
}
