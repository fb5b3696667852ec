import { fetchReportHalls, type ReportableHall } from '$lib/backend/hall-report';
import { appLedger, type LedgerFailure, type LedgerResult } from '$lib/backend/ledger';
import type { ReportFailure } from '$lib/backend/report-rpc';
import type { LedgerMonth } from '$lib/domain/ledger';

/**
 * The ledger screen's state: the halls the manager may see (report_halls, own first), the month's ledger, read
 * online (a ledger is the server's computation; nothing of it is kept on the device), and the manager's changes to
 * the month (closing, reopening, manual items), whose answer is the month's ledger as it then is. A later month or hall asked
 * meanwhile wins.
 */
export class LedgerScreen {
	halls = $state<ReportableHall[] | null>(null);
	ledger = $state<LedgerMonth | null>(null);
	loading = $state(false);
	failure = $state<ReportFailure | null>(null);
	/** A change under way, and why the last one was refused (the form keeps what was typed). */
	changing = $state(false);
	changeFailure = $state<LedgerFailure | null>(null);
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
		this.changeFailure = null;
		const result = await (await appLedger()).ledgerMonth({ hall_id: hallId, month: `${month}-01` });
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

	/** Closes the month shown; true when the server did. */
	async close(): Promise<boolean> {
		const ledger = this.ledger;
		if (!ledger) return false;
		return this.#change((api) => api.closeMonth({ hall_id: ledger.hall.id, month: ledger.month }));
	}

	/** Reopens the month shown with `reason`; true when the server did (and recorded it). */
	async reopen(reason: string): Promise<boolean> {
		const ledger = this.ledger;
		if (!ledger) return false;
		return this.#change((api) => api.reopenMonth({ hall_id: ledger.hall.id, month: ledger.month }, reason));
	}

	/** Adds a manual item to the month shown; true when the server took it. */
	async addItem(points: number, note: string): Promise<boolean> {
		const ledger = this.ledger;
		if (!ledger) return false;
		return this.#change((api) => api.addItem({ hall_id: ledger.hall.id, month: ledger.month }, points, note));
	}

	/** Removes a manual item of the month shown; true when the server did. */
	async removeItem(itemId: string): Promise<boolean> {
		return this.#change((api) => api.removeItem(itemId));
	}

	async #change(
		call: (api: Awaited<ReturnType<typeof appLedger>>) => Promise<LedgerResult<LedgerMonth>>
	): Promise<boolean> {
		const asked = this.#asked;
		this.changing = true;
		this.changeFailure = null;
		try {
			const result = await call(await appLedger());
			if (!result.ok) {
				const shown = this.ledger;
				// Another manager closed or reopened it meanwhile: show the month as it now is, with the reason.
				if (shown && (result.reason === 'month_closed' || result.reason === 'month_open')) {
					await this.load(shown.hall.id, shown.month.slice(0, 7));
				}
				this.changeFailure = result.reason;
				return false;
			}
			// The month shown may have changed meanwhile: its own load answers then.
			if (asked === this.#asked) this.ledger = result.value;
			return true;
		} finally {
			this.changing = false;
		}
	}
}
