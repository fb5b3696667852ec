import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { staffPost } from './staff-directory';

/**
 * Staff assessment beyond the rows (docs/REPORTS.md, "Staff assessment"): the manager's monthly scores of what the
 * data cannot show (月评: the district office's rating, business skill, attendance), each hall's weights, and the
 * quarterly ranking (季度考), all kept and computed in Postgres (supabase/migrations/*_assessment_reviews.sql,
 * *_quarterly_ranking.sql). This file is the client's one definition of their limits and answers; the form checks
 * a review and the weights with the same rules before sending, so a refusal is said offline too.
 */

/** app.assessment_rules() on the server; the integration test compares the two. */
export const ASSESSMENT_RULES = {
	/** Scores go from 0 to this, with at most one decimal. */
	scoreMax: 100,
	commentMax: 200,
	/** The weights are whole numbers summing to this. */
	weightTotal: 100,
	defaultWeights: { workload: 40, district_rating: 20, skill: 20, attendance: 20 }
} as const;

export const REVIEW_SCORES = ['district_rating', 'skill', 'attendance'] as const;
export type ReviewScore = (typeof REVIEW_SCORES)[number];
export const WEIGHT_PARTS = ['workload', ...REVIEW_SCORES] as const;
export type WeightPart = (typeof WEIGHT_PARTS)[number];

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const score = z.number().check(z.minimum(0), z.maximum(ASSESSMENT_RULES.scoreMax));
const weight = z.int().check(z.minimum(0), z.maximum(ASSESSMENT_RULES.weightTotal));

export const assessmentWeights = lazySchema(() =>
	z.object({
		workload: weight,
		district_rating: weight,
		skill: weight,
		attendance: weight,
		/** True while the hall's manager has set none: the defaults above. */
		is_default: z.boolean(),
		updated_by_name: z.nullable(z.string())
	})
);
export type AssessmentWeights = z.infer<typeof assessmentWeights>;

export const monthlyReview = lazySchema(() =>
	z.object({
		district_rating: score,
		skill: score,
		attendance: score,
		comment: z.nullable(z.string()),
		reviewed_by_name: z.string(),
		updated_at: z.string()
	})
);
export type MonthlyReview = z.infer<typeof monthlyReview>;

/** What `save_monthly_review` answers: the review as stored. */
export const savedReview = z.extend(monthlyReview, { staff_id: z.uuid(), month: day });

/** `monthly_reviews(hall_id, month)`: the hall's staff but managers, each with the month's review or null. */
export const monthlyReviews = lazySchema(() =>
	z.object({
		hall_id: z.uuid(),
		/** The month's first day. */
		month: day,
		weights: assessmentWeights,
		staff: z.array(
			z.object({
				staff_id: z.uuid(),
				name: z.string(),
				post: staffPost,
				active: z.boolean(),
				review: z.nullable(monthlyReview)
			})
		)
	})
);
export type MonthlyReviews = z.infer<typeof monthlyReviews>;

export const rankingRow = lazySchema(() =>
	z.object({
		staff_id: z.uuid(),
		name: z.string(),
		post: staffPost,
		/** Business volume over the quarter (workloadTotal of assessment.ts, summed by the server). */
		workload_total: z.int().check(z.minimum(0)),
		/** 100 × workload_total / the hall's highest, one decimal. */
		workload_score: score,
		/** Averages of the quarter's monthly reviews, one decimal; null without a review. */
		district_rating: z.nullable(score),
		skill: z.nullable(score),
		attendance: z.nullable(score),
		reviewed_months: z.int().check(z.minimum(0), z.maximum(3)),
		/** The weighted total, two decimals; a missing average counts 0. */
		total: score,
		/** 1 is first; ties share a rank. */
		rank: z.int().check(z.minimum(1)),
		/** Ranked last (约谈): the lowest rank, with someone above. */
		last: z.boolean(),
		/** Last in the previous quarter too. */
		again: z.boolean()
	})
);
export type RankingRow = z.infer<typeof rankingRow>;

export const quarterlyRanking = lazySchema(() =>
	z.object({
		hall_id: z.uuid(),
		hall_name: z.string(),
		quarter_start: day,
		quarter_end: day,
		/** False while the quarter runs: the figures are so far. */
		complete: z.boolean(),
		weights: assessmentWeights,
		top_workload: z.int().check(z.minimum(0)),
		generated_at: z.string(),
		/** By rank, then name. */
		staff: z.array(rankingRow)
	})
);
export type QuarterlyRanking = z.infer<typeof quarterlyRanking>;

export type ScoreProblem = 'missing' | 'not_number' | 'range' | 'decimals';

/** What is wrong with a typed score, or null: a number from 0 to scoreMax with at most one decimal. */
export function scoreProblem(typed: string): ScoreProblem | null {
	const text = typed.trim();
	if (text === '') return 'missing';
	if (!/^\d+(\.\d+)?$/.test(text)) return 'not_number';
	if (Number(text) > ASSESSMENT_RULES.scoreMax) return 'range';
	if (!/^\d+(\.\d)?$/.test(text)) return 'decimals';
	return null;
}

/** Whether a comment fits: at most commentMax characters once trimmed (an empty one is none). */
export function commentTooLong(comment: string): boolean {
	return [...comment.trim()].length > ASSESSMENT_RULES.commentMax;
}

export type WeightsProblem = 'not_whole' | 'total';

/** What is wrong with typed weights, or null: whole numbers 0–100 that sum to weightTotal. */
export function weightsProblem(typed: Record<WeightPart, string>): WeightsProblem | null {
	const values = WEIGHT_PARTS.map((part) => typed[part].trim());
	if (values.some((value) => !/^\d{1,3}$/.test(value) || Number(value) > ASSESSMENT_RULES.weightTotal)) {
		return 'not_whole';
	}
	const sum = values.reduce((total, value) => total + Number(value), 0);
	return sum === ASSESSMENT_RULES.weightTotal ? null : 'total';
}
