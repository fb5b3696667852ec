import * as z from 'zod/mini';

/**
 * How a hall's queue machine (取号机) encodes a ticket in its QR code. Vendors differ, so each hall stores its own
 * format (`app.halls.ticket_format`, returned by `me()`); `parseTicket` in ./ticket-parser.ts applies it.
 *
 * - plain: the QR text is the ticket number itself, e.g. `A023`.
 * - url:   a link with the number in a query parameter, e.g. `https://queue.example.cn/t?no=A023&d=2026-11-25`.
 * - json:  a JSON object with the number in a field, e.g. `{"ticketNo":"A023","date":"2026-11-25"}`.
 *
 * `date_param` / `date_field` name where a ticket date may be found; without one, the ticket is today's
 * (Asia/Shanghai). `pattern` is the ticket number's regular expression (anchored, case-insensitive).
 */
export const DEFAULT_TICKET_PATTERN = '^[A-Z]{1,3}[0-9]{1,4}$';

export const ticketFormat = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('plain'), pattern: z.optional(z.string()) }),
	z.object({
		kind: z.literal('url'),
		param: z.string(),
		date_param: z.optional(z.string()),
		pattern: z.optional(z.string())
	}),
	z.object({
		kind: z.literal('json'),
		field: z.string(),
		date_field: z.optional(z.string()),
		pattern: z.optional(z.string())
	})
]);
export type TicketFormat = z.infer<typeof ticketFormat>;

/** A hall's format until it configures its queue machine (`app.halls.ticket_format`'s default): the bare number. */
export const PLAIN_TICKET_FORMAT: TicketFormat = { kind: 'plain' };
