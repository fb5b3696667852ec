import { STAFF_POSTS } from '$lib/domain/staff-directory';
import { ticketFormat, type TicketFormat } from '$lib/domain/ticket-format';

/** The posts of the comprehensive windows (综合接件, 综合出件, 咨询帮办, 管理); the database's `post` enum. */
export type Post = (typeof STAFF_POSTS)[number];

/** What RPC `me()` returns: who the signed-in user is and which hall they work in. */
export interface StaffProfile {
	staff_id: string;
	email: string;
	display_name: string;
	post: Post;
	hall_id: string;
	hall_name: string;
	/** How the hall's queue machine encodes a ticket in its QR code; the scan screen parses with it, offline too. */
	ticket_format: TicketFormat;
	/**
	 * The hall's phone and address, printed on one-time notices. Null when the hall has none on file; absent in a
	 * profile remembered by an older app (read it as null).
	 */
	hall_phone?: string | null;
	hall_address?: string | null;
}

/** Checks the response shape at the boundary, so a server change shows as an error instead of blank fields. */
export function isStaffProfile(value: unknown): value is StaffProfile {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	const textFields = ['staff_id', 'email', 'display_name', 'hall_id', 'hall_name'];
	return (
		textFields.every((field) => typeof record[field] === 'string') &&
		(STAFF_POSTS as readonly unknown[]).includes(record['post']) &&
		ticketFormat.safeParse(record['ticket_format']).success &&
		['hall_phone', 'hall_address'].every((field) => isOptionalText(record[field]))
	);
}

const isOptionalText = (value: unknown): boolean =>
	value === undefined || value === null || typeof value === 'string';
