import { fetchReportHalls, type ReportableHall } from '$lib/backend/hall-report';
import { fetchLedgerMonth } from '$lib/backend/ledger';
import type { ReportFailure } from '$lib/backend/report-rpc';
import type { LedgerMonth } from '$lib/domain/ledger';

/**
 * The ledger screen's state: the halls the manager may see (report_halls, own first) and the month's ledger,
 * read online (a ledger is the server's computation; nothing of it is kept on the device). A later month or hall
 * asked meanwhile wins.
 */
export class LedgerScreen {
	halls = $state<ReportableHall[] | null>(null);
	ledger = $state<LedgerMonth | null>(null);
	loading = $state(false);
	failure = $state<ReportFailure | null>(null);
	#asked = 0;

	async loadHalls(): Promise<void> {
		const result = await fetchReportHalls();
		if (result.ok) {
			this.halls = result.value;
			this.failure = null;
		} else {
			this.failure = result.reason;
		}
	}

	/** The ledger of `hallId`'s month `month` (`YYYY-MM`). */
	async load(hallId: string, month: string): Promise<void> {
		const asked = ++this.#asked;
		this.loading = true;
		const result = await fetchLedgerMonth({ hall_id: hallId, month: `${month}-01` });
		if (asked !== this.#asked) return;
		this.loading = false;
		if (result.ok) {
			this.ledger = result.value;
			this.failure = null;
		} else {
			this.ledger = null;
			this.failure = result.reason;
		}
	}
}
