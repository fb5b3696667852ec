import { describe, expect, it } from 'vitest';
import type { IncidentRow } from '$lib/domain/incident';
import { DEFAULT_INCIDENT_LIMITS, incidentSla } from '$lib/domain/incident-sla';
import { assigneesOf, boardColumns, NO_FILTER, severityFrom } from './board-filter';

const LI = '0190e000-0000-7000-8000-000000000001';
const ZHANG = '0190e000-0000-7000-8000-000000000002';
const now = new Date('2026-11-30T12:00:00+08:00');

const entry = (id: string, fields: Partial<IncidentRow>) => {
	const incident: IncidentRow = {
		id,
		hall_id: '0190e000-0000-7000-8000-0000000000ff',
		category: 'equipment',
		severity: 3,
		place: '大厅',
		checkpoint_id: null,
		description: '故障',
		reporter_id: LI,
		reporter_name: '李娜',
		reported_at: '2026-11-30T03:00:00.000Z',
		status: 'reported',
		assignee_id: null,
		assignee_name: null,
		responded_at: null,
		resolved_at: null,
		closed_at: null,
		callback_result: null,
		source_check_id: null,
		version: 1,
		...fields
	};
	return { incident, sla: incidentSla(incident, DEFAULT_INCIDENT_LIMITS, now), pending: false };
};

const list = [
	entry('a', { severity: 1 }),
	entry('b', {
		status: 'assigned',
		assignee_id: ZHANG,
		assignee_name: '张敏',
		responded_at: '2026-11-30T03:10:00Z'
	}),
	entry('c', {
		category: 'complaint',
		status: 'in_progress',
		assignee_id: LI,
		assignee_name: '李娜',
		responded_at: '2026-11-30T03:10:00Z'
	}),
	entry('d', {
		status: 'closed',
		assignee_id: LI,
		assignee_name: '李娜',
		resolved_at: '2026-11-30T03:30:00Z',
		closed_at: '2026-11-30T03:40:00Z'
	})
];
const ids = (columns: ReturnType<typeof boardColumns>) =>
	Object.fromEntries(columns.map((column) => [column.status, column.entries.map((e) => e.incident.id)]));

describe('the board', () => {
	it('one column per status, closed only when asked for', () => {
		expect(ids(boardColumns(list, NO_FILTER))).toEqual({
			reported: ['a'],
			assigned: ['b'],
			in_progress: ['c'],
			resolved: []
		});
		expect(ids(boardColumns(list, { ...NO_FILTER, showClosed: true })).closed).toEqual(['d']);
	});

	it('filters by category, severity and assignee (or not assigned yet)', () => {
		const only = (filter: Partial<typeof NO_FILTER>) =>
			boardColumns(list, { ...NO_FILTER, showClosed: true, ...filter }).flatMap((c) =>
				c.entries.map((e) => e.incident.id)
			);
		expect(only({ category: 'complaint' })).toEqual(['c']);
		expect(only({ severity: '1' })).toEqual(['a']);
		expect(only({ assignee: LI })).toEqual(['c', 'd']);
		expect(only({ assignee: 'none' })).toEqual(['a']);
	});

	it('offers the assignees the incidents name', () => {
		expect(
			assigneesOf(list)
				.map((person) => person.name)
				.sort()
		).toEqual(['张敏', '李娜']);
	});
});

describe('a severity from a link', () => {
	it('takes 1…4 and ignores anything else', () => {
		expect(['1', '4'].map(severityFrom)).toEqual(['1', '4']);
		expect([null, '', '0', '5', 'x', ' 1'].map(severityFrom)).toEqual(['', '', '', '', '', '']);
	});
});
