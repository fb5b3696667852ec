import type { AssessmentBackend } from '$lib/backend/assessment';
import type { ReportFailure } from '$lib/backend/report-rpc';
import type { QuarterlyRanking } from '$lib/domain/assessment-review';

/** The quarterly ranking of one hall, read online; an answer to an earlier request that comes late is dropped. */
export class RankingScreen {
	ranking = $state.raw<QuarterlyRanking | null>(null);
	failure = $state<ReportFailure | null>(null);
	loading = $state(false);
	#asked = 0;

	constructor(readonly backend: () => Promise<AssessmentBackend>) {}

	async load(hallId: string, quarterStart: string): Promise<void> {
		const mine = ++this.#asked;
		this.loading = true;
		const result = await (await this.backend()).quarterlyRanking(hallId, quarterStart);
		if (mine !== this.#asked) return;
		this.loading = false;
		this.ranking = result.ok ? result.value : null;
		this.failure = result.ok ? null : result.reason;
	}
}
