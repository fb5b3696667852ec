import { PLAIN_TICKET_FORMAT, type TicketFormat } from '$lib/domain/ticket-format';
import type { StaffProfile } from '$lib/backend';

/**
 * The signed-in staff member's hall ticket format, from `me()` (checked there, at the boundary). Without a profile
 * (it failed to load, or the account is not staff) numbers can still be typed: tickets are read as the bare number.
 */
export function hallTicketFormat(profile: StaffProfile | null): TicketFormat {
	return profile?.ticket_format ?? PLAIN_TICKET_FORMAT;
}
