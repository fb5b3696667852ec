import { StorageApiError, StorageUnknownError } from '@supabase/storage-js';
import { describe, expect, it } from 'vitest';
import { outcomeOf } from './photo-storage';

// How the upload queue reads Storage's answers (its error bodies carry the real status in `statusCode`, with HTTP 400).
describe('outcomeOf', () => {
	it.each([
		['413', 'too_large'],
		['415', 'bad_type'],
		['403', 'forbidden'],
		['404', 'refused']
	])('a Storage refusal %s is final: %s', (statusCode, refusal) => {
		expect(outcomeOf(new StorageApiError('refused', 400, statusCode))).toMatchObject({
			retry: false,
			refusal
		});
	});

	it.each([
		['a server fault', new StorageApiError('boom', 500, '500')],
		['an expired token', new StorageApiError('jwt expired', 400, '400')],
		['a network failure', new StorageUnknownError('fetch failed', new TypeError('fetch failed'))],
		['anything thrown', new TypeError('Failed to fetch')]
	])('%s is tried again later', (_case, error) => {
		expect(outcomeOf(error)).toMatchObject({ ok: false, retry: true });
	});
});
