import { createAuthRpcClient, type AuthRpcClient } from './auth-rpc-client';
import { AUTH_STORAGE_KEY } from './auth-storage';
import { supabaseAnonKey, supabaseUrl } from './config';

/**
 * Sessions of staff who handed this device over while some of their work was still unsent (docs/SECURITY.md,
 * "Shared devices"). Their queued ops keep uploading under their own session, and only those: a parked session is
 * used for nothing but pushing its owner's queue, and is ended on the server as soon as nothing of theirs is left.
 */
const PARKED_PREFIX = 'hall-assist.parked.';

/** Keeps the signed-in session under its owner's name, before the device's own sign-in is cleared. */
export function parkCurrentSession(userId: string): void {
	const stored = localStorage.getItem(AUTH_STORAGE_KEY);
	if (stored) localStorage.setItem(PARKED_PREFIX + userId, stored);
}

export function parkedUserIds(): string[] {
	const ids: string[] = [];
	for (let index = 0; index < localStorage.length; index++) {
		const key = localStorage.key(index);
		if (key?.startsWith(PARKED_PREFIX) && !key.endsWith('-code-verifier'))
			ids.push(key.slice(PARKED_PREFIX.length));
	}
	return ids;
}

const clients = new Map<string, AuthRpcClient>();

/**
 * An auth and RPC client on a parked session. It refreshes the token only when a call needs it (no timer), and
 * keeps the rotated refresh token under the same key.
 */
export function parkedClient(userId: string): AuthRpcClient {
	let client = clients.get(userId);
	if (!client) {
		client = createAuthRpcClient(supabaseUrl, supabaseAnonKey, {
			persistSession: true,
			autoRefreshToken: false,
			detectSessionInUrl: false,
			storageKey: PARKED_PREFIX + userId
		});
		clients.set(userId, client);
	}
	return client;
}

/** Nothing of theirs left to send, or their session is no longer valid: end it on the server (if it can be reached) and forget it here. */
export async function releaseParked(userId: string): Promise<void> {
	try {
		await parkedClient(userId).auth.signOut({ scope: 'local' });
	} catch {
		// Offline or already revoked: the session still goes from this device below.
	}
	localStorage.removeItem(PARKED_PREFIX + userId);
	localStorage.removeItem(`${PARKED_PREFIX}${userId}-code-verifier`);
	clients.delete(userId);
}
