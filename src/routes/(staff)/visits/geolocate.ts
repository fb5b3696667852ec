/** Where the phone is at a check-in or check-out, or why it cannot say: a visit's saved position fields. */
export type GeoReading =
	| { geo: 'fix'; latitude: number; longitude: number; accuracy_m: number }
	| { geo: 'denied' | 'unavailable' | 'timeout'; latitude: null; longitude: null; accuracy_m: null };

export const GEO_TIMEOUT_MS = 15_000;
/** The largest accuracy a visit stores (VISIT_RULES); a coarser fix is kept, its accuracy capped. */
const MAX_ACCURACY_M = 100_000;

const without = (geo: 'denied' | 'unavailable' | 'timeout'): GeoReading => ({
	geo,
	latitude: null,
	longitude: null,
	accuracy_m: null
});

/**
 * One high-accuracy reading within 15 s. It never rejects and never waits longer: a denied permission, a phone
 * without a fix inside a building, or a prompt nobody answers (the browser's own timeout only starts once it is
 * answered) each resolve as that status, so a check-in is never held up by the position.
 */
export function readPosition(
	geolocation: Geolocation | undefined = globalThis.navigator?.geolocation,
	timeoutMs = GEO_TIMEOUT_MS
): Promise<GeoReading> {
	if (!geolocation) return Promise.resolve(without('unavailable'));
	return new Promise((resolve) => {
		let settled = false;
		const settle = (reading: GeoReading): void => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve(reading);
		};
		const timer = setTimeout(() => settle(without('timeout')), timeoutMs + 500);
		try {
			geolocation.getCurrentPosition(
				({ coords }) =>
					settle({
						geo: 'fix',
						latitude: coords.latitude,
						longitude: coords.longitude,
						accuracy_m: Math.min(Math.max(Math.round(coords.accuracy), 0), MAX_ACCURACY_M)
					}),
				(error) =>
					settle(
						without(
							error.code === error.PERMISSION_DENIED
								? 'denied'
								: error.code === error.TIMEOUT
									? 'timeout'
									: 'unavailable'
						)
					),
				{ enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 0 }
			);
		} catch {
			settle(without('unavailable'));
		}
	});
}
