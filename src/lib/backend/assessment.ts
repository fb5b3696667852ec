import {
	assessmentWeights,
	monthlyReviews,
	quarterlyRanking,
	savedReview,
	type AssessmentWeights,
	type MonthlyReviews,
	type QuarterlyRanking,
	type WeightPart
} from '$lib/domain/assessment-review';
import type { BackendClient } from './client';
import { reportCaller, type ReportResult } from './report-rpc';

/**
 * Staff assessment over RPC (docs/REPORTS.md, "Staff assessment"): a hall's month of reviews and a manager's review
 * of a colleague (月评), the hall's ranking weights, and the quarterly ranking (季度考). Refusals are the reports'
 * reasons (./report-rpc.ts); the screens check a review and the weights before sending (assessment-review.ts).
 */
export interface ReviewInput {
	staff_id: string;
	/** Any day of the month. */
	month: string;
	district_rating: number;
	skill: number;
	attendance: number;
	comment: string;
}

export function assessmentOver(client: () => BackendClient) {
	const call = reportCaller(client);
	return {
		monthlyReviews: (hallId: string, month: string): Promise<ReportResult<MonthlyReviews>> =>
			call('monthly_reviews', { hall_id: hallId, month }, monthlyReviews),

		saveReview: (review: ReviewInput): Promise<ReportResult<unknown>> =>
			call('save_monthly_review', { ...review, comment: review.comment.trim() || null }, savedReview),

		setWeights: (
			hallId: string,
			weights: Record<WeightPart, number>
		): Promise<ReportResult<AssessmentWeights>> =>
			call('set_assessment_weights', { hall_id: hallId, ...weights }, assessmentWeights),

		quarterlyRanking: (hallId: string, quarterStart: string): Promise<ReportResult<QuarterlyRanking>> =>
			call('quarterly_ranking', { hall_id: hallId, quarter_start: quarterStart }, quarterlyRanking)
	};
}

export type AssessmentBackend = ReturnType<typeof assessmentOver>;

/** The calls through the app's client, loaded on first use like the rest of Supabase. */
export async function appAssessment(): Promise<AssessmentBackend> {
	const { supabase } = await import('./client');
	return assessmentOver(supabase);
}
