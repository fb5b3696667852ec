import { describe, expect, it } from 'vitest';
import { hallDate, hallHour, hallTime } from './hall-time';

describe('hall time', () => {
	it('files an early morning ticket under the Shanghai day, not the UTC one', () => {
		expect(hallDate(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
	});

	it('shows only the clock for today and the date for other days', () => {
		expect(hallTime('2026-11-25T06:03:00Z', '2026-11-25')).toBe('14:03');
		expect(hallTime('2026-11-24T06:03:00Z', '2026-11-25')).toBe('2026-11-24 14:03');
	});

	it('agrees with the time-zone database for Asia/Shanghai, hour by hour, from 1992 to 2100', () => {
		const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', dateStyle: 'short' });
		const clock = new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Asia/Shanghai',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
		const disagreements: string[] = [];
		// Every 7 h 13 min walks through every hour of the day and every day of the week over the years.
		const step = (7 * 60 + 13) * 60 * 1000;
		for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2100, 0, 1); t += step) {
			const moment = new Date(t);
			const expected = `${day.format(moment)} ${clock.format(moment)}`;
			const actual = hallTime(moment.toISOString(), 'another day');
			if (actual !== expected) disagreements.push(`${moment.toISOString()}: ${actual} ≠ ${expected}`);
		}
		expect(disagreements.slice(0, 5)).toEqual([]);
	});

	it('shows nothing for a time it cannot read', () => {
		expect(hallTime('not a time', '2026-11-25')).toBe('');
	});

	it('reads the hall’s hour of an instant: 23:59 and 00:00 on either side of the UTC day', () => {
		expect(hallHour('2026-11-25T15:59:00Z')).toBe(23);
		expect(hallHour('2026-11-25T16:00:00Z')).toBe(0);
		expect(hallHour('2026-11-25T09:30:00+08:00')).toBe(9);
	});
});
