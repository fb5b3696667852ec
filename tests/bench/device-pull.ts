/**
 * A fresh device pulling 10,000 service records (one event each), in a real browser, end to end: from the
 * sign-in submit to the moment the app's IndexedDB (`hall-assist` → `service_records`) holds every record and
 * the sync control says synced (network + sync_pull pages + Dexie writes). The baseline pulls the same pages
 * with plain fetch inside a page (same page size as the engine, JSON parsed, nothing stored), once before and
 * once after, so the figure separates network + server from local storage. Also: long tasks on the main thread
 * during the pull (does the UI freeze?) and the /tickets list render afterwards.
 *
 * Runs the e2e web server (build + fresh seeded stack) on its own ports (28173 / 28321 / 28322, or E2E_*_PORT)
 * and stops it afterwards.
 * Standalone: `npx tsx tests/bench/device-pull.ts`; `npm run bench` runs it with the others.
 */
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { LOCAL_SUPABASE_ANON_KEY } from '../../src/lib/backend/local-stack';
import { zhCN } from '../../src/lib/i18n/zh-CN';
import { superuserPassword } from '../../supabase/local/postgres';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { DEMO_PASSWORD } from '../e2e/fixtures';
import { startServedApp } from './support/served-app';
import { phoneContext } from './support/phone-context';

// This bench's own ports (ports.ts reads them when imported, and serve.ts inherits them), away from
// `npm start` and a Playwright run.
process.env['E2E_APP_PORT'] ||= '28173';
process.env['E2E_GATEWAY_PORT'] ||= '28321';
process.env['E2E_DB_PORT'] ||= '28322';
const { E2E_APP_URL, E2E_DB_PORT, E2E_GATEWAY_URL } = await import('../e2e/ports');

// As supabase/local/postgres.ts builds it. Not read from tests/.artifacts/e2e-stack.json: that file is shared by
// every e2e run on the machine, whatever its ports, and another run may write it after ours.
const DATABASE_URL = `postgresql://postgres:${superuserPassword}@127.0.0.1:${E2E_DB_PORT}/postgres`;
const RECORDS = 10_000;
const PER_TRANSACTION = 100; // 100 versions, like 100 synced batches of a busy hall
const PAGE_SIZE = 500; // the engine's pullPageSize
const CENTER = 'a0000000-0000-4000-8000-000000000001';
const WRITER = 'd0000000-0000-4000-8000-000000000004'; // manager@demo.hall: not the signed-in user's own records
const DEVICE_USER = 'zhaoli@demo.hall';

/** Inserts the records and their events as superuser, PER_TRANSACTION per transaction (versions stamped by the
 * tables' triggers, one per transaction, as sync_push would). Returns what the center hall now holds. */
async function seedRecords(databaseUrl: string): Promise<{ records: number; events: number }> {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		for (let batch = 0; batch < RECORDS / PER_TRANSACTION; batch++) {
			// About 1 in 100 records is today's (what /tickets lists); the rest spread over the last 99 days.
			// "Today" in the hall's own time zone, as the app files tickets (see service_record.open).
			await db.query(
				`with s as (select id, display_name from app.staff where user_id = $3),
				 h as (select time_zone, (now() at time zone time_zone)::date as today from app.halls where id = $1),
				 r as (
				   insert into app.service_records (id, hall_id, ticket_date, ticket_no, raw_payload, category,
				     first_responder_id, first_responder_name, opened_at)
				   select gen_random_uuid(), $1, h.today - (n % 100), 'P' || $2::int || '-' || n,
				     'P' || $2::int || '-' || n, 'consultation', s.id, s.display_name,
				     ((h.today - (n % 100))::timestamp + interval '8 hours' + n * interval '1 minute')
				       at time zone h.time_zone
				   from generate_series(1, $4::int) n, s, h
				   returning id, hall_id, opened_at)
				 insert into app.service_record_events (id, record_id, hall_id, kind, staff_id, staff_name, occurred_at)
				 select gen_random_uuid(), r.id, r.hall_id, 'consult', s.id, s.display_name, r.opened_at from r, s`,
				[CENTER, batch, WRITER, PER_TRANSACTION]
			);
		}
		const { rows } = await db.query<{ records: string; events: string }>(
			`select (select count(*) from app.service_records where hall_id = $1) as records,
			        (select count(*) from app.service_record_events where hall_id = $1) as events`,
			[CENTER]
		);
		return { records: Number(rows[0]?.records), events: Number(rows[0]?.events) };
	} finally {
		await db.end();
	}
}

