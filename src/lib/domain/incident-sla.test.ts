import { describe, expect, it } from 'vitest';
import type { IncidentLimitsRow, IncidentStatus } from './incident';
import { compareByUrgency, DEFAULT_INCIDENT_LIMITS, incidentSla, limitsOf } from './incident-sla';

// Times are written in the hall's zone (+08:00), as people there read them.
const at = (hallTime: string) => new Date(`${hallTime}+08:00`);
const iso = (hallTime: string) => at(hallTime).toISOString();

const incident = (
	severity: 1 | 2 | 3 | 4,
	reported: string,
	more: { status?: IncidentStatus; responded?: string; resolved?: string } = {}
) => ({
	severity,
	reported_at: iso(reported),
	status: more.status ?? 'reported',
	responded_at: more.responded ? iso(more.responded) : null,
	resolved_at: more.resolved ? iso(more.resolved) : null
});

describe('due times', () => {
	it('severity 1 at 23:50: respond by 00:05 and resolve by 01:50 the next day', () => {
		const sla = incidentSla(
			incident(1, '2026-11-30T23:50:00'),
			DEFAULT_INCIDENT_LIMITS,
			at('2026-11-30T23:55:00')
		);
		expect(sla.respond.due).toEqual(at('2026-12-01T00:05:00'));
		expect(sla.resolve.due).toEqual(at('2026-12-01T01:50:00'));
		expect(sla.respond).toMatchObject({ state: 'open', minutesLeft: 10 });
		expect(sla.overdue).toBe(false);
	});

	it('severity 4 on a Friday afternoon: three calendar days, through the weekend and into the next month', () => {
		const sla = incidentSla(
			incident(4, '2026-11-27T16:30:00'),
			DEFAULT_INCIDENT_LIMITS,
			at('2026-11-28T09:00:00')
		);
		expect(sla.respond.due).toEqual(at('2026-11-28T00:30:00'));
		expect(sla.resolve.due).toEqual(at('2026-11-30T16:30:00'));
		expect(sla.respond.state).toBe('overdue'); // nobody picked it up overnight
	});

	it('across a year end', () => {
		const sla = incidentSla(incident(3, '2026-12-31T22:00:00'), DEFAULT_INCIDENT_LIMITS);
		expect(sla.resolve.due).toEqual(at('2027-01-01T22:00:00'));
	});

	it('reads a hall’s own limits, and the defaults without a row', () => {
		const row: IncidentLimitsRow = {
			id: '01900000-0000-7000-8000-000000000001',
			hall_id: '01900000-0000-7000-8000-000000000001',
			respond_minutes_1: 5,
			resolve_minutes_1: 60,
			respond_minutes_2: 30,
			resolve_minutes_2: 480,
			respond_minutes_3: 120,
			resolve_minutes_3: 1440,
			respond_minutes_4: 480,
			resolve_minutes_4: 4320,
			version: 3
		};
		const sla = incidentSla(incident(1, '2026-11-30T10:00:00'), limitsOf(row), at('2026-11-30T10:06:00'));
		expect(sla.respond).toMatchObject({ due: at('2026-11-30T10:05:00'), state: 'overdue', minutesLeft: -1 });
		expect(limitsOf(null)).toBe(DEFAULT_INCIDENT_LIMITS);
	});
});

describe('standing', () => {
	it('past the respond limit without an assign or a start: overdue, and it stands out', () => {
		const sla = incidentSla(
			incident(2, '2026-11-30T09:00:00'),
			DEFAULT_INCIDENT_LIMITS,
			at('2026-11-30T09:31:00')
		);
		expect(sla.respond.state).toBe('overdue');
		expect(sla.overdue).toBe(true);
	});

	it('exactly at the due time it is not overdue yet', () => {
		const sla = incidentSla(
			incident(2, '2026-11-30T09:00:00'),
			DEFAULT_INCIDENT_LIMITS,
			at('2026-11-30T09:30:00')
		);
		expect(sla.respond.state).toBe('open');
	});

	it('responded in time but not resolved after the resolve limit: overdue', () => {
		const sla = incidentSla(
			incident(1, '2026-11-30T08:00:00', { status: 'in_progress', responded: '2026-11-30T08:10:00' }),
			DEFAULT_INCIDENT_LIMITS,
			at('2026-11-30T10:01:00')
		);
		expect(sla.respond.state).toBe('met');
		expect(sla.resolve.state).toBe('overdue');
		expect(sla.overdue).toBe(true);
	});

	it('resolved after its limit: late, no longer overdue (it waits for the manager, not for the fix)', () => {
		const sla = incidentSla(
			incident(1, '2026-11-30T08:00:00', {
				status: 'resolved',
				responded: '2026-11-30T08:20:00',
				resolved: '2026-11-30T11:00:00'
			}),
			DEFAULT_INCIDENT_LIMITS,
			at('2026-12-02T08:00:00')
		);
		expect(sla.respond.state).toBe('late');
		expect(sla.resolve.state).toBe('late');
		expect(sla.overdue).toBe(false);
		expect(sla.nextDue).toBeNull();
	});

	it('reopened: the resolve limit runs again from the report, so it is overdue at once', () => {
		const sla = incidentSla(
			incident(3, '2026-11-28T10:00:00', { status: 'in_progress', responded: '2026-11-28T10:30:00' }),
			DEFAULT_INCIDENT_LIMITS,
			at('2026-11-30T10:00:00')
		);
		expect(sla.resolve.state).toBe('overdue');
	});

	it('closed without ever being responded to: nothing runs, never overdue', () => {
		const sla = incidentSla(
			incident(4, '2026-11-01T10:00:00', { status: 'closed' }),
			DEFAULT_INCIDENT_LIMITS,
			at('2026-11-30T10:00:00')
		);
		expect(sla.respond.state).toBe('none');
		expect(sla.overdue).toBe(false);
	});
});

describe('urgency order', () => {
	it('overdue first, then the earliest due time, then the rest', () => {
		const now = at('2026-11-30T12:00:00');
		const entries = [
			{ id: 'a', row: incident(4, '2026-11-30T11:00:00') }, // respond due 19:00
			{
				id: 'b',
				row: incident(2, '2026-11-30T11:00:00', {
					status: 'resolved',
					resolved: '2026-11-30T11:30:00',
					responded: '2026-11-30T11:10:00'
				})
			},
			{ id: 'c', row: incident(1, '2026-11-30T11:00:00') }, // overdue since 11:15
			{ id: 'd', row: incident(3, '2026-11-30T11:30:00') } // respond due 13:30
		].map(({ id, row }) => ({
			incident: { id, reported_at: row.reported_at },
			sla: incidentSla(row, DEFAULT_INCIDENT_LIMITS, now)
		}));
		expect(entries.sort(compareByUrgency).map((entry) => entry.incident.id)).toEqual(['c', 'd', 'a', 'b']);
	});
});
