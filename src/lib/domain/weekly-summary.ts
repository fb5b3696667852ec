import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { staffPost } from './staff-directory';

/**
 * Weekly summaries (周结, docs/REPORTS.md "Staff assessment"): each staff member's own summary of a week (done,
 * problems, next week) and their manager's comment, kept in Postgres (supabase/migrations/*_weekly_summaries.sql) and
 * read online. Weeks are named by their Monday (hall days, `YYYY-MM-DD`).
 */

/** app.weekly_summary_rules() on the server; the integration test compares the two. */
export const WEEKLY_SUMMARY_RULES = { textMax: 500, commentMax: 200 } as const;

export const SUMMARY_TEXTS = ['done', 'problems', 'next_week'] as const;
export type SummaryText = (typeof SUMMARY_TEXTS)[number];

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const weeklySummary = lazySchema(() =>
	z.object({
		week: day,
		done: z.string(),
		problems: z.nullable(z.string()),
		next_week: z.nullable(z.string()),
		updated_at: z.string(),
		manager_comment: z.nullable(z.string()),
		commented_by_name: z.nullable(z.string()),
		commented_at: z.nullable(z.string())
	})
);
export type WeeklySummary = z.infer<typeof weeklySummary>;

/** `weekly_summaries(hall_id, week)`: the hall's staff but managers, each with the week's summary or null. */
export const hallWeeklySummaries = lazySchema(() =>
	z.object({
		hall_id: z.uuid(),
		week: day,
		staff: z.array(
			z.object({ staff_id: z.uuid(), name: z.string(), post: staffPost, summary: z.nullable(weeklySummary) })
		)
	})
);
export type HallWeeklySummaries = z.infer<typeof hallWeeklySummaries>;

export type SummaryProblem = 'missing' | 'long';

/** What is wrong with each typed text: "done" is required, every text at most textMax characters once trimmed. */
export function summaryProblems(
	typed: Record<SummaryText, string>
): Partial<Record<SummaryText, SummaryProblem>> {
	const problems: Partial<Record<SummaryText, SummaryProblem>> = {};
	for (const text of SUMMARY_TEXTS) {
		const trimmed = typed[text].trim();
		if (text === 'done' && trimmed === '') problems[text] = 'missing';
		else if ([...trimmed].length > WEEKLY_SUMMARY_RULES.textMax) problems[text] = 'long';
	}
	return problems;
}

/** The Monday of the week holding a hall day. */
export function mondayOf(isoDay: string): string {
	const date = new Date(`${isoDay}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
	return date.toISOString().slice(0, 10);
}