async function freshPage(browser: Browser): Promise<Page> {
	const context = await phoneContext(browser, E2E_APP_URL);
	// Main-thread tasks over 50 ms, from the first document on: how long the UI could not respond.
	await context.addInitScript(() => {
		const tasks: { start: number; duration: number }[] = [];
		(window as unknown as { __benchLongTasks: typeof tasks }).__benchLongTasks = tasks;
		try {
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries())
					tasks.push({ start: entry.startTime, duration: entry.duration });
			}).observe({ type: 'longtask', buffered: true });
		} catch {
			// no long-task timing in this browser
		}
	});
	return context.newPage();
}

/**
 * The baseline: sign in and pull every page with plain fetch in the page (parsed, not stored). With `store`, each
 * page's rows also go into a scratch IndexedDB database with raw IndexedDB (one transaction per page, as the
 * engine does, no Dexie, no validation): the storage floor the app's own work sits on.
 */
async function fetchBaseline(
	browser: Browser,
	store = false
): Promise<{ ms: number; records: number; pages: number }> {
	const page = await freshPage(browser);
	try {
		await page.goto('/login');
		return await page.evaluate(
			async ({ gateway, anonKey, email, password, pageSize, store }) => {
				const tables = ['service_records', 'service_record_events'];
				const scratch = store
					? await new Promise<IDBDatabase>((resolve, reject) => {
							const request = indexedDB.open('bench-raw-pull', 1);
							request.onupgradeneeded = () => {
								for (const name of tables) request.result.createObjectStore(name, { keyPath: 'id' });
							};
							request.onsuccess = () => resolve(request.result);
							request.onerror = () => reject(request.error ?? new Error('open failed'));
						})
					: null;
				const token = await fetch(`${gateway}/auth/v1/token?grant_type=password`, {
					method: 'POST',
					headers: { apikey: anonKey, 'Content-Type': 'application/json' },
					body: JSON.stringify({ email, password })
				});
				if (!token.ok) throw new Error(`baseline sign-in: HTTP ${token.status}`);
				const { access_token } = (await token.json()) as { access_token: string };
				const started = performance.now();
				let cursor = '0';
				let records = 0;
				let pages = 0;
				for (;;) {
					const response = await fetch(`${gateway}/rest/v1/rpc/sync_pull`, {
						method: 'POST',
						headers: {
							apikey: anonKey,
							Authorization: `Bearer ${access_token}`,
							'Content-Type': 'application/json'
						},
						body: JSON.stringify({ cursor, max_rows: pageSize })
					});
					if (!response.ok) throw new Error(`baseline sync_pull: HTTP ${response.status}`);
					const body = (await response.json()) as {
						changes: { table: string; row: unknown }[];
						cursor: string;
						has_more: boolean;
					};
					pages++;
					if (scratch) {
						const tx = scratch.transaction(tables, 'readwrite');
						for (const change of body.changes) tx.objectStore(change.table).put(change.row);
						await new Promise<void>((resolve, reject) => {
							tx.oncomplete = () => resolve();
							tx.onerror = () => reject(tx.error ?? new Error('put failed'));
						});
					}
					records += body.changes.filter((change) => change.table === 'service_records').length;
					cursor = body.cursor;
					if (!body.has_more) break;
				}
				return { ms: performance.now() - started, records, pages };
			},
			{
				gateway: E2E_GATEWAY_URL,
				anonKey: LOCAL_SUPABASE_ANON_KEY,
				email: DEVICE_USER,
				password: DEMO_PASSWORD,
				pageSize: PAGE_SIZE,
				store
			}
		);
	} finally {
		await page.context().close();
	}
}

