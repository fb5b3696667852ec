/**
 * Distances between positions on the ground, for a visit's "far from the enterprise" flag: the haversine formula on
 * a sphere of the Earth's mean radius (IUGG, 6,371,008.8 m). Across a district (a few km) the error against the
 * ellipsoid is well under 0.5 %, far below a phone's position accuracy.
 */

export const EARTH_RADIUS_M = 6_371_008.8;

export interface Position {
	latitude: number;
	longitude: number;
}

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** The great-circle distance from `a` to `b`, in metres. */
export function distanceMeters(a: Position, b: Position): number {
	const dLat = radians(b.latitude - a.latitude);
	const dLon = radians(b.longitude - a.longitude);
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
	// min(1, …): rounding can push h a hair above 1 for antipodal points, and asin would answer NaN.
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const isLatitude = (value: number): boolean => Number.isFinite(value) && value >= -90 && value <= 90;
export const isLongitude = (value: number): boolean =>
	Number.isFinite(value) && value >= -180 && value <= 180;
