import type { MessageKey } from '$lib/i18n';
import type { TicketRejection } from '$lib/domain/ticket-parser';
import type { BusinessCategory, EventKind, SpecialGroup } from '$lib/domain/service-record';

/** Catalog keys for the record's enums, so every screen names them the same way. */
export const categoryLabel = (category: BusinessCategory): MessageKey => `category.${category}`;
export const groupLabel = (group: SpecialGroup): MessageKey => `group.${group}`;
export const eventLabel = (kind: EventKind): MessageKey => `event.${kind}`;

export const REJECTION_MESSAGES: Record<TicketRejection, MessageKey> = {
	empty: 'tickets.rejected.empty',
	too_long: 'tickets.rejected.tooLong',
	not_a_ticket: 'tickets.rejected.notATicket',
	bad_number: 'tickets.rejected.badNumber',
	bad_date: 'tickets.rejected.badDate',
	bad_format: 'tickets.rejected.badFormat'
};