interface Probe {
	records: number;
	events: number;
	label: string | null;
	signedIn: boolean;
}

/** What the device holds and shows now. Never creates the database (Dexie must do that, at its version). */
const probe = (page: Page): Promise<Probe> =>
	page.evaluate(async () => {
		const control = document.querySelector('[data-testid="sync-status"]');
		const shown = {
			label: control?.getAttribute('aria-label') ?? null,
			signedIn: document.querySelector('[data-testid="profile-name"]') !== null
		};
		const databases = await indexedDB.databases();
		if (!databases.some((database) => database.name === 'hall-assist'))
			return { records: 0, events: 0, ...shown };
		const counts = await new Promise<[number, number]>((resolve, reject) => {
			const request = indexedDB.open('hall-assist');
			request.onupgradeneeded = () => request.transaction?.abort();
			request.onerror = () => resolve([0, 0]);
			request.onsuccess = () => {
				const db = request.result;
				const stores = ['service_records', 'service_record_events'];
				if (!stores.every((name) => db.objectStoreNames.contains(name))) {
					db.close();
					resolve([0, 0]);
					return;
				}
				const tx = db.transaction(stores, 'readonly');
				const records = tx.objectStore('service_records').count();
				const events = tx.objectStore('service_record_events').count();
				tx.oncomplete = () => resolve([records.result, events.result]);
				tx.onerror = () => reject(tx.error ?? new Error('count failed'));
				db.close(); // takes effect once the transaction is done
			};
		});
		return { records: counts[0], events: counts[1], ...shown };
	});

interface DevicePull {
	signedInMs: number;
	firstRecordsMs: number;
	allStoredMs: number;
	syncedMs: number;
	events: number;
	pullRequests: number;
	maxProbeMs: number;
	longTasks: { count: number; totalMs: number; maxMs: number };
	listMs: number;
	listItems: number;
}

