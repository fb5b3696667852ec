import fc from 'fast-check';
import { TIME_FORMS, type Ref } from './refs';

/**
 * Hostile values of each kind the schemas use, and of no kind at all. Every list is what a buggy or malicious
 * device could put in a field: the schema walker (zod-arbitrary.ts) mixes them into otherwise valid payloads.
 */

/** Any JSON a field could hold instead of the right type. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 1e308, -1e308, 2 ** 53 + 2, '', [], {}, [null], {
		a: 1
	}),
	fc.integer(),
	fc.double({ noNaN: true, noDefaultInfinity: true }),
	fc.string({ maxLength: 8 }),
	// Nesting, well inside the gateway's depth limit: a deep value must not reach a handler as anything but a refusal.
	fc.integer({ min: 1, max: 40 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown)
);

/** Text that breaks something somewhere: control characters, NUL, lone surrogates, injection-looking text. */
const nastyText: fc.Arbitrary<string> = fc.oneof(
	fc.constantFrom(
		'',
		' ',
		'\u0000',
		'a\u0000b',
		'\u0007',
		'\u001b[31m',
		'\u007f',
		'\t\r\n',
		'\ud800',
		'x\udfffy',
		'\udc00\ud800',
		'😀',
		'\u202e\u200b\ufeff',
		'\u3000',
		"'; drop table app.staff; --",
		'%s%n$1\\',
		'null',
		'true',
		'1e999'
	),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.string({
		unit: fc.constantFrom('\u0000', '\u0001', '\u001f', '\ud800', '\udc00', 'a', '汉'),
		maxLength: 20
	})
);

/** Long text: just past a limit, or far past any (the gateway takes up to 10 MB). */
export function longText(limit: number): fc.Arbitrary<string> {
	return fc
		.tuple(fc.constantFrom(limit + 1, limit * 3 + 7, 100_000), fc.constantFrom('x', '汉', '😀', 'A'))
		.map(([length, unit]) => unit.repeat(length));
}

export function hostileText(limit = 2000): fc.Arbitrary<unknown> {
	return fc.oneof(
		{ arbitrary: nastyText, weight: 4 },
		{ arbitrary: longText(limit), weight: 1 },
		{ arbitrary: wrongType, weight: 2 }
	);
}

const recentMinutes = fc.integer({ min: -120, max: 0 });

/** A device time inside the server's window: the last two hours, as UTC or in the hall's offset. */
export const validTime: fc.Arbitrary<Ref> = fc.record({
	$ref: fc.constant('time' as const),
	offsetMinutes: recentMinutes,
	form: fc.constantFrom('iso' as const, 'hall_offset' as const)
});

export const hostileTime: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(
		'0001-01-01T00:00:00Z',
		'0000-01-01T00:00:00Z',
		'1970-01-01T00:00:00Z',
		'9999-12-31T23:59:59Z',
		'9999-12-31T23:59:59-14:00',
		'2026-11-30T24:00:00Z',
		'2026-02-30T10:00:00Z',
		'infinity',
		'-infinity',
		'now',
		'epoch',
		'allballs'
	),
	// Now, written in a form the client's schema refuses.
	fc.record({
		$ref: fc.constant('time' as const),
		offsetMinutes: recentMinutes,
		form: fc.constantFrom(...TIME_FORMS.filter((form) => form !== 'iso' && form !== 'hall_offset'))
	}),
	// Just outside the window on either side, and far outside it.
	fc.record({
		$ref: fc.constant('time' as const),
		offsetMinutes: fc.oneof(
			fc.integer({ min: 11, max: 60 * 24 * 365 * 100 }),
			fc.integer({ min: -60 * 24 * 365 * 100, max: -60 * 24 * 31 })
		),
		form: fc.constantFrom('iso' as const, 'hall_offset' as const)
	}),
	hostileText(40)
);

/** The hall's today, mostly; yesterday sometimes (a ticket from a queue printed before midnight). */
export const validDate: fc.Arbitrary<Ref> = fc.record({
	$ref: fc.constant('date' as const),
	offsetDays: fc.constantFrom(0, 0, 0, -1)
});

export const hostileDate: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(
		'0000-01-01',
		'0001-01-01',
		'1900-02-29',
		'9999-12-31',
		'2026-02-30',
		'2026-13-01',
		'20261130',
		'2026-11-30T00:00:00Z',
		'today',
		'epoch',
		'infinity'
	),
	fc.record({ $ref: fc.constant('date' as const), offsetDays: fc.integer({ min: -40000, max: 40000 }) }),
	hostileText(20)
);

/** Real ids: of the caller's hall, of other halls (rows, staff, halls), or new ones. */
export const validId: fc.Arbitrary<Ref> = fc.record({
	$ref: fc.constant('id' as const),
	scope: fc.constantFrom('own' as const, 'fresh' as const, 'fresh' as const),
	pick: fc.nat()
});

export const hostileId: fc.Arbitrary<unknown> = fc.oneof(
	fc.record({ $ref: fc.constant('id' as const), scope: fc.constant('other' as const), pick: fc.nat() }),
	fc.constantFrom(
		'00000000-0000-0000-0000-000000000000',
		'ffffffff-ffff-ffff-ffff-ffffffffffff',
		'12345678-1234-0234-0234-123456789012',
		'12345678-1234-7234-c234-123456789012',
		'01234567-89AB-7DEF-8123-456789ABCDEF',
		'{01234567-89ab-7def-8123-456789abcdef}',
		'0123456789ab7def8123456789abcdef',
		'01234567-89ab-7def-8123-456789abcde',
		'a0000000-0000-4000-8000-000000000001'
	),
	fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] }),
	hostileText(40)
);

export function hostileInteger(low: number, high: number): fc.Arbitrary<unknown> {
	return fc.oneof(
		fc.constantFrom(low - 1, high + 1, 0, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, low + 0.5, String(low)),
		fc.integer(),
		fc.double({ noNaN: true, noDefaultInfinity: true }),
		wrongType
	);
}
