import type { GeoStatus, VisitKind } from '$lib/domain/visit';
import { VISIT_LIMITS } from '$lib/domain/visit';
import type { VisitFlag } from '$lib/domain/visit-flags';
import { tv } from '$lib/features/visits/messages';

/** A visit's words on screen, from the visits pack: kinds, positions and flags. */

export const visitKindLabel = (kind: VisitKind): string => tv(`visit.kind.${kind}`);

/** 320 米, 1.2 公里. */
export function distanceLabel(meters: number): string {
	return meters < 1000
		? tv('visit.distance.meters', { value: String(Math.round(meters)) })
		: tv('visit.distance.km', { value: (meters / 1000).toFixed(1) });
}

/** What asking for the position gave, in words: "已定位（精度约 12 米）", "未获定位授权"… */
export function geoLabel(geo: GeoStatus, accuracyM: number | null): string {
	return geo === 'fix'
		? tv('visit.geo.fix', { meters: String(Math.round(accuracyM ?? 0)) })
		: tv(`visit.geo.${geo}`);
}

export function flagLabel(flag: VisitFlag): string {
	switch (flag.kind) {
		case 'far':
			return tv(flag.at === 'check_in' ? 'visit.flag.far' : 'visit.flag.farOut', {
				distance: distanceLabel(flag.meters),
				limit: String(VISIT_LIMITS.farMeters)
			});
		case 'no_position':
			return tv(flag.at === 'check_in' ? 'visit.flag.noPosition' : 'visit.flag.noPositionOut', {
				reason: tv(`visit.geo.${flag.geo}`)
			});
		default:
			return tv('visit.flag.running');
	}
}
