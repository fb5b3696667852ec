import { describe, expect, it } from 'vitest';
import { isPlainText, LIMITS } from './service-record';
import type { TicketFormat } from './ticket-format';
import { parseTicket, parseTypedTicket, type TicketParseResult, type TicketRejection } from './ticket-parser';

const TODAY = '2026-11-25';
const PLAIN: TicketFormat = { kind: 'plain' };
/** The district center's queue machine (supabase/seed.sql). */
const CENTER: TicketFormat = { kind: 'url', param: 'ticket', date_param: 'date' };
const JSON_FORMAT: TicketFormat = { kind: 'json', field: 'ticketNo', date_field: 'date' };

const ok = (ticket_no: string, ticket_date = TODAY) => ({ ok: true as const, ticket_no, ticket_date });
const no = (reason: TicketRejection) => ({ ok: false as const, reason });

interface Case {
	name: string;
	format: TicketFormat;
	text: string;
	expected: Partial<TicketParseResult>;
}

const cases: Case[] = [
	// Real-looking payloads
	{ name: 'plain number', format: PLAIN, text: 'A023', expected: ok('A023') },
	{ name: 'plain, lower case', format: PLAIN, text: 'b7', expected: ok('B7') },
	{ name: 'plain with scanner CR/LF', format: PLAIN, text: 'A023\r\n', expected: ok('A023') },
	{ name: 'plain with GS suffix', format: PLAIN, text: 'A023\u001d', expected: ok('A023') },
	{ name: 'full-width from an IME', format: PLAIN, text: 'ＡＯ２３', expected: ok('AO23') },
	{ name: 'full-width spaces around', format: PLAIN, text: '\u3000VIP1\u3000', expected: ok('VIP1') },
	{
		name: 'center URL with date',
		format: CENTER,
		text: 'https://queue.hebei.tj.gov.cn/t?ticket=A023&date=2026-11-25',
		expected: ok('A023')
	},
	{
		name: 'center URL, compact date of yesterday',
		format: CENTER,
		text: 'https://queue.example.cn/t?date=20261124&ticket=c105',
		expected: ok('C105', '2026-11-24')
	},
	{
		name: 'center URL without date → today',
		format: CENTER,
		text: 'http://10.0.0.8/q?ticket=A1',
		expected: ok('A1')
	},
	{
		name: 'URL with full-width punctuation',
		format: CENTER,
		text: 'https://queue.example.cn/t？ticket＝A023',
		expected: ok('A023')
	},
	{
		name: 'JSON with date',
		format: JSON_FORMAT,
		text: '{"ticketNo":"A023","date":"2026-11-25"}',
		expected: ok('A023')
	},
	{
		name: 'JSON, extra fields',
		format: JSON_FORMAT,
		text: '{"ticketNo":"b12","window":3}',
		expected: ok('B12')
	},
	{
		name: 'custom pattern (digits only)',
		format: { kind: 'plain', pattern: '[0-9]{3}' },
		text: '023',
		expected: ok('023')
	},

	// Wrong or hostile payloads
	{ name: 'empty', format: PLAIN, text: '', expected: no('empty') },
	{ name: 'only whitespace and controls', format: PLAIN, text: ' \t\r\n\u0000 ', expected: no('empty') },
	{ name: 'huge string', format: PLAIN, text: 'A'.repeat(1_000_000), expected: no('too_long') },
	{ name: 'control character inside', format: PLAIN, text: 'A0\u000023', expected: no('not_a_ticket') },
	{ name: 'number too long', format: PLAIN, text: 'A0234567890123', expected: no('bad_number') },
	{ name: 'not the pattern', format: PLAIN, text: '023A', expected: no('bad_number') },
	{ name: 'Chinese text', format: PLAIN, text: '请到3号窗口', expected: no('bad_number') },
	{
		name: 'a web link in a plain hall',
		format: PLAIN,
		text: 'https://weixin.qq.com/x',
		expected: no('bad_number')
	},
	{ name: 'plain number in a URL hall', format: CENTER, text: 'A023', expected: no('not_a_ticket') },
	{
		name: 'javascript: URL',
		format: CENTER,
		text: 'javascript:alert(1)//?ticket=A023',
		expected: no('not_a_ticket')
	},
	{ name: 'data: URL', format: CENTER, text: 'data:text/html,?ticket=A023', expected: no('not_a_ticket') },
	{
		name: 'URL without the parameter',
		format: CENTER,
		text: 'https://queue.example.cn/t?no=A023',
		expected: no('not_a_ticket')
	},
	{
		name: 'parameter given twice',
		format: CENTER,
		text: 'https://queue.example.cn/t?ticket=A023&ticket=B001',
		expected: no('not_a_ticket')
	},
	{
		name: 'script in the parameter',
		format: CENTER,
		text: 'https://queue.example.cn/t?ticket=%3Cscript%3Ealert(1)%3C/script%3E',
		expected: no('bad_number')
	},
	{
		name: 'invalid date',
		format: CENTER,
		text: 'https://queue.example.cn/t?ticket=A023&date=2026-02-30',
		expected: no('bad_date')
	},
	{
		name: 'date that is not a date',
		format: CENTER,
		text: 'https://queue.example.cn/t?ticket=A023&date=tomorrow',
		expected: no('bad_date')
	},
	{
		name: 'JSON number instead of string',
		format: JSON_FORMAT,
		text: '{"ticketNo":23}',
		expected: no('not_a_ticket')
	},
	{
		name: 'JSON nested object',
		format: JSON_FORMAT,
		text: '{"ticketNo":{"toString":"A023"}}',
		expected: no('not_a_ticket')
	},
	{ name: 'JSON array', format: JSON_FORMAT, text: '["A023"]', expected: no('not_a_ticket') },
	{ name: 'JSON null', format: JSON_FORMAT, text: 'null', expected: no('not_a_ticket') },
	{ name: 'broken JSON', format: JSON_FORMAT, text: '{"ticketNo":"A0', expected: no('not_a_ticket') },
	{
		name: 'JSON with the number only under __proto__',
		format: JSON_FORMAT,
		text: '{"__proto__":{"ticketNo":"A023"}}',
		expected: no('not_a_ticket')
	},
	{
		name: 'JSON date as a number',
		format: JSON_FORMAT,
		text: '{"ticketNo":"A023","date":20261125}',
		expected: no('not_a_ticket')
	},
	{
		name: 'JSON impossible date',
		format: JSON_FORMAT,
		text: '{"ticketNo":"A023","date":"2026-13-01"}',
		expected: no('bad_date')
	},
	{
		name: 'deeply nested JSON',
		format: JSON_FORMAT,
		text: '{"a":' + '['.repeat(900) + ']'.repeat(900) + '}',
		expected: no('not_a_ticket')
	},
	{
		name: 'broken configured pattern',
		format: { kind: 'plain', pattern: '([A-Z' },
		text: 'A023',
		expected: no('bad_format')
	},
	{
		name: 'configured pattern cannot match inside a longer number',
		format: { kind: 'plain', pattern: 'A0' },
		text: 'XA023',
		expected: no('bad_number')
	}
];

