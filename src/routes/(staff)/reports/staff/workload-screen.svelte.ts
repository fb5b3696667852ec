import { fetchReportHalls, type ReportableHall } from '$lib/backend/hall-report';
import type { ReportFailure } from '$lib/backend/report-rpc';
import { fetchStaffWorkload } from '$lib/backend/staff-workload';
import type { StaffWorkload, WorkloadRequest } from '$lib/domain/assessment';

/**
 * The workload screen's state: the halls the manager may see and the workload of the chosen halls and period,
 * read online (docs/REPORTS.md, "Staff workload"). An answer to an earlier request that comes late is dropped.
 */
export class WorkloadScreen {
	halls = $state.raw<ReportableHall[] | null>(null);
	workload = $state.raw<StaffWorkload | null>(null);
	failure = $state<ReportFailure | null>(null);
	loading = $state(false);
	#asked = 0;

	async loadHalls(): Promise<void> {
		this.failure = null;
		const result = await fetchReportHalls();
		if (result.ok) this.halls = result.value;
		else this.#failed(result.reason, result.detail);
	}

	async load(request: WorkloadRequest): Promise<void> {
		const mine = ++this.#asked;
		this.failure = null;
		this.loading = true;
		const result = await fetchStaffWorkload(request);
		if (mine !== this.#asked) return;
		this.loading = false;
		if (result.ok) this.workload = result.value;
		else this.#failed(result.reason, result.detail);
	}

	#failed(reason: ReportFailure, detail: string): void {
		this.failure = reason;
		this.workload = null;
		if (reason === 'unexpected') console.error('staff workload failed', detail);
	}
}
