import { afterEach, describe, expect, it, vi } from 'vitest';
import { locate } from './locate';

const ERROR_CODES = { PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as const;

function fakeGeolocation(
	answer: (success: PositionCallback, failure: PositionErrorCallback, options?: PositionOptions) => void
): Geolocation & { options: PositionOptions | undefined } {
	const fake: Geolocation & { options: PositionOptions | undefined } = {
		options: undefined,
		getCurrentPosition(
			success: PositionCallback,
			failure?: PositionErrorCallback | null,
			options?: PositionOptions
		) {
			fake.options = options;
			answer(success, failure ?? (() => {}), options);
		},
		watchPosition: () => 0,
		clearWatch: () => {}
	};
	return fake;
}

const failWith = (code: number) => (_: PositionCallback, failure: PositionErrorCallback) =>
	failure({ code, message: '', ...ERROR_CODES });

afterEach(() => vi.useRealTimers());

describe('a check-in’s position', () => {
	it('keeps a fix, asking for high accuracy within 15 s', async () => {
		const geolocation = fakeGeolocation((success) =>
			success({ coords: { latitude: 39.16, longitude: 117.2, accuracy: 12.6 } } as GeolocationPosition)
		);
		await expect(locate(geolocation)).resolves.toEqual({
			geo: 'fix',
			latitude: 39.16,
			longitude: 117.2,
			accuracy_m: 13
		});
		expect(geolocation.options).toMatchObject({ enableHighAccuracy: true, timeout: 15_000 });
	});

	it('caps a very coarse accuracy at what a visit stores', async () => {
		const geolocation = fakeGeolocation((success) =>
			success({ coords: { latitude: 1, longitude: 2, accuracy: 250_000 } } as GeolocationPosition)
		);
		expect(await locate(geolocation)).toMatchObject({ accuracy_m: 100_000 });
	});

	it.each([
		[ERROR_CODES.PERMISSION_DENIED, 'denied'],
		[ERROR_CODES.POSITION_UNAVAILABLE, 'unavailable'],
		[ERROR_CODES.TIMEOUT, 'timeout']
	])('saves error %i as %s, without a position', async (code, geo) => {
		await expect(locate(fakeGeolocation(failWith(code)))).resolves.toEqual({ geo });
	});

	it('says unavailable on a device without geolocation', async () => {
		expect((await locate(undefined)).geo).toBe('unavailable');
	});

	it('gives up as a timeout when the permission prompt is never answered', async () => {
		vi.useFakeTimers();
		const reading = locate(fakeGeolocation(() => {}));
		await vi.advanceTimersByTimeAsync(16_000);
		expect((await reading).geo).toBe('timeout');
	});
});
