import { describe, expect, it } from 'vitest';
import { visitFlags, type FlaggedVisit } from './visit-flags';

const ENTERPRISE = { latitude: 39.15, longitude: 117.2 };

const visit = (fields: Partial<FlaggedVisit> = {}): FlaggedVisit => ({
	check_in_geo: 'fix',
	check_in_latitude: 39.1501,
	check_in_longitude: 117.2001,
	check_out_at: '2026-12-01T03:00:00.000Z',
	check_out_geo: 'fix',
	check_out_latitude: 39.1502,
	check_out_longitude: 117.2,
	...fields
});

describe('visitFlags', () => {
	it('a visit checked in and out at the enterprise has no flag', () => {
		expect(visitFlags(visit(), ENTERPRISE)).toEqual([]);
	});

	it('a fix farther than 500 m is flagged with the distance, at check-in or check-out', () => {
		expect(visitFlags(visit({ check_in_latitude: 39.16 }), ENTERPRISE)).toEqual([
			{ kind: 'far', at: 'check_in', meters: 1112 }
		]);
		expect(visitFlags(visit({ check_out_latitude: 39.1546 }), ENTERPRISE)).toEqual([
			{ kind: 'far', at: 'check_out', meters: 511 }
		]);
		// 489 m is near enough.
		expect(visitFlags(visit({ check_in_latitude: 39.1544 }), ENTERPRISE)).toEqual([]);
	});

	it('no position says why, for each moment', () => {
		expect(
			visitFlags(
				visit({
					check_in_geo: 'denied',
					check_in_latitude: null,
					check_in_longitude: null,
					check_out_geo: 'timeout',
					check_out_latitude: null,
					check_out_longitude: null
				}),
				ENTERPRISE
			)
		).toEqual([
			{ kind: 'no_position', at: 'check_in', geo: 'denied' },
			{ kind: 'no_position', at: 'check_out', geo: 'timeout' }
		]);
	});

	it('a running visit says so; an enterprise without a position makes nothing far', () => {
		const running = visit({
			check_in_latitude: 40,
			check_out_at: null,
			check_out_geo: null,
			check_out_latitude: null,
			check_out_longitude: null
		});
		expect(visitFlags(running, { latitude: null, longitude: null })).toEqual([{ kind: 'running' }]);
		expect(visitFlags(running, null)).toEqual([{ kind: 'running' }]);
	});
});
