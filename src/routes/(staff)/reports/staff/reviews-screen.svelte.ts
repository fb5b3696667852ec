import type { AssessmentBackend, ReviewInput } from '$lib/backend/assessment';
import type { ReportFailure } from '$lib/backend/report-rpc';
import type { MonthlyReviews } from '$lib/domain/assessment-review';
import type { WeightPart } from '$lib/domain/assessment-review';

/**
 * A hall's month of reviews (月评) and its weights, read online; a saved review or new weights re-read the month,
 * so the list is always the server's. A failed save leaves the form as typed (the component keeps its fields).
 */
export class ReviewsScreen {
	month = $state.raw<MonthlyReviews | null>(null);
	failure = $state<ReportFailure | null>(null);
	loading = $state(false);
	#asked = 0;
	#hallId = '';
	#day = '';

	constructor(readonly backend: () => Promise<AssessmentBackend>) {}

	async load(hallId: string, day: string): Promise<void> {
		const mine = ++this.#asked;
		this.#hallId = hallId;
		this.#day = day;
		this.loading = true;
		const result = await (await this.backend()).monthlyReviews(hallId, day);
		if (mine !== this.#asked) return;
		this.loading = false;
		if (result.ok) {
			this.month = result.value;
			this.failure = null;
		} else {
			this.month = null;
			this.failure = result.reason;
		}
	}

	/** Saves a review; the failure's reason, or null once the server took it and the month is read again. */
	async save(review: ReviewInput): Promise<ReportFailure | null> {
		const result = await (await this.backend()).saveReview(review);
		if (!result.ok) return result.reason;
		await this.load(this.#hallId, this.#day);
		return null;
	}

	async setWeights(weights: Record<WeightPart, number>): Promise<ReportFailure | null> {
		const result = await (await this.backend()).setWeights(this.#hallId, weights);
		if (!result.ok) return result.reason;
		await this.load(this.#hallId, this.#day);
		return null;
	}
}
