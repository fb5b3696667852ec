import { hallDate } from '../../src/lib/domain/hall-time';
import { LOCAL_SUPABASE_ANON_KEY } from '../../src/lib/backend/local-stack';
import { expect, signIn, test, waitForServiceWorkerControl, zh, type Page } from './fixtures';
import { localServiceRoleKey } from '../../supabase/local/config';
import { E2E_GATEWAY_URL } from './ports';
import { expectStatus, izh, reportFromHome, uniquePlace } from './support/incidents';
import { cameraJpeg } from './support/photos';
import { serverRecord } from './support/server-view';

// A shared tablet changes hands at the end of a shift. What one person did must reach the server under their name,
// nobody may act as them, and nothing of their work may stay readable on the device once it is no longer needed.
// Accounts used only here, so signing out cannot disturb other tests.
const FIRST = { email: 'zhouting@demo.hall', name: '周婷', userId: 'd0000000-0000-4000-8000-000000000008' };
const NEXT = { email: 'zhengxue@demo.hall', name: '郑雪' };
const OTHER = { email: 'hejia@demo.hall', name: '何佳' };

interface DeviceContents {
	rows: Record<string, number>;
	syncState: unknown;
	storageKeys: string[];
}

/** Everything of the app this device keeps: row counts of every IndexedDB table, the sync state, localStorage. */
function deviceContents(page: Page): Promise<DeviceContents> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('hall-assist');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(new Error(String(request.error)));
		});
		const rows: Record<string, number> = {};
		let syncState: unknown = null;
		for (const name of Array.from(db.objectStoreNames)) {
			const store = db.transaction(name).objectStore(name);
			rows[name] = await new Promise<number>((resolve) => {
				const count = store.count();
				count.onsuccess = () => resolve(count.result);
			});
			if (name === 'sync_state') {
				syncState = await new Promise((resolve) => {
					const read = store.get('state');
					read.onsuccess = () => resolve(read.result as unknown);
				});
			}
		}
		db.close();
		return {
			rows,
			syncState,
			storageKeys: Object.keys(localStorage).filter((key) => key.startsWith('hall-assist.'))
		};
	});
}

async function openTicket(page: Page, ticketNo: string): Promise<void> {
	await page.goto('/tickets/scan');
	await page.getByLabel(zh['scan.manualLabel']).fill(ticketNo);
	await page.getByTestId('manual-submit').click();
	await expect(page.getByTestId('record-ticket')).toHaveText(ticketNo);
}

test('signing out with nothing left to send leaves nothing of the person on the device', async ({ page }) => {
	await signIn(page, OTHER.email);
	await openTicket(page, 'H701');
	await page.getByTestId('add-event-note').click();
	await page.getByLabel(zh['record.noteLabel']).fill('申请人残疾证复印件已核验');
	await page.getByTestId('note-form').getByRole('button', { name: zh['record.save'] }).click();
	await expect(page.getByTestId('timeline-event').last()).toHaveAttribute('data-pending', 'false', {
		timeout: 20_000
	});

	await page.goto('/');
	await page.getByTestId('sign-out').click();
	await expect(page).toHaveURL(/\/login$/);
	const left = await deviceContents(page);
	// Every table of every workflow (the hall's catalog included) is empty; only the device's sync state stays.
	expect(left.rows).toMatchObject({
		outbox: 0,
		rejected: 0,
		service_records: 0,
		service_items: 0,
		sync_state: 1
	});
	expect(Object.entries(left.rows).filter(([table, count]) => table !== 'sync_state' && count > 0)).toEqual(
		[]
	);
	// No one's data: an empty engine state, and no actor row (sync_state holds one row).
	expect(left.syncState).toMatchObject({ user_id: null, cursor: '0' });
	// The language choice stays (it is the device's, not the person's); no session, profile or parked session.
	expect(left.storageKeys.filter((key) => key !== 'hall-assist.locale')).toEqual([]);
});

