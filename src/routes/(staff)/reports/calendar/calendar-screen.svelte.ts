import type { ReportFailure, ReportResult } from '$lib/backend/report-rpc';
import type { CalendarDay } from '$lib/domain/hall-calendar';

/** What the screen asks of the server (src/lib/backend/hall-calendar.ts), passed in so a test can stand in. */
export interface CalendarBackend {
	yearDays(year: number): Promise<ReportResult<CalendarDay[]>>;
	setDay(day: string, open: boolean, note: string): Promise<ReportResult<unknown>>;
}

/**
 * The calendar screen's state: one year's exceptions, read online, and the result of the last change. A change
 * re-reads the year, so the list is always the server's; a failed one leaves the form as it was (the page keeps
 * what was typed).
 */
export class CalendarScreen {
	year = $state(0);
	days = $state<CalendarDay[] | null>(null);
	loading = $state(false);
	failure = $state<ReportFailure | null>(null);
	saving = $state(false);
	#asked = 0;

	constructor(
		readonly backend: () => Promise<CalendarBackend>,
		year: number
	) {
		this.year = year;
	}

	async load(year: number = this.year): Promise<void> {
		const asked = ++this.#asked;
		this.year = year;
		this.loading = true;
		const result = await (await this.backend()).yearDays(year);
		// A later year asked meanwhile wins: its answer is the one on screen.
		if (asked !== this.#asked) return;
		this.loading = false;
		if (result.ok) {
			this.days = result.value;
			this.failure = null;
		} else {
			this.failure = result.reason;
		}
	}

	/** Records a day (or sets it back to the plain week); true when the server took it. */
	async set(day: string, open: boolean, note: string): Promise<boolean> {
		this.saving = true;
		try {
			const result = await (await this.backend()).setDay(day, open, note);
			if (!result.ok) {
				this.failure = result.reason;
				return false;
			}
			this.failure = null;
			await this.load(Number(day.slice(0, 4)));
			return true;
		} finally {
			this.saving = false;
		}
	}
}
