import { INCIDENT_LIMITS, SEVERITIES, type IncidentLimitsRow, type Severity } from '$lib/domain/incident';
import { limitsOf } from '$lib/domain/incident-sla';
import type { LimitsInput } from '$lib/local/incidents/writes';

/** The limits form: minutes as typed, per severity; checked as the server checks them, field by field. */
export type LimitsDraft = Record<Severity, { respond: string; resolve: string }>;
export type LimitProblem = 'range' | 'respond_over_resolve';

export function draftOf(row: IncidentLimitsRow | null): LimitsDraft {
	const limits = limitsOf(row);
	const draft = {} as LimitsDraft;
	for (const severity of SEVERITIES) {
		draft[severity] = {
			respond: String(limits[severity].respond_minutes),
			resolve: String(limits[severity].resolve_minutes)
		};
	}
	return draft;
}

const minutes = (text: string): number | null => {
	const trimmed = text.trim();
	if (!/^[0-9]+$/.test(trimmed)) return null;
	const value = Number(trimmed);
	return value >= INCIDENT_LIMITS.minMinutes && value <= INCIDENT_LIMITS.maxMinutes ? value : null;
};

/** Each field's problem (`<severity>.respond` / `.resolve`), or the input the write takes when there is none. */
export function checkLimits(
	draft: LimitsDraft
): { ok: true; input: LimitsInput } | { ok: false; problems: Record<string, LimitProblem> } {
	const problems: Record<string, LimitProblem> = {};
	const values = {} as Record<string, number>;
	for (const severity of SEVERITIES) {
		const respond = minutes(draft[severity].respond);
		const resolve = minutes(draft[severity].resolve);
		if (respond === null) problems[`${severity}.respond`] = 'range';
		if (resolve === null) problems[`${severity}.resolve`] = 'range';
		if (respond !== null && resolve !== null && respond > resolve) {
			problems[`${severity}.respond`] = 'respond_over_resolve';
		}
		values[`respond_minutes_${severity}`] = respond ?? 0;
		values[`resolve_minutes_${severity}`] = resolve ?? 0;
	}
	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return { ok: true, input: values as unknown as LimitsInput };
}
