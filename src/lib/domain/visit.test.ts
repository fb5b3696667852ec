import { describe, expect, it } from 'vitest';
import { addDays } from './hall-time';
import { actOnFollowUp, dueDateFits, openFollowUp, saveVisit, type SaveVisit } from './visit';

const ID = '0190c000-0000-7000-8000-000000000001';
const OTHER = '0190c000-0000-7000-8000-000000000002';

const visit = (fields: Partial<SaveVisit> = {}): SaveVisit => ({
	id: ID,
	enterprise_id: OTHER,
	project_id: null,
	kind: 'onsite',
	companion_ids: [],
	met: '张经理',
	check_in_at: '2026-12-01T01:00:00.000Z',
	check_in_geo: 'fix',
	check_in_latitude: 39.15,
	check_in_longitude: 117.2,
	check_in_accuracy_m: 12.5,
	check_out_at: '2026-12-01T02:00:00.000Z',
	check_out_geo: 'denied',
	check_out_latitude: null,
	check_out_longitude: null,
	check_out_accuracy_m: null,
	summary: '了解企业用工需求',
	saved_at: '2026-12-01T02:00:00.000Z',
	...fields
});

const fails = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
	result.success ? [] : (result.error?.issues.map((issue) => issue.path.join('.')) ?? []);

describe('visit.save payload rules (the server refuses the same)', () => {
	it('accepts a finished visit and a running one', () => {
		expect(saveVisit.safeParse(visit()).success).toBe(true);
		const running = visit({
			check_out_at: null,
			check_out_geo: null,
			summary: null
		});
		expect(saveVisit.safeParse(running).success).toBe(true);
	});

	it('a project visit names its project', () => {
		expect(fails(saveVisit.safeParse(visit({ kind: 'project' })))).toEqual(['project_id']);
		expect(saveVisit.safeParse(visit({ kind: 'project', project_id: OTHER })).success).toBe(true);
	});

	it('position fields match the status: all three with a fix, none without', () => {
		expect(fails(saveVisit.safeParse(visit({ check_in_accuracy_m: null })))).toEqual(['check_in_geo']);
		expect(fails(saveVisit.safeParse(visit({ check_in_geo: 'timeout' })))).toEqual(['check_in_geo']);
		expect(fails(saveVisit.safeParse(visit({ check_out_latitude: 39 })))).toEqual(['check_out_geo']);
		expect(fails(saveVisit.safeParse(visit({ check_out_at: null })))).toEqual(['check_out_geo']);
		expect(fails(saveVisit.safeParse(visit({ check_out_geo: null })))).toEqual(['check_out_geo']);
	});

	it('coordinates and accuracy in range', () => {
		expect(fails(saveVisit.safeParse(visit({ check_in_latitude: 91 })))).toContain('check_in_latitude');
		expect(fails(saveVisit.safeParse(visit({ check_in_longitude: -181 })))).toContain('check_in_longitude');
		expect(fails(saveVisit.safeParse(visit({ check_in_accuracy_m: 100_001 })))).toContain(
			'check_in_accuracy_m'
		);
	});

	it('check-out not before check-in (offsets compared as instants)', () => {
		expect(fails(saveVisit.safeParse(visit({ check_out_at: '2026-12-01T00:59:59.000Z' })))).toEqual([
			'check_out_at'
		]);
		expect(saveVisit.safeParse(visit({ check_out_at: '2026-12-01T09:30:00+08:00' })).success).toBe(true);
	});

	it('companions: at most 10, each once', () => {
		expect(fails(saveVisit.safeParse(visit({ companion_ids: [OTHER, OTHER] })))).toEqual(['companion_ids']);
	});
});

describe('follow-up payloads', () => {
	const opening = {
		id: ID,
		event_id: OTHER,
		enterprise_id: OTHER,
		visit_id: null,
		demand: '希望协调办理施工许可',
		owner_id: OTHER,
		// 2026-12-01T17:00Z is already 2026-12-02 in the hall.
		opened_at: '2026-12-01T17:00:00.000Z'
	};

	it('due from the opening’s hall day to 365 days after', () => {
		expect(openFollowUp.safeParse({ ...opening, due_on: '2026-12-02' }).success).toBe(true);
		expect(openFollowUp.safeParse({ ...opening, due_on: '2027-12-02' }).success).toBe(true);
		expect(fails(openFollowUp.safeParse({ ...opening, due_on: '2026-12-01' }))).toEqual(['due_on']);
		expect(fails(openFollowUp.safeParse({ ...opening, due_on: '2027-12-03' }))).toEqual(['due_on']);
		expect(dueDateFits('2028-02-29', '2027-03-01T00:00:00Z')).toBe(true);
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
	});

	it('an action carries exactly the fields it needs', () => {
		const step = {
			id: ID,
			follow_up_id: OTHER,
			from_status: 'open',
			owner_id: null,
			due_on: null,
			note: null,
			occurred_at: '2026-12-01T01:00:00.000Z'
		};
		expect(actOnFollowUp.safeParse({ ...step, action: 'start' }).success).toBe(true);
		expect(fails(actOnFollowUp.safeParse({ ...step, action: 'done' }))).toEqual(['note']);
		expect(fails(actOnFollowUp.safeParse({ ...step, action: 'cannot', note: '  ' }))).toEqual(['note']);
		expect(fails(actOnFollowUp.safeParse({ ...step, action: 'reopen' }))).toEqual(['note']);
		expect(fails(actOnFollowUp.safeParse({ ...step, action: 'reassign' }))).toEqual(['owner_id']);
		expect(fails(actOnFollowUp.safeParse({ ...step, action: 'start', owner_id: OTHER }))).toEqual([
			'owner_id'
		]);
		expect(fails(actOnFollowUp.safeParse({ ...step, action: 'due' }))).toEqual(['due_on']);
		expect(actOnFollowUp.safeParse({ ...step, action: 'due', due_on: '2026-12-20' }).success).toBe(true);
	});
});
