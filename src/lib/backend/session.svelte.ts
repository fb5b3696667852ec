import type { Session as AuthSession } from '@supabase/auth-js';
import { AUTH_STORAGE_KEY, persistedSession } from './auth-storage';
import { recallProfile, rememberProfile } from './profile-cache';
import { forgetUserStorage } from './user-storage';
import type { StaffProfile } from './staff-profile';

/**
 * Supabase Auth and RPC (the client) load on demand: a staff screen renders from the stored session and the
 * remembered profile first, and the sign-in page loads this module only once its form is used.
 */
const authClient = () => import('./client');

/** How long start-up waits for supabase-js to restore (and maybe refresh) the session before going on offline. */
const RESTORE_WAIT_MS = 3000;

export type SignInError = 'invalid_credentials' | 'rate_limited' | 'network' | 'unexpected';

/** A user's work the device still holds: changes not yet on the server, and changes the server refused. */
export interface WorkOnDevice {
	pending: number;
	unresolved: number;
}

/**
 * What the device must settle when its user signs out. The session does not know the device's data: the sync
 * feature registers itself here (guardSignOut), so this module, and the sign-in page with it, loads no database.
 */
export interface SignOutGuard {
	workOf(userId: string): Promise<WorkOnDevice>;
	/** Forgets the hall's data this user's sign-in brought to the device; their own queued work stays theirs. */
	forget(userId: string): Promise<void>;
}

/** Where the signed-in user's staff profile stands; `cached` means shown from the device while offline. */
export type ProfileState =
	| { status: 'idle' | 'loading' | 'not_staff' | 'network' | 'unexpected' }
	| { status: 'ready'; profile: StaffProfile; cached: boolean };

/**
 * Who is signed in on this device, and which staff member and hall that is (RPC `me()`).
 * One instance for the app; routes read its fields, and only its methods talk to Supabase Auth.
 */
class SessionState {
	auth = $state<AuthSession | null>(null);
	profile = $state<ProfileState>({ status: 'idle' });
	readonly userId = $derived(this.auth?.user.id ?? null);

	#ready: Promise<void> | undefined;
	#begun = false;
	#guard: SignOutGuard | null = null;
	#profileAskedFor: string | null = null;

	/** Registers what sign-out must ask and clear (the sync feature, once the staff screens load). */
	guardSignOut(guard: SignOutGuard): void {
		this.#guard = guard;
	}

	/**
	 * Who is signed in on this device, as far as the device knows, at once: the stored session's user, to be
	 * checked with the server by `ready()` (the staff layout calls it once the screen has painted). A staff screen
	 * renders from it without waiting for Supabase Auth to load; if the server no longer accepts the session,
	 * `auth` becomes null and the screen leaves.
	 */
	begin(): boolean {
		if (!this.#ready && !this.#begun) {
			this.#begun = true;
			this.auth = persistedSession();
			const remembered = this.auth ? recallProfile(this.auth.user.id) : null;
			if (remembered) this.profile = { status: 'ready', profile: remembered, cached: false };
		}
		return this.auth !== null;
	}

	/** Restores the persisted session once, asking the server; the sign-in page awaits it before redirecting. */
	ready(): Promise<void> {
		this.#ready ??= this.#restore();
		return this.#ready;
	}

