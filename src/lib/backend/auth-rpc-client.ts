import { AuthClient, type GoTrueClient, type GoTrueClientOptions } from '@supabase/auth-js';
import { PostgrestClient } from '@supabase/postgrest-js';

/**
 * The two parts of supabase-js the app uses, Auth and RPC, built from the very libraries supabase-js 2.109.0 is
 * made of (@supabase/auth-js and @supabase/postgrest-js, same versions). supabase-js's `createClient()` also
 * constructs its Realtime and Storage clients (and bundles Functions), which the app never calls: ~26 kB of the
 * ~51 kB gzip it adds to a page.
 */
export interface AuthRpcClient {
	/** Supabase Auth: the same AuthClient (GoTrueClient) that supabase-js's `client.auth` is. */
	readonly auth: GoTrueClient;
	/** PostgREST RPC, as `client.rpc(fn, args)` in supabase-js. */
	readonly rpc: PostgrestClient['rpc'];
}

/** Auth settings passed through to AuthClient as supabase-js passes them. */
export type AuthSettings = Pick<
	GoTrueClientOptions,
	'storageKey' | 'persistSession' | 'autoRefreshToken' | 'detectSessionInUrl' | 'storage'
>;

/**
 * Creates the client as supabase-js's `createClient(url, anonKey, { auth })` would for these two parts:
 * - Auth at `<url>/auth/v1` with the anon key as `apikey` and as the bearer token, so sign-in, refresh (auto
 *   refresh included), sign-out, the persisted session and the errors (`isAuthApiError`,
 *   `isAuthRetryableFetchError`) are auth-js's own;
 * - RPC at `<url>/rest/v1`, each request carrying the `apikey` header and the current session's access token
 *   (the anon key when signed out), read through `auth.getSession()` as supabase-js does, so an expired token is
 *   refreshed before the call.
 */
export function createAuthRpcClient(url: string, anonKey: string, settings: AuthSettings): AuthRpcClient {
	// supabase-js resolves the service paths against the project URL with a trailing slash.
	const base = new URL(url.endsWith('/') ? url : `${url}/`);
	const auth = new AuthClient({
		...settings,
		url: new URL('auth/v1', base).href,
		headers: { Authorization: `Bearer ${anonKey}`, apikey: anonKey }
	});
	const rest = new PostgrestClient(new URL('rest/v1', base).href, {
		fetch: withSessionToken(auth, anonKey)
	});
	return { auth, rpc: rest.rpc.bind(rest) };
}

/** supabase-js's `fetchWithAuth`: headers the caller set win; otherwise the anon key and the session's token. */
export function withSessionToken(auth: GoTrueClient, anonKey: string): typeof fetch {
	return async (input, init) => {
		const { data } = await auth.getSession();
		const headers = new Headers(init?.headers);
		if (!headers.has('apikey')) headers.set('apikey', anonKey);
		if (!headers.has('Authorization')) {
			headers.set('Authorization', `Bearer ${data.session?.access_token ?? anonKey}`);
		}
		// Looked up per call, not captured: tests and service workers may replace the global fetch.
		return fetch(input, { ...init, headers });
	};
}
