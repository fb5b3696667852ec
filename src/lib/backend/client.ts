import { browser } from '$app/environment';
import { AUTH_STORAGE_KEY } from './auth-storage';
import { createAuthRpcClient, type AuthRpcClient } from './auth-rpc-client';
import { supabaseAnonKey, supabaseUrl } from './config';

/**
 * The app's Supabase client: Auth and RPC only (see auth-rpc-client.ts for why not all of supabase-js). Named
 * for what callers use it as; `auth` and `rpc()` behave as supabase-js's.
 */
export type BackendClient = AuthRpcClient;

let client: BackendClient | undefined;

/**
 * The app's single Supabase client, created on first use.
 *
 * Lazy and browser-only: the session it restores lives in the browser's localStorage, and nothing under Node
 * (tests, scripts) should start its refresh timer by importing this module.
 */
export function supabase(): BackendClient {
	if (!browser) throw new Error('The Supabase client runs in the browser only.');
	client ??= createAuthRpcClient(supabaseUrl, supabaseAnonKey, {
		// Survives reloads and restarts of the installed app: staff sign in once per device.
		persistSession: true,
		autoRefreshToken: true,
		// Password sign-in only: nothing to pick up from the URL, and ticket URLs must not be mistaken for it.
		detectSessionInUrl: false,
		storageKey: AUTH_STORAGE_KEY
	});
	return client;
}

/** Auth errors as auth-js tells them apart, for callers that load this module on demand. */
export { isAuthApiError, isAuthRetryableFetchError } from '@supabase/auth-js';
