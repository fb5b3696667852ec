import { VISIT_LIMITS } from '$lib/domain/visit';
import type { GeoReading } from '$lib/local/visits/writes';

/** How long a check-in waits for a position before it is saved without one. */
export const LOCATE_TIMEOUT_MS = 15_000;

/**
 * The phone's position for a check-in or check-out, never a reason to block: a denied permission, no fix within
 * 15 s, or no geolocation at all are answered as such and saved with the visit.
 */
export function locate(timeoutMs: number = LOCATE_TIMEOUT_MS): Promise<GeoReading> {
	const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
	if (!geolocation) return Promise.resolve({ geo: 'unavailable' });
	return new Promise((resolve) => {
		// getCurrentPosition's own timeout does not run while the permission prompt waits: this one does.
		const timer = setTimeout(() => resolve({ geo: 'timeout' }), timeoutMs + 1000);
		geolocation.getCurrentPosition(
			(position) => {
				clearTimeout(timer);
				resolve({
					geo: 'fix',
					latitude: position.coords.latitude,
					longitude: position.coords.longitude,
					accuracy_m: Math.min(Math.max(position.coords.accuracy, 0), VISIT_LIMITS.maxAccuracyMeters)
				});
			},
			(failure) => {
				clearTimeout(timer);
				resolve({
					geo:
						failure.code === failure.PERMISSION_DENIED
							? 'denied'
							: failure.code === failure.TIMEOUT
								? 'timeout'
								: 'unavailable'
				});
			},
			{ enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 }
		);
	});
}
