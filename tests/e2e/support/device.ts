import type { Page } from '@playwright/test';

/** Ops still in the device's outbox (read from IndexedDB itself, not from what a screen shows). */
export function outboxCount(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('hall-assist');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(new Error(String(request.error)));
		});
		const count = await new Promise<number>((resolve) => {
			const all = db.transaction('outbox').objectStore('outbox').count();
			all.onsuccess = () => resolve(all.result);
		});
		db.close();
		return count;
	});
}
