import { describe, expect, it } from 'vitest';
import { checkLimits, draftOf } from './limits-draft';

describe('the limits form', () => {
	it('starts from the defaults when the hall has no row, and stores them unchanged', () => {
		const draft = draftOf(null);
		expect(draft[1]).toEqual({ respond: '15', resolve: '120' });
		expect(checkLimits(draft)).toMatchObject({
			ok: true,
			input: {
				respond_minutes_1: 15,
				resolve_minutes_1: 120,
				respond_minutes_4: 480,
				resolve_minutes_4: 4320
			}
		});
	});

	it('refuses what the server refuses, naming the field: out of range, not whole, respond over resolve', () => {
		const draft = draftOf(null);
		draft[1].respond = '0';
		draft[2].resolve = '1.5';
		draft[3].respond = '2000';
		draft[4].resolve = '43201';
		expect(checkLimits(draft)).toEqual({
			ok: false,
			problems: {
				'1.respond': 'range',
				'2.resolve': 'range',
				'3.respond': 'respond_over_resolve',
				'4.resolve': 'range'
			}
		});
	});
});
