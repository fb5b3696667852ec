import type { Page } from '@playwright/test';
import { AuthClient } from '@supabase/auth-js';
import { DEMO_PASSWORD } from '../../../scripts/hall';

/** Where the app keeps its Supabase session in localStorage (as src/lib/backend configures the auth client). */
export const APP_AUTH_STORAGE_KEY = 'hall-assist.auth';

/**
 * Signs `email` in against the gateway with Supabase's own auth client, as the app would, and returns exactly
 * what that client persists under the app's storage key. Written into a browser profile, it makes the next load
 * of the app a signed-in staff member's load, without the sign-in page (or its service worker) having run there.
 */
export async function signedInStorageValue(
	gatewayUrl: string,
	anonKey: string,
	email: string
): Promise<string> {
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
	if (!stored) throw new Error('the auth client stored no session');
	return stored;
}

/**
 * Writes the session into the app origin's localStorage from a page that runs none of the app: a missing asset
 * (the static server answers a plain-text 404), so no service worker is installed and no app file is cached.
 */
export async function storeSession(page: Page, appUrl: string, value: string): Promise<void> {
	await page.goto(`${appUrl}/bench-blank.txt`);
	await page.evaluate(({ key, session }) => localStorage.setItem(key, session), {
		key: APP_AUTH_STORAGE_KEY,
		session: value
	});
}
