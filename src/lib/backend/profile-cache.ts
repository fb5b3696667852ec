import { isStaffProfile, type StaffProfile } from './me';

/**
 * The last `me()` answer per user, so a reload in a hall corner without Wi-Fi still shows who is signed in.
 * Not personal data of applicants: only the staff member's own name, post and hall. Forgotten at sign-out.
 */
const keyFor = (userId: string): string => `hall-assist.profile.${userId}`;

export function rememberProfile(userId: string, profile: StaffProfile): void {
	localStorage.setItem(keyFor(userId), JSON.stringify(profile));
}

export function recallProfile(userId: string): StaffProfile | null {
	const stored = localStorage.getItem(keyFor(userId));
	if (!stored) return null;
	try {
		const parsed: unknown = JSON.parse(stored);
		return isStaffProfile(parsed) ? parsed : null;
	} catch {
		return null;
	}
}

export function forgetProfile(userId: string): void {
	localStorage.removeItem(keyFor(userId));
}
