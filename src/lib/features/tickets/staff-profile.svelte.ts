import { session, type StaffProfile } from '$lib/backend';

/**
 * The signed-in staff member, loaded when a tickets screen is opened directly (a reload, a shared link) rather
 * than through the home page. Offline, the session falls back to the last known profile. Call during component
 * initialisation.
 */
export function useStaffProfile(): { readonly current: StaffProfile | null; readonly settled: boolean } {
	$effect(() => {
		if (session.userId && session.profile.status === 'idle') void session.loadProfile();
	});
	return {
		get current() {
			return session.profile.status === 'ready' ? session.profile.profile : null;
		},
		/** The answer is in (a profile, cached or fresh, or a failure): decisions that depend on it can be made. */
		get settled() {
			return session.profile.status !== 'idle' && session.profile.status !== 'loading';
		}
	};
}