describe('parseTicket', () => {
	it.each(cases)('$name', ({ format, text, expected }) => {
		expect(parseTicket(text, format, TODAY)).toMatchObject(expected);
	});

	it('keeps the raw text to show back, capped to what a record stores', () => {
		const huge = parseTicket('x'.repeat(LIMITS.rawPayload + 1), PLAIN, TODAY);
		expect(huge.raw).toHaveLength(LIMITS.rawPayload);
		expect(parseTicket('hello world', PLAIN, TODAY).raw).toBe('hello world');
	});

	it('keeps control characters inside the text as their pictures and broken characters as �, so it can be stored', () => {
		const scanned = parseTicket(
			'{"ticketNo":"A023"}\u001dGS\u0007\ud800',
			{ kind: 'json', field: 'ticketNo' },
			TODAY
		);
		expect(scanned.raw).toBe('{"ticketNo":"A023"}␝GS␇\ufffd');
		expect(isPlainText(scanned.raw)).toBe(true);
		expect(isPlainText('A023\u0007')).toBe(false);
		expect(isPlainText('lone \ud800')).toBe(false);
		expect(isPlainText('tab\tand\nlines')).toBe(true);
	});

	it('never throws, whatever it is given', () => {
		const inputs: unknown[] = [undefined, null, 42, {}, '\ud800', '{"ticketNo":"\\ud800"}'];
		for (const input of inputs) {
			expect(() => parseTicket(input as string, JSON_FORMAT, TODAY)).not.toThrow();
		}
	});

	it('leaves the prototype of plain objects alone', () => {
		parseTicket('{"__proto__":{"polluted":"yes"},"ticketNo":"A1"}', JSON_FORMAT, TODAY);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
	});
});

describe('parseTypedTicket', () => {
	it('takes the bare number in a hall whose QR codes are URLs', () => {
		expect(parseTypedTicket(' a023 ', CENTER, TODAY)).toMatchObject(ok('A023'));
	});

	it('still applies the hall pattern', () => {
		expect(parseTypedTicket('12345', CENTER, TODAY)).toMatchObject(no('bad_number'));
	});
});
