import { distanceMeters, type Position } from './geo';
import { VISIT_LIMITS, type GeoStatus, type VisitRow } from './visit';

/**
 * What a visit shows beside its facts (docs/VISITS.md, "Flags are derived, never stored"): a position far from the
 * enterprise's saved one, a check-in or check-out without a position (and why), a visit still running. Never a
 * refusal: staff inside a concrete building get bad fixes, and a manager judges.
 */

export type VisitMoment = 'check_in' | 'check_out';

export type VisitFlag =
	| { kind: 'far'; at: VisitMoment; meters: number }
	| { kind: 'no_position'; at: VisitMoment; geo: Exclude<GeoStatus, 'fix'> }
	| { kind: 'running' };

export type FlaggedVisit = Pick<
	VisitRow,
	| 'check_in_geo'
	| 'check_in_latitude'
	| 'check_in_longitude'
	| 'check_out_at'
	| 'check_out_geo'
	| 'check_out_latitude'
	| 'check_out_longitude'
>;

/** The enterprise's saved position, or null when it has none (then nothing is "far"). */
export type EnterprisePosition = { latitude: number | null; longitude: number | null } | null;

function momentFlags(
	at: VisitMoment,
	geo: GeoStatus,
	latitude: number | null,
	longitude: number | null,
	enterprise: Position | null
): VisitFlag[] {
	if (geo !== 'fix') return [{ kind: 'no_position', at, geo }];
	if (latitude === null || longitude === null || enterprise === null) return [];
	const meters = Math.round(distanceMeters({ latitude, longitude }, enterprise));
	return meters > VISIT_LIMITS.farMeters ? [{ kind: 'far', at, meters }] : [];
}

/** The flags of `visit` against its enterprise's position: check-in's first, then check-out's (or running). */
export function visitFlags(visit: FlaggedVisit, enterprise: EnterprisePosition): VisitFlag[] {
	const saved =
		enterprise && enterprise.latitude !== null && enterprise.longitude !== null
			? { latitude: enterprise.latitude, longitude: enterprise.longitude }
			: null;
	const flags = momentFlags(
		'check_in',
		visit.check_in_geo,
		visit.check_in_latitude,
		visit.check_in_longitude,
		saved
	);
	if (visit.check_out_at === null || visit.check_out_geo === null) return [...flags, { kind: 'running' }];
	return [
		...flags,
		...momentFlags(
			'check_out',
			visit.check_out_geo,
			visit.check_out_latitude,
			visit.check_out_longitude,
			saved
		)
	];
}
