import { hallDate } from '$lib/domain/hall-time';
import { ledgerMonth, ledgerRequest, type LedgerMonth, type LedgerRequest } from '$lib/domain/ledger';
import type { BackendClient } from './client';
import { reportCaller, unaskable, type ReportResult } from './report-rpc';

/**
 * The monthly service-quality ledger over RPC (docs/REPORTS.md, "The monthly ledger"): `public.ledger_month(hall_id,
 * month)`, computed in Postgres with the report's checks. The answer is read with `ledgerMonth` (ledger.ts); a
 * refusal is one of the reasons of ./report-rpc.ts.
 */

/** Whether the month can be asked: a hall, a real day of a month begun by the hall's today (UTC+8). */
export function isAskableMonth(request: LedgerRequest, today: string = hallDate()): boolean {
	if (!ledgerRequest.safeParse(request).success) return false;
	const day = new Date(`${request.month}T00:00:00Z`);
	return (
		!Number.isNaN(day.getTime()) &&
		day.toISOString().slice(0, 10) === request.month &&
		request.month.slice(0, 7) <= today.slice(0, 7)
	);
}

export function ledgerOver(client: () => BackendClient) {
	const call = reportCaller(client);
	return {
		/** The ledger of the month holding `request.month`. */
		ledgerMonth: async (request: LedgerRequest): Promise<ReportResult<LedgerMonth>> => {
			if (!isAskableMonth(request)) return unaskable('the request names no hall or a month not yet begun');
			return call('ledger_month', { hall_id: request.hall_id, month: request.month }, ledgerMonth);
		}
	};
}

/** `ledger_month` through the app's client, loaded on first use like the rest of Supabase. */
export async function fetchLedgerMonth(request: LedgerRequest): Promise<ReportResult<LedgerMonth>> {
	const { supabase } = await import('./client');
	return ledgerOver(supabase).ledgerMonth(request);
}
