import {
	fetchHallReport,
	fetchReportHalls,
	type ReportFailure,
	type ReportableHall
} from '$lib/backend/hall-report';
import type { HallReport, ReportRequest } from '$lib/domain/report';
import { forgetOthersReports, keepReport, recallReport } from '$lib/features/reports/saved-report';

/** What the screen shows: the report asked for, or the one kept on the device (`savedAt`) while offline. */
export interface ShownReport {
	report: HallReport;
	savedAt: string | null;
}

/**
 * The report screen's state: the halls the manager may report on, the report of the chosen halls and period,
 * and, when the network fails, the last report this user opened, kept on the device.
 */
export class ReportScreen {
	halls = $state.raw<ReportableHall[] | null>(null);
	shown = $state.raw<ShownReport | null>(null);
	failure = $state<ReportFailure | null>(null);
	loading = $state(false);
	readonly #userId: string;
	/** Each request; an answer to an earlier one that comes late is dropped. */
	#asked = 0;

	constructor(userId: string) {
		this.#userId = userId;
		forgetOthersReports(userId);
	}

	async loadHalls(): Promise<void> {
		this.failure = null;
		this.loading = true;
		const result = await fetchReportHalls();
		if (result.ok) {
			this.halls = result.value;
			// A manager always has their own hall; were the list ever empty, there would be no report to wait for.
			if (result.value.length === 0) this.loading = false;
		} else {
			this.loading = false;
			this.#failed(result.reason, result.detail);
		}
	}

	async load(request: ReportRequest): Promise<void> {
		const mine = ++this.#asked;
		this.failure = null;
		this.loading = true;
		const result = await fetchHallReport(request);
		if (mine !== this.#asked) return;
		this.loading = false;
		if (result.ok) {
			keepReport(this.#userId, result.value);
			this.shown = { report: result.value, savedAt: null };
		} else {
			this.#failed(result.reason, result.detail);
		}
	}

	#failed(reason: ReportFailure, detail: string): void {
		this.failure = reason;
		if (reason === 'unexpected') console.error('report failed', detail);
		if (reason !== 'network') {
			this.shown = null;
			return;
		}
		const saved = recallReport(this.#userId);
		this.shown = saved ? { report: saved.report, savedAt: saved.saved_at } : null;
	}
}