async function devicePull(
	browser: Browser,
	expected: { records: number; events: number }
): Promise<DevicePull> {
	const page = await freshPage(browser);
	try {
		let pullRequests = 0;
		page.on('request', (request) => {
			if (request.url().includes('/rest/v1/rpc/sync_pull')) pullRequests++;
		});
		await page.goto('/login');
		await page.getByLabel(zhCN['login.email']).fill(DEVICE_USER);
		await page.getByLabel(zhCN['login.password'], { exact: true }).fill(DEMO_PASSWORD);
		const submitButton = page.getByTestId('login-submit');
		await submitButton.waitFor();
		const pageStart = await page.evaluate(() => performance.now());
		const started = performance.now();
		await submitButton.click();

		const synced = `${zhCN['sync.status']}: ${zhCN['sync.statusSynced']}`;
		let signedInMs = NaN;
		let firstRecordsMs = NaN;
		let allStoredMs = NaN;
		let maxProbeMs = 0;
		let last: Probe | undefined;
		let events = 0;
		const deadline = started + 300_000;
		for (;;) {
			const asked = performance.now();
			let now: Probe;
			try {
				now = await probe(page);
			} catch (error) {
				// A navigation between pages can destroy the context under a probe; ask again.
				if (!String(error).includes('context was destroyed')) throw error;
				await new Promise((resolve) => setTimeout(resolve, 100));
				continue;
			}
			const answered = performance.now();
			maxProbeMs = Math.max(maxProbeMs, answered - asked);
			const at = answered - started;
			last = now;
			if (now.signedIn && Number.isNaN(signedInMs)) signedInMs = at;
			if (now.records > 0 && Number.isNaN(firstRecordsMs)) firstRecordsMs = at;
			if (now.records >= expected.records && Number.isNaN(allStoredMs)) allStoredMs = at;
			if (now.records >= expected.records && now.events >= expected.events && now.label === synced) {
				events = now.events;
				break;
			}
			if (answered > deadline)
				throw new Error(`not synced after 5 minutes: last saw ${JSON.stringify(last)}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		const syncedMs = performance.now() - started;
		const tasks = await page.evaluate(
			(from) =>
				(
					window as unknown as { __benchLongTasks?: { start: number; duration: number }[] }
				).__benchLongTasks?.filter((task) => task.start >= from) ?? [],
			pageStart
		);

		// The list of today's records, loaded afresh from IndexedDB (a reload, as when the app is reopened).
		const listStarted = performance.now();
		await page.goto('/tickets');
		await page.getByTestId('record-item').first().waitFor();
		const listMs = performance.now() - listStarted;
		const listItems = await page.getByTestId('record-item').count();

		return {
			signedInMs,
			firstRecordsMs,
			allStoredMs,
			syncedMs,
			events,
			pullRequests,
			maxProbeMs,
			longTasks: {
				count: tasks.length,
				totalMs: tasks.reduce((sum, task) => sum + task.duration, 0),
				maxMs: Math.max(0, ...tasks.map((task) => task.duration))
			},
			listMs,
			listItems
		};
	} finally {
		await page.context().close();
	}
}

const ms = (value: number): string => `${value.toFixed(0).padStart(6)} ms`;
const rate = (rows: number, value: number): string => `${(rows / (value / 1000)).toFixed(0)} records/s`;

async function main(): Promise<void> {
	const stopServer = await startServedApp();
	const onSignal = (): void => {
		void stopServer().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	let browser: Browser | undefined;
	try {
		const held = await seedRecords(DATABASE_URL);
		if (held.records < RECORDS) throw new Error(`only ${held.records} records in the center hall`);

		browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
		const before = await fetchBaseline(browser);
		if (before.records !== held.records)
			throw new Error(`the baseline pulled ${before.records} records, the server holds ${held.records}`);
		const device = await devicePull(browser, held);
		const after = await fetchBaseline(browser);
		const raw = await fetchBaseline(browser, true);
		if (raw.records !== held.records)
			throw new Error(`the raw IndexedDB baseline pulled ${raw.records} records`);

		console.log(
			`fresh device (${DEVICE_USER}, Chromium, Pixel 7 profile) pulling ${held.records} service records + ` +
				`${held.events} events of the center hall, pages of ${PAGE_SIZE}`
		);
		console.log(`  sign-in submit → profile shown       ${ms(device.signedInMs)}`);
		console.log(`  sign-in submit → first records local ${ms(device.firstRecordsMs)}`);
		console.log(
			`  sign-in submit → all records in IDB  ${ms(device.allStoredMs)}  (${rate(held.records, device.allStoredMs)})`
		);
		console.log(
			`  sign-in submit → control says synced ${ms(device.syncedMs)}  (${rate(held.records, device.syncedMs)}), ` +
				`${device.pullRequests} sync_pull requests`
		);
		console.log(
			`  baseline, plain fetch of the pages  ${ms(before.ms)} before, ${ms(after.ms).trim()} after  ` +
				`(${rate(before.records, before.ms)}, ${before.pages} pages, no IndexedDB)`
		);
		const baseline = Math.min(before.ms, after.ms);
		console.log(
			`  → local storage and app work ≈ ${ms(device.syncedMs - device.signedInMs - baseline).trim()} ` +
				`(synced − signed in − fastest baseline)`
		);
		console.log(
			`  baseline + raw IndexedDB puts       ${ms(raw.ms)}  (${rate(raw.records, raw.ms)}, one transaction per ` +
				`page, no Dexie): storage floor ≈ ${ms(raw.ms - baseline).trim()}`
		);
		console.log(
			`  main thread during the pull: ${device.longTasks.count} long tasks, ${ms(device.longTasks.totalMs).trim()} ` +
				`in all, longest ${ms(device.longTasks.maxMs).trim()}; slowest IndexedDB probe ${ms(device.maxProbeMs).trim()}`
		);
		console.log(
			`  /tickets afterwards (reload): ${device.listItems} of today's records in ${ms(device.listMs).trim()}`
		);
	} finally {
		await browser?.close();
		await stopServer();
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	}
}

await main();
