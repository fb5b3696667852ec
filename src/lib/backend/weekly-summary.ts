import * as z from 'zod/mini';
import {
	hallWeeklySummaries,
	weeklySummary,
	type HallWeeklySummaries,
	type SummaryText,
	type WeeklySummary
} from '$lib/domain/weekly-summary';
import type { BackendClient } from './client';
import { reportCaller, type ReportResult } from './report-rpc';

/**
 * Weekly summaries over RPC (docs/REPORTS.md, "Staff assessment"): one's own week, written and read back, and for a
 * manager the hall's week and a comment on a colleague's. Refusals are the reports' reasons (./report-rpc.ts).
 */
export function weeklySummaryOver(client: () => BackendClient) {
	const call = reportCaller(client);
	const orNull = (text: string): string | null => text.trim() || null;
	return {
		mine: (week: string): Promise<ReportResult<WeeklySummary | null>> =>
			call('my_weekly_summary', { week }, z.nullable(weeklySummary)),

		save: (week: string, texts: Record<SummaryText, string>): Promise<ReportResult<WeeklySummary>> =>
			call(
				'save_weekly_summary',
				{
					week,
					done: texts.done.trim(),
					problems: orNull(texts.problems),
					next_week: orNull(texts.next_week)
				},
				weeklySummary
			),

		hallWeek: (hallId: string, week: string): Promise<ReportResult<HallWeeklySummaries>> =>
			call('weekly_summaries', { hall_id: hallId, week }, hallWeeklySummaries),

		comment: (staffId: string, week: string, comment: string): Promise<ReportResult<WeeklySummary>> =>
			call('comment_weekly_summary', { staff_id: staffId, week, comment: comment.trim() }, weeklySummary)
	};
}

export type WeeklySummaryBackend = ReturnType<typeof weeklySummaryOver>;

/** The calls through the app's client, loaded on first use like the rest of Supabase. */
export async function appWeeklySummaries(): Promise<WeeklySummaryBackend> {
	const { supabase } = await import('./client');
	return weeklySummaryOver(supabase);
}
