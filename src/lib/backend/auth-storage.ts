import type { Session } from '@supabase/auth-js';

/**
 * Where the auth client keeps the session in localStorage. Kept apart from the client itself, free of any
 * Supabase code, so a screen can ask "is anyone stored on this device, and who?" without loading Auth.
 */
export const AUTH_STORAGE_KEY = 'hall-assist.auth';

/** True when the auth client has anything stored on this device; false means nobody can be signed in. */
export function hasStoredSession(): boolean {
	try {
		return localStorage.getItem(AUTH_STORAGE_KEY) !== null;
	} catch {
		// Storage blocked: the auth client cannot have stored a session either.
		return false;
	}
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
