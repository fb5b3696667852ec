import { describe, expect, it } from 'vitest';
import { hallDate, hallTime } from './hall-time';

describe('hall time', () => {
	it('files an early morning ticket under the Shanghai day, not the UTC one', () => {
		expect(hallDate(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
	});

	it('shows only the clock for today and the date for other days', () => {
		expect(hallTime('2026-11-25T06:03:00Z', '2026-11-25')).toBe('14:03');
		expect(hallTime('2026-11-24T06:03:00Z', '2026-11-25')).toBe('2026-11-24 14:03');
	});

	it('shows nothing for a time it cannot read', () => {
		expect(hallTime('not a time', '2026-11-25')).toBe('');
	});
});
