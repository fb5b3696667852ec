import { describe, expect, it } from 'vitest';
import { acceptableCodings, parseAcceptEncoding } from '../../scripts/content-encoding';

const codings = (header: string | undefined): string[] =>
	acceptableCodings(header).map((entry) => entry.coding);

describe('acceptableCodings', () => {
	it('prefers brotli when a browser accepts both, gzip when only gzip', () => {
		expect(codings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
		expect(codings('gzip, deflate')).toEqual(['gzip']);
		expect(codings('x-gzip')).toEqual(['gzip']);
	});

	it('follows the client’s qualities and refusals', () => {
		expect(codings('br;q=0.5, gzip;q=1')).toEqual(['gzip', 'br']);
		expect(codings('br;q=0, gzip')).toEqual(['gzip']);
		expect(codings('BR; Q=0.8')).toEqual(['br']);
		expect(codings('br;q=2')).toEqual([]);
	});

	it('offers nothing without a header or for identity and unknown codings only', () => {
		expect(codings(undefined)).toEqual([]);
		expect(codings('')).toEqual([]);
		expect(codings('identity')).toEqual([]);
		expect(codings('deflate, zstd')).toEqual([]);
	});

	it('lets * stand for the codings not named', () => {
		expect(codings('*')).toEqual(['br', 'gzip']);
		expect(codings('br;q=0, *')).toEqual(['gzip']);
		expect(codings('*;q=0')).toEqual([]);
	});
});

describe('parseAcceptEncoding', () => {
	it('reads codings and qualities, defaulting q to 1', () => {
		expect([...parseAcceptEncoding('gzip;q=0.3, br , identity;q=0')]).toEqual([
			['gzip', 0.3],
			['br', 1],
			['identity', 0]
		]);
	});
});
