import { PLAIN_TICKET_FORMAT } from '$lib/domain/ticket-format';
import { isStaffProfile, type StaffProfile } from './staff-profile';
import { PROFILE_STORAGE_PREFIX } from './user-storage';

/**
 * The last `me()` answer per user, so a reload in a hall corner without Wi-Fi still shows who is signed in.
 * Not personal data of applicants: only the staff member's own name, post and hall. Forgotten at sign-out
 * (user-storage.ts).
 */
const keyFor = (userId: string): string => PROFILE_STORAGE_PREFIX + userId;

export function rememberProfile(userId: string, profile: StaffProfile): void {
	localStorage.setItem(keyFor(userId), JSON.stringify(profile));
}

export function recallProfile(userId: string): StaffProfile | null {
	const stored = localStorage.getItem(keyFor(userId));
	if (!stored) return null;
	try {
		const parsed = withTicketFormat(JSON.parse(stored));
		return isStaffProfile(parsed) ? parsed : null;
	} catch {
		return null;
	}
}

/**
 * Profiles cached before `me()` returned the hall's ticket format lack it. Dropping one would leave an offline
 * reload with no profile at all (no sync, not even the home card) until the device is online again, so it gets the
 * plain format, which is what that version read tickets as; the next `me()` answer replaces it. Done here, not in
 * `isStaffProfile`: the server always sends the field, so a `me()` answer without it is a shape error like any other.
 */
function withTicketFormat(cached: unknown): unknown {
	if (typeof cached !== 'object' || cached === null || 'ticket_format' in cached) return cached;
	return { ...cached, ticket_format: PLAIN_TICKET_FORMAT };
}
