import { describe, expect, it } from 'vitest';
import { classifyCameraError } from './camera-errors';

describe('classifyCameraError', () => {
	it.each([
		// What html5-qrcode rejects with: getUserMedia's DOMException folded into a string.
		['Error getting userMedia, error = NotAllowedError: Permission denied', 'denied'],
		['Error getting userMedia, error = NotFoundError: Requested device not found', 'not_found'],
		['Error getting userMedia, error = NotReadableError: Could not start video source', 'busy'],
		['Error getting userMedia, error = OverconstrainedError: ', 'not_found'],
		['Camera streaming not supported by the browser.', 'unsupported'],
		['something else entirely', 'unknown']
	])('%s → %s', (thrown, problem) => {
		expect(classifyCameraError(thrown)).toBe(problem);
	});

	it('reads DOMExceptions and Errors by name', () => {
		expect(classifyCameraError(new DOMException('Permission denied', 'NotAllowedError'))).toBe('denied');
		expect(classifyCameraError(new DOMException('in use', 'NotReadableError'))).toBe('busy');
		expect(classifyCameraError(new Error('boom'))).toBe('unknown');
	});

	it('never fails on odd values', () => {
		for (const odd of [undefined, null, 42, {}]) expect(classifyCameraError(odd)).toBe('unknown');
	});
});