	async #restore(): Promise<void> {
		const { supabase, isAuthRetryableFetchError } = await authClient();
		const auth = supabase().auth;
		// With an expired access token, getSession() refreshes it first. Offline, supabase-js retries for up to
		// ~30 s and then answers null, while keeping the session stored. Staff must not wait or be signed out for
		// that (DECISIONS §2.11): after a short wait the stored session is used, work goes on, and the token is
		// refreshed once the network is back (TOKEN_REFRESHED below).
		const restored = await Promise.race([
			auth.getSession(),
			new Promise<null>((resolve) => setTimeout(() => resolve(null), RESTORE_WAIT_MS))
		]);
		const signedOutForGood = restored && !restored.data.session && !isAuthRetryableFetchError(restored.error);
		this.auth = restored?.data.session ?? (signedOutForGood ? null : persistedSession());
		// Keeps the state right when the token refreshes or another tab signs out. INITIAL_SESSION repeats what was
		// just restored (null in the offline case above), and a null session without SIGNED_OUT is a failed refresh,
		// not a sign-out. The callback must not await Supabase calls itself (auth-js holds a lock while it runs).
		auth.onAuthStateChange((event, next) => {
			if (event === 'INITIAL_SESSION' || (!next && event !== 'SIGNED_OUT')) return;
			if (next?.user.id !== this.auth?.user.id) this.profile = { status: 'idle' };
			this.auth = next;
		});
	}

	/** Loads what signing in needs (Supabase Auth), e.g. while the user is still typing. */
	async prepareSignIn(): Promise<void> {
		await authClient();
	}

	async signIn(email: string, password: string): Promise<SignInError | null> {
		const { supabase, isAuthApiError, isAuthRetryableFetchError } = await authClient();
		const { data, error } = await supabase().auth.signInWithPassword({ email, password });
		if (error) {
			if (isAuthApiError(error) && error.code === 'invalid_credentials') return 'invalid_credentials';
			// Too many sign-in attempts from this address (GoTrue's rate limit): waiting helps, retyping does not.
			if (isAuthApiError(error) && (error.code === 'over_request_rate_limit' || error.status === 429)) {
				return 'rate_limited';
			}
			// A fetch that failed or a gateway that answered 502/503/504: either way the server is out of reach.
			if (isAuthRetryableFetchError(error)) return 'network';
			return 'unexpected';
		}
		this.auth = data.session;
		return null;
	}

	/**
	 * Asks the server who the user is. The profile remembered from their last visit shows meanwhile (a staff
	 * member's name, post and hall rarely change), so the home screen is there at once; the answer replaces it.
	 */
	async loadProfile(options: { again?: boolean } = {}): Promise<void> {
		const userId = this.userId;
		// Once per signed-in user (every staff screen asks), unless the user retries.
		if (!userId || (this.#profileAskedFor === userId && !options.again)) return;
		this.#profileAskedFor = userId;
		const remembered = recallProfile(userId);
		if (this.profile.status !== 'ready') {
			this.profile = remembered
				? { status: 'ready', profile: remembered, cached: false }
				: { status: 'loading' };
		}
		const { fetchMe } = await import('./me');
		const result = await fetchMe();
		if (result.ok) {
			rememberProfile(userId, result.profile);
			this.profile = { status: 'ready', profile: result.profile, cached: false };
			return;
		}
		if (result.reason === 'signed_out') {
			// The server no longer accepts this session: send the user back to sign in.
			await this.signOut();
			return;
		}
		// Offline, the remembered profile stays, marked as such; any other answer means it is not to be trusted.
		const cached = result.reason === 'network' ? remembered : null;
		this.profile = cached ? { status: 'ready', profile: cached, cached: true } : { status: result.reason };
	}

	/**
	 * Signs out, or, while the device still holds this user's unsent or refused work, says how much instead: then
	 * only a hand-over (handOver) lets the next person sign in, and nothing of this user's work is lost.
	 */
	async requestSignOut(): Promise<{ handOver: WorkOnDevice } | null> {
		const userId = this.userId;
		const work = userId && this.#guard ? await this.#guard.workOf(userId) : { pending: 0, unresolved: 0 };
		if (work.pending + work.unresolved > 0) return { handOver: work };
		await this.signOut();
		return null;
	}

	/**
	 * Hands the device to the next person while this user's work is still on it. Their unsent changes go on
	 * uploading under their own session, parked for nothing else (parked-sessions.ts); changes the server refused
	 * wait for their next sign-in. The hall's data is wiped, and the page reloads to the sign-in page, so nothing
	 * of this user stays in memory either.
	 */
	async handOver(): Promise<void> {
		const userId = this.userId;
		if (!userId) return;
		const work = this.#guard ? await this.#guard.workOf(userId) : { pending: 0, unresolved: 0 };
		await this.#guard?.forget(userId);
		forgetUserStorage(userId);
		if (work.pending > 0) {
			// The session stays valid on the server for the parked uploads; only this device's sign-in goes. Its
			// refresh timer stops first: a refresh now would rotate the token the parked copy holds.
			const [{ supabase }, { parkCurrentSession }] = await Promise.all([
				authClient(),
				import('./parked-sessions')
			]);
			await supabase().auth.stopAutoRefresh();
			parkCurrentSession(userId);
			localStorage.removeItem(AUTH_STORAGE_KEY);
		} else {
			await this.#endSession();
		}
		location.replace('/login');
	}

	/**
	 * Signs out at once (also when the server revoked the session): the hall's synced data is wiped, and the page
	 * reloads to the sign-in page, so nothing of this user stays in memory for the next person either.
	 */
	async signOut(): Promise<void> {
		const userId = this.userId;
		if (userId) await this.#guard?.forget(userId);
		await this.#endSession();
		if (userId) forgetUserStorage(userId);
		this.auth = null;
		this.profile = { status: 'idle' };
		location.replace('/login');
	}

	/**
	 * Ends this device's session on the server, not the user's other devices (their phone stays signed in when
	 * they leave a shared tablet). Offline, the server cannot be told: the device forgets the session anyway, and
	 * stops refreshing it, so it cannot come back.
	 */
	async #endSession(): Promise<void> {
		const auth = (await authClient()).supabase().auth;
		const { error } = await auth.signOut({ scope: 'local' });
		if (!error) return;
		await auth.stopAutoRefresh();
		localStorage.removeItem(AUTH_STORAGE_KEY);
	}
}

export const session = new SessionState();
