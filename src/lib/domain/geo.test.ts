import { describe, expect, it } from 'vitest';
import { distanceMeters, EARTH_RADIUS_M, isLatitude, isLongitude } from './geo';

describe('distanceMeters', () => {
	it('one degree of latitude, and of longitude on the equator, is 111,195 m on the mean sphere', () => {
		expect(distanceMeters({ latitude: 39, longitude: 117 }, { latitude: 40, longitude: 117 })).toBeCloseTo(
			111_195.08,
			1
		);
		expect(distanceMeters({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo(
			111_195.08,
			1
		);
	});

	it('the same point is 0 m; antipodes are half the circumference, not NaN', () => {
		const tianjin = { latitude: 39.1467, longitude: 117.2056 };
		expect(distanceMeters(tianjin, tianjin)).toBe(0);
		expect(distanceMeters({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(
			Math.PI * EARTH_RADIUS_M,
			3
		);
	});

	it('Beijing to Shanghai city centres is about 1,067 km, and symmetric', () => {
		const beijing = { latitude: 39.9042, longitude: 116.4074 };
		const shanghai = { latitude: 31.2304, longitude: 121.4737 };
		const there = distanceMeters(beijing, shanghai);
		expect(there / 1000).toBeGreaterThan(1065);
		expect(there / 1000).toBeLessThan(1070);
		expect(distanceMeters(shanghai, beijing)).toBeCloseTo(there, 6);
	});

	it('across a street in 河北区: 0.0045° of latitude is about 500 m', () => {
		const a = { latitude: 39.15, longitude: 117.2 };
		expect(distanceMeters(a, { latitude: 39.1545, longitude: 117.2 })).toBeCloseTo(500.4, 0);
	});
});

describe('coordinate ranges', () => {
	it('accepts the ends, refuses beyond them and non-numbers', () => {
		expect([isLatitude(-90), isLatitude(90), isLatitude(90.0001), isLatitude(Number.NaN)]).toEqual([
			true,
			true,
			false,
			false
		]);
		expect([isLongitude(-180), isLongitude(180), isLongitude(-180.5), isLongitude(Infinity)]).toEqual([
			true,
			true,
			false,
			false
		]);
	});
});
