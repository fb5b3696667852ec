import { browser } from '$app/environment';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { supabaseAnonKey, supabaseUrl } from './config';

let client: SupabaseClient | undefined;

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
			storageKey: 'hall-assist.auth'
		}
	});
	return client;
}
