import { browser } from '$app/environment';
import { createClient, type Session, type SupabaseClient } from '@supabase/supabase-js';
import { supabaseAnonKey, supabaseUrl } from './config';

let client: SupabaseClient | undefined;

/** Where supabase-js keeps the session in localStorage. */
const AUTH_STORAGE_KEY = 'hall-assist.auth';

/**
 * The app's single Supabase client, created on first use.
 *
 * Lazy and browser-only: `createClient()` evaluated under Node 20 throws (no native WebSocket for realtime),
 * and the session it restores lives in the browser's localStorage anyway.
 */
export function supabase(): SupabaseClient {
	if (!browser) throw new Error('The Supabase client runs in the browser only.');
	client ??= createClient(supabaseUrl, supabaseAnonKey, {
		auth: {
			// Survives reloads and restarts of the installed app: staff sign in once per device.
			persistSession: true,
			autoRefreshToken: true,
			// Password sign-in only: nothing to pick up from the URL, and ticket URLs must not be mistaken for it.
			detectSessionInUrl: false,
			storageKey: AUTH_STORAGE_KEY
		}
	});
	return client;
}

/**
 * The session supabase-js persisted, read without asking the server. For offline start-up only: with an expired
 * access token and no network, `getSession()` answers null (it could not refresh) although the refresh token is
 * still good, and the device must keep working (DECISIONS §2.11).
 */
export function persistedSession(): Session | null {
	try {
		const stored: unknown = JSON.parse(localStorage.getItem(AUTH_STORAGE_KEY) ?? 'null');
		const looksValid =
			typeof stored === 'object' &&
			stored !== null &&
			'refresh_token' in stored &&
			typeof stored.refresh_token === 'string' &&
			'user' in stored &&
			typeof stored.user === 'object' &&
			stored.user !== null;
		return looksValid ? (stored as Session) : null;
	} catch {
		return null;
	}
}