test('hand-over: unsent work uploads under its author while the next person works, who never sees it or acts as them', async ({
	page,
	context,
	request
}) => {
	test.setTimeout(120_000);
	await signIn(page, FIRST.email);
	await waitForServiceWorkerControl(page);

	// The Wi-Fi drops; the first person opens a ticket and records a step, then their shift ends.
	await context.setOffline(true);
	await openTicket(page, 'H702');
	await page.getByTestId('add-event-consult').click();
	await expect(page.getByTestId('timeline-event')).toHaveAttribute('data-pending', 'true');
	await page.goto('/');
	await page.getByTestId('sign-out').click();
	await expect(page.getByTestId('hand-over-pending')).toContainText('2');
	await page.getByTestId('hand-over-confirm').click();
	await expect(page).toHaveURL(/\/login$/);

	// Still offline: no sign-in and none of the hall's rows are left, only their queued work and parked session.
	const handedOver = await deviceContents(page);
	expect(handedOver.rows).toMatchObject({ outbox: 2, service_records: 0, service_record_events: 0 });
	expect(handedOver.storageKeys.filter((key) => key !== 'hall-assist.locale')).toEqual([
		`hall-assist.parked.${FIRST.userId}`
	]);
	const parked = JSON.parse(
		(await page.evaluate((key) => localStorage.getItem(key), `hall-assist.parked.${FIRST.userId}`)) ?? 'null'
	) as { refresh_token: string } | null;
	expect(parked?.refresh_token).toBeTruthy();

	// The next person signs in when the network is back; the first person's work goes up under their own name.
	await context.setOffline(false);
	await signIn(page, NEXT.email);
	await expect.poll(async () => (await deviceContents(page)).rows['outbox'], { timeout: 30_000 }).toBe(0);
	expect(await serverRecord(NEXT.email, 'H702', hallDate())).toMatchObject({
		first_responder_name: FIRST.name,
		events: [{ kind: 'consult', staff_name: FIRST.name }]
	});
	// Their session was ended once nothing of theirs was left: it cannot be used by anyone any more.
	expect((await deviceContents(page)).storageKeys).not.toContain(`hall-assist.parked.${FIRST.userId}`);
	const reuse = await request.post(`${E2E_GATEWAY_URL}/auth/v1/token?grant_type=refresh_token`, {
		headers: { apikey: LOCAL_SUPABASE_ANON_KEY },
		data: { refresh_token: parked?.refresh_token }
	});
	expect(reuse.status()).toBe(400);

	// What the next person does is theirs.
	await openTicket(page, 'H703');
	await expect(page.getByTestId('record-first-responder')).toHaveText(NEXT.name);
});

test('hand-over: a colleague’s photos taken offline go up under their name too, then their session ends', async ({
	page,
	context
}) => {
	test.setTimeout(150_000);
	const author = { email: 'zhaoli@demo.hall', userId: 'unknown' };
	await signIn(page, author.email);
	await waitForServiceWorkerControl(page);
	author.userId = await page.evaluate(
		() =>
			(JSON.parse(localStorage.getItem('hall-assist.auth') ?? '{}') as { user?: { id: string } }).user?.id ??
			''
	);

	// Offline, an incident with a photo; then the shift ends and the tablet changes hands.
	await context.setOffline(true);
	await reportFromHome(page, {
		category: izh['incident.category.equipment'],
		severity: izh['incident.severity.4'],
		place: uniquePlace('自助服务区'),
		description: '自助打印机卡纸'
	});
	await page.getByTestId('photo-gallery-input').setInputFiles({
		name: 'IMG_0003.jpg',
		mimeType: 'image/jpeg',
		buffer: await cameraJpeg(page)
	});
	await expect(page.getByRole('img', { name: /第 1 张照片/ })).toBeVisible();
	await page.getByTestId('incident-submit').click();
	await expectStatus(page, 'reported');
	await page.goto('/');
	await page.getByTestId('sign-out').click();
	await page.getByTestId('hand-over-confirm').click();
	await expect(page).toHaveURL(/\/login$/);

	await context.setOffline(false);
	await signIn(page, 'yangfan@station.demo.hall');
	// The photo goes up under its author's parked session, and only then does that session end.
	const uploaded = async () =>
		page.evaluate(async () => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('hall-assist');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(new Error(String(request.error)));
			});
			const rows = await new Promise<{ state: string; object_path: string }[]>((resolve) => {
				const all = db.transaction('photo_uploads').objectStore('photo_uploads').getAll();
				all.onsuccess = () => resolve(all.result as { state: string; object_path: string }[]);
			});
			db.close();
			return rows.filter((row) => row.state === 'uploaded').map((row) => row.object_path);
		});
	await expect.poll(uploaded, { timeout: 60_000 }).toHaveLength(1);
	const [objectPath] = await uploaded();
	const stored = await page.request.get(
		`${E2E_GATEWAY_URL}/storage/v1/object/authenticated/photos/${objectPath}`,
		{ headers: { apikey: localServiceRoleKey, Authorization: `Bearer ${localServiceRoleKey}` } }
	);
	expect(stored.status()).toBe(200);
	await expect
		.poll(async () => (await deviceContents(page)).storageKeys, { timeout: 30_000 })
		.not.toContain(`hall-assist.parked.${author.userId}`);
});
