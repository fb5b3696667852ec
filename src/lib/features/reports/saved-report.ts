import * as z from 'zod/mini';
import { REPORT_STORAGE_PREFIX } from '$lib/backend/user-storage';
import { hallReport, type HallReport } from '$lib/domain/report';

/**
 * The last report a manager opened, kept on the device so it stays readable offline (a hall corner without
 * Wi-Fi, a meeting room): one per user, in localStorage. Figures of the hall only, no applicant's data. Another
 * user's saved report is dropped when this screen opens, and a report kept in another shape is never shown.
 */
const PREFIX = REPORT_STORAGE_PREFIX; // forgotten at sign-out with the user's other keys

const savedReport = z.object({ saved_at: z.string(), report: hallReport });
export type SavedReport = z.infer<typeof savedReport>;

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const defaultStore = (): KeyValueStore | undefined => globalThis.localStorage;

/** Keeps `report` as this user's last one; a full storage only loses the offline copy. */
export function keepReport(
	userId: string,
	report: HallReport,
	now: Date = new Date(),
	store: KeyValueStore | undefined = defaultStore()
): SavedReport {
	const saved = { saved_at: now.toISOString(), report };
	try {
		store?.setItem(PREFIX + userId, JSON.stringify(saved));
	} catch (error) {
		console.warn('the report could not be kept for offline reading', error);
	}
	return saved;
}

export function recallReport(
	userId: string,
	store: KeyValueStore | undefined = defaultStore()
): SavedReport | null {
	const stored = store?.getItem(PREFIX + userId);
	if (!stored) return null;
	try {
		const parsed = savedReport.safeParse(JSON.parse(stored));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

/** Drops the reports other users left on this device (they signed out, or handed the device over). */
export function forgetOthersReports(userId: string, store: KeyValueStore | undefined = defaultStore()): void {
	if (!store) return;
	const others: string[] = [];
	for (let index = 0; index < store.length; index++) {
		const key = store.key(index);
		if (key?.startsWith(PREFIX) && key !== PREFIX + userId) others.push(key);
	}
	for (const key of others) store.removeItem(key);
}
