/**
 * What the device keeps in localStorage for one user, each under `<prefix><user id>`: the profile of their last
 * me() (profile-cache.ts) and the last report a manager opened (features/reports/saved-report.ts). Listed here,
 * where sign-out and hand-over forget them, so that a screen never opened in this page's life is still wiped.
 * Not per user: the language (the device's) and parked sessions (parked-sessions.ts, forgotten on their own).
 */
export const PROFILE_STORAGE_PREFIX = 'hall-assist.profile.';
export const REPORT_STORAGE_PREFIX = 'hall-assist.report.';

const PER_USER_PREFIXES = [PROFILE_STORAGE_PREFIX, REPORT_STORAGE_PREFIX] as const;

export function forgetUserStorage(userId: string): void {
	for (const prefix of PER_USER_PREFIXES) localStorage.removeItem(prefix + userId);
}
