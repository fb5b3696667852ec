import { ticketFormat, type TicketFormat } from '$lib/domain/ticket-format';
import type { StaffProfile } from '$lib/backend';

/** Until a hall configures its queue machine, tickets are read as the bare number. */
const FALLBACK: TicketFormat = { kind: 'plain' };

/**
 * The signed-in staff member's hall ticket format, from `me()`. Checked at the boundary: a malformed
 * configuration must not stop staff from typing numbers, so it falls back to the plain format.
 */
export function hallTicketFormat(profile: StaffProfile | null): TicketFormat {
	const configured: unknown = profile ? Reflect.get(profile, 'ticket_format') : undefined;
	const parsed = ticketFormat.safeParse(configured);
	return parsed.success ? parsed.data : FALLBACK;
}
