import type { IncidentCategory, IncidentStatus } from '$lib/domain/incident';
import { INCIDENT_STATUSES } from '$lib/domain/incident';
import type { IncidentListEntry } from '$lib/local/incidents/queries';

/** The board's filters: '' means all; `assignee` 'none' means not assigned yet. */
export interface BoardFilter {
	category: IncidentCategory | '';
	severity: '' | '1' | '2' | '3' | '4';
	assignee: string;
	showClosed: boolean;
}

export const NO_FILTER: BoardFilter = { category: '', severity: '', assignee: '', showClosed: false };

/** A severity filter from a link's `?severity=`: anything but 1…4 is no filter. */
export function severityFrom(value: string | null): BoardFilter['severity'] {
	return value === '1' || value === '2' || value === '3' || value === '4' ? value : '';
}

/**
 * The board's columns, one per status in the lifecycle's order (closed only when asked for), each keeping the
 * list's urgency order: overdue first.
 */
export function boardColumns(
	entries: readonly IncidentListEntry[],
	filter: BoardFilter
): { status: IncidentStatus; entries: IncidentListEntry[] }[] {
	const kept = entries.filter(({ incident }) => {
		if (filter.category && incident.category !== filter.category) return false;
		if (filter.severity && String(incident.severity) !== filter.severity) return false;
		if (filter.assignee === 'none') return incident.assignee_id === null;
		if (filter.assignee && incident.assignee_id !== filter.assignee) return false;
		return true;
	});
	return INCIDENT_STATUSES.filter((status) => status !== 'closed' || filter.showClosed).map((status) => ({
		status,
		entries: kept.filter((entry) => entry.incident.status === status)
	}));
}

/** Who incidents are assigned to, for the assignee filter: from the incidents themselves. */
export function assigneesOf(entries: readonly IncidentListEntry[]): { id: string; name: string }[] {
	const names = new Map<string, string>();
	for (const { incident } of entries) {
		if (incident.assignee_id && incident.assignee_name)
			names.set(incident.assignee_id, incident.assignee_name);
	}
	return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
