import { VISIT_LIMITS } from '$lib/domain/visit';
import type { GeoReading } from '$lib/local/visits/writes';

/** How long a check-in waits for a position before it is saved without one. */
export const LOCATE_TIMEOUT_MS = 15_000;

/**
 * The phone's position for a check-in or check-out: one high-accuracy reading within 15 s. It never rejects and
 * never waits longer: a denied permission, a phone without a fix inside a building, no geolocation at all, or a
 * prompt nobody answers (the browser's own timeout only starts once it is answered) each resolve as that status,
 * saved with the visit, so a check-in is never held up by the position. A coarse fix is kept, its accuracy capped
 * at what a visit stores.
 */
export function locate(
	geolocation: Geolocation | undefined = globalThis.navigator?.geolocation,
	timeoutMs = LOCATE_TIMEOUT_MS
): Promise<GeoReading> {
	if (!geolocation) return Promise.resolve({ geo: 'unavailable' });
	return new Promise((resolve) => {
		let settled = false;
		const settle = (reading: GeoReading): void => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve(reading);
		};
		const timer = setTimeout(() => settle({ geo: 'timeout' }), timeoutMs + 500);
		try {
			geolocation.getCurrentPosition(
				({ coords }) =>
					settle({
						geo: 'fix',
						latitude: coords.latitude,
						longitude: coords.longitude,
						accuracy_m: Math.min(Math.max(Math.round(coords.accuracy), 0), VISIT_LIMITS.maxAccuracyMeters)
					}),
				(error) =>
					settle({
						geo:
							error.code === error.PERMISSION_DENIED
								? 'denied'
								: error.code === error.TIMEOUT
									? 'timeout'
									: 'unavailable'
					}),
				{ enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 0 }
			);
		} catch {
			settle({ geo: 'unavailable' });
		}
	});
}
