/**
 * Where the auth client keeps the session in localStorage. Kept apart from the client itself, free of any
 * Supabase code, so a screen can ask "is anyone stored on this device?" without loading Auth.
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
