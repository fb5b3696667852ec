import type { Page } from '@playwright/test';
import { AuthClient } from '@supabase/auth-js';
import { DEMO_PASSWORD } from '../../../scripts/hall';
import { zhCN } from '../../../src/lib/i18n/zh-CN';

/** Where the app keeps its Supabase session in localStorage (as src/lib/backend configures the auth client). */
export const APP_AUTH_STORAGE_KEY = 'hall-assist.auth';

/** localStorage entries of the app origin: key → value. */
export type StoredEntries = Record<string, string>;

/**
 * What the app keeps in localStorage for a staff member who used it before: the session Supabase's own auth
 * client persists under the app's storage key (signed in against the gateway as the app would), and the profile
 * the app remembers from its last me() (src/lib/backend/profile-cache.ts). Written into a browser profile, the
 * next load of the app is a returning staff member's, without the sign-in page (or its service worker) running.
 */
export async function returningUserStorage(
	gatewayUrl: string,
	anonKey: string,
	email: string
): Promise<StoredEntries> {
	const items = new Map<string, string>();
	const auth = new AuthClient({
		url: `${gatewayUrl}/auth/v1`,
		headers: { apikey: anonKey, Authorization: `Bearer ${anonKey}` },
		storageKey: APP_AUTH_STORAGE_KEY,
		persistSession: true,
		autoRefreshToken: false,
		detectSessionInUrl: false,
		storage: {
			getItem: (key) => items.get(key) ?? null,
			setItem: (key, value) => void items.set(key, value),
			removeItem: (key) => void items.delete(key)
		}
	});
	const { error } = await auth.signInWithPassword({ email, password: DEMO_PASSWORD });
	if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
	const stored = items.get(APP_AUTH_STORAGE_KEY);
	const { data } = await auth.getSession();
	if (!stored || !data.session) throw new Error('the auth client stored no session');
	const me = await fetch(`${gatewayUrl}/rest/v1/rpc/me`, {
		method: 'POST',
		headers: { apikey: anonKey, Authorization: `Bearer ${data.session.access_token}` }
	});
	if (!me.ok) throw new Error(`me() answered HTTP ${me.status}`);
	return {
		[APP_AUTH_STORAGE_KEY]: stored,
		[`hall-assist.profile.${data.session.user.id}`]: await me.text()
	};
}

/**
 * Writes the entries into the app origin's localStorage from a page that runs none of the app: a missing asset
 * (the static server answers a plain-text 404), so no service worker is installed and no app file is cached.
 */
export async function storeEntries(page: Page, appUrl: string, entries: StoredEntries): Promise<void> {
	await page.goto(`${appUrl}/bench-blank.txt`);
	await page.evaluate((stored) => {
		for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
	}, entries);
}

/** Opens the app and waits until it has synced the signed-in user's data into IndexedDB. */
async function syncOnce(page: Page, appUrl: string): Promise<void> {
	await page.goto(`${appUrl}/`);
	await page
		.getByTestId('sync-status')
		.filter({ hasText: zhCN['sync.statusSynced'] })
		.waitFor({ timeout: 60_000 });
}

/**
 * Opens the app so it syncs the signed-in user's data into IndexedDB, then removes what would make the next load
 * warm: the service worker, its caches and the HTTP cache. IndexedDB and localStorage stay.
 */
export async function syncThenForgetFiles(page: Page, appUrl: string): Promise<void> {
	await syncOnce(page, appUrl);
	await page.evaluate(async () => {
		const registrations = await navigator.serviceWorker.getRegistrations();
		await Promise.all(registrations.map((registration) => registration.unregister()));
		await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
	});
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.clearBrowserCache');
	await cdp.detach();
}

/**
 * Opens the app so it syncs the signed-in user's data into IndexedDB and its service worker installs (the whole
 * app precached) and activates: the next load is a staff member's everyday one, the app served from the device.
 */
export async function syncAndInstall(page: Page, appUrl: string): Promise<void> {
	await syncOnce(page, appUrl);
	// The app registers its worker once it is idle after loading; `ready` waits for it to be active.
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
}
