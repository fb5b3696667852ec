import { LIMITS, ticketNo } from './service-record';
import { DEFAULT_TICKET_PATTERN, type TicketFormat } from './ticket-format';

/**
 * Turns what a scanner or a keyboard produced into a queue ticket, by the hall's TicketFormat.
 * Input comes from anyone's QR code, so this never throws and never trusts a shape: every failure is a reason
 * the UI can explain in Chinese, with the raw text (capped) to show back.
 */

export const TICKET_REJECTIONS = [
	'empty', // nothing scanned or typed
	'too_long', // longer than any ticket payload we store (LIMITS.rawPayload)
	'not_a_ticket', // not in this hall's format: another QR code, a web link, a bad JSON shape
	'bad_number', // the format was right, but the number breaks the hall's pattern
	'bad_date', // a date was given, but it is not a calendar date
	'bad_format' // the hall's configured pattern is not a valid regular expression
] as const;
export type TicketRejection = (typeof TICKET_REJECTIONS)[number];

export type TicketParseResult =
	| { ok: true; ticket_no: string; ticket_date: string; raw: string }
	| { ok: false; reason: TicketRejection; raw: string };

/** Whitespace and control characters scanners put around a payload (CR/LF suffixes, GS separators). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const EDGE_JUNK = /^[\s\u0000-\u001f\u007f]+|[\s\u0000-\u001f\u007f]+$/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- tab and line breaks are kept; the other control characters are not
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function parseTicket(text: string, format: TicketFormat, today: string): TicketParseResult {
	if (typeof text !== 'string') return { ok: false, reason: 'empty', raw: '' };
	if (text.length > LIMITS.rawPayload) {
		return { ok: false, reason: 'too_long', raw: storable(text.slice(0, LIMITS.rawPayload)) };
	}
	// NFKC folds full-width letters, digits and punctuation (ＡＯ２３, ？, ＝) that IMEs and some scanners produce.
	const cleaned = text.normalize('NFKC').replace(EDGE_JUNK, '');
	const raw = storable(cleaned);
	if (cleaned === '') return { ok: false, reason: 'empty', raw };
	const pattern = compilePattern(format.pattern);
	if (!pattern) return { ok: false, reason: 'bad_format', raw };

	const fields = extractFields(cleaned, format);
	if (!fields) return { ok: false, reason: 'not_a_ticket', raw };
	const number = fields.number.trim().toUpperCase();
	if (number.length > LIMITS.ticketNo || !pattern.test(number) || !ticketNo.safeParse(number).success) {
		return { ok: false, reason: 'bad_number', raw };
	}
	if (fields.date === undefined) return { ok: true, ticket_no: number, ticket_date: today, raw };
	const date = normalizeDate(fields.date);
	if (!date) return { ok: false, reason: 'bad_date', raw };
	return { ok: true, ticket_no: number, ticket_date: date, raw };
}

/**
 * The raw text as a record keeps it: a control character left inside (a GS separator between fields) is shown by
 * its Unicode picture (␝), and a broken surrogate becomes �, so the text is stored and shown faithfully instead of
 * being refused.
 */
function storable(text: string): string {
	return text
		.toWellFormed()
		.replace(CONTROL_IN_TEXT, (character) =>
			String.fromCharCode(character === '\u007f' ? 0x2421 : 0x2400 + character.charCodeAt(0))
		);
}

/**
 * A number typed by hand is always the bare number, whatever the hall's QR format, but it must follow the same
 * pattern as a scanned one.
 */
export function parseTypedTicket(text: string, format: TicketFormat, today: string): TicketParseResult {
	return parseTicket(text, { kind: 'plain', pattern: format.pattern }, today);
}

function compilePattern(source: string | undefined): RegExp | null {
	try {
		// Anchored whatever the configuration says, so "A0" cannot match inside "XA023".
		return new RegExp(`^(?:${source ?? DEFAULT_TICKET_PATTERN})$`, 'i');
	} catch {
		return null;
	}
}

interface TicketFields {
	number: string;
	/** undefined: the payload carries no date, so the ticket is today's. */
	date: string | undefined;
}

function extractFields(raw: string, format: TicketFormat): TicketFields | null {
	switch (format.kind) {
		case 'plain':
			return CONTROL.test(raw) ? null : { number: raw, date: undefined };
		case 'url':
			return fromUrl(raw, format.param, format.date_param);
		case 'json':
			return fromJson(raw, format.field, format.date_field);
	}
}

function fromUrl(raw: string, param: string, dateParam: string | undefined): TicketFields | null {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return null;
	}
	// Only web links: javascript:, data: and friends are never tickets, whatever their query says.
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	const number = single(url.searchParams.getAll(param));
	if (number === null) return null;
	if (dateParam === undefined || !url.searchParams.has(dateParam)) return { number, date: undefined };
	const date = single(url.searchParams.getAll(dateParam));
	return date === null ? null : { number, date };
}

/** A parameter given twice is ambiguous: refuse rather than guess which one the machine meant. */
function single(values: string[]): string | null {
	return values.length === 1 && values[0] !== undefined ? values[0] : null;
}

function fromJson(raw: string, field: string, dateField: string | undefined): TicketFields | null {
	if (!raw.startsWith('{')) return null;
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return null;
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
	// Own properties only: "__proto__" or "constructor" keys in a payload must not reach anything inherited.
	const number = ownString(parsed, field);
	if (number === null) return null;
	if (dateField === undefined || !Object.hasOwn(parsed, dateField)) return { number, date: undefined };
	const date = ownString(parsed, dateField);
	return date === null ? null : { number, date };
}

/** Strings only: a number would have lost its leading zeros (A023 vs 23) before we ever saw it. */
function ownString(object: object, key: string): string | null {
	if (!Object.hasOwn(object, key)) return null;
	const value: unknown = (object as Record<string, unknown>)[key];
	return typeof value === 'string' ? value : null;
}

/** 2026-11-25 or 20261125 (both seen on queue machines) → 2026-11-25, if that day exists. */
function normalizeDate(value: string): string | null {
	const match = /^(\d{4})(-?)(\d{2})\2(\d{2})$/.exec(value.trim());
	if (!match) return null;
	const [, y, , m, d] = match;
	const year = Number(y);
	const month = Number(m);
	const day = Number(d);
	const probe = new Date(Date.UTC(year, month - 1, day));
	const exists =
		year >= 2000 &&
		probe.getUTCFullYear() === year &&
		probe.getUTCMonth() === month - 1 &&
		probe.getUTCDate() === day;
	return exists ? `${y}-${m}-${d}` : null;
}
