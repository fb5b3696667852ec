import { describe, expect, it } from 'vitest';
import { INCIDENT_ACTIONS, INCIDENT_STATUSES, type IncidentAction, type IncidentStatus } from './incident';
import {
	allowedActions,
	refusal,
	statusAfter,
	TRANSITIONS,
	type LifecycleActor,
	type LifecycleIncident
} from './incident-lifecycle';

const ASSIGNEE = '01900000-0000-7000-8000-00000000000a';
const manager: LifecycleActor = { staff_id: '01900000-0000-7000-8000-00000000000b', manager: true };
const assignee: LifecycleActor = { staff_id: ASSIGNEE, manager: false };
const colleague: LifecycleActor = { staff_id: '01900000-0000-7000-8000-00000000000c', manager: false };

const incident = (status: IncidentStatus, more: Partial<LifecycleIncident> = {}): LifecycleIncident => ({
	status,
	category: 'equipment',
	assignee_id: status === 'reported' ? null : ASSIGNEE,
	callback_result: null,
	...more
});

/** The contract's table (docs/PATROL.md), written out again by hand: from → to, and who besides a manager. */
const TABLE: Record<
	IncidentAction,
	{ from: IncidentStatus[]; to: IncidentStatus | null; assignee: boolean }
> = {
	assign: { from: ['reported', 'assigned', 'in_progress'], to: 'assigned', assignee: false },
	start: { from: ['assigned'], to: 'in_progress', assignee: true },
	resolve: { from: ['assigned', 'in_progress'], to: 'resolved', assignee: true },
	close: { from: ['resolved'], to: 'closed', assignee: false },
	reopen: { from: ['resolved', 'closed'], to: 'in_progress', assignee: false },
	callback: { from: ['resolved'], to: null, assignee: true }
};

describe('the lifecycle table', () => {
	it('is the contract’s, action by action', () => {
		for (const action of INCIDENT_ACTIONS) {
			expect({ action, from: [...TRANSITIONS[action].from], to: TRANSITIONS[action].to }).toEqual({
				action,
				from: TABLE[action].from,
				to: TABLE[action].to
			});
		}
	});

	describe.each(
		INCIDENT_ACTIONS.flatMap((action) => INCIDENT_STATUSES.map((status) => [action, status] as const))
	)('%s from %s', (action, status) => {
		const allowedFrom = TABLE[action].from.includes(status);
		// A complaint, already called back: only the status and the person decide.
		const subject = incident(status, { category: 'complaint', callback_result: '已回访，满意' });

		it(allowedFrom ? 'a manager may' : 'nobody may: a conflict naming the status', () => {
			expect(refusal(subject, manager, action)).toEqual(
				allowedFrom ? null : { code: 'conflict', reason: 'not_from_status', current: status }
			);
		});

		it(
			allowedFrom && TABLE[action].assignee
				? 'the assignee may; another colleague is forbidden'
				: 'staff who are not managers may not',
			() => {
				const forAssignee = refusal(subject, assignee, action);
				const forColleague = refusal(subject, colleague, action);
				if (!allowedFrom) {
					expect(forAssignee?.code).toBe('conflict');
					expect(forColleague?.code).toBe('conflict');
				} else if (TABLE[action].assignee) {
					expect(forAssignee).toBeNull();
					expect(forColleague).toEqual({ code: 'forbidden', reason: 'assignee_or_manager' });
				} else {
					expect(forAssignee).toEqual({ code: 'forbidden', reason: 'managers_only' });
					expect(forColleague).toEqual({ code: 'forbidden', reason: 'managers_only' });
				}
			}
		);
	});
});

describe('stale transitions', () => {
	it('a device that saw another status is refused, naming the current one, before anything else is checked', () => {
		// Two phones saw "assigned"; the first started it, the second's resolve arrives later.
		expect(refusal(incident('in_progress'), assignee, 'start', 'assigned')).toEqual({
			code: 'conflict',
			reason: 'stale',
			current: 'in_progress'
		});
		// Even a colleague who could never have done it learns that it changed first.
		expect(refusal(incident('closed'), colleague, 'close', 'resolved')).toMatchObject({ reason: 'stale' });
	});
});

describe('complaints', () => {
	const complaint = (callback: string | null) =>
		incident('resolved', { category: 'complaint', callback_result: callback });

	it('close only once the callback is recorded', () => {
		expect(refusal(complaint(null), manager, 'close')).toEqual({
			code: 'conflict',
			reason: 'callback_needed'
		});
		expect(refusal(complaint('电话回访，满意'), manager, 'close')).toBeNull();
	});

	it('a staff member who may not close learns that first, not the missing callback', () => {
		expect(refusal(complaint(null), assignee, 'close')).toEqual({
			code: 'forbidden',
			reason: 'managers_only'
		});
	});

	it('other incidents close without a callback, and take none', () => {
		expect(refusal(incident('resolved'), manager, 'close')).toBeNull();
		expect(refusal(incident('resolved'), manager, 'callback')).toEqual({
			code: 'conflict',
			reason: 'not_a_complaint'
		});
	});
});

describe('what a screen offers', () => {
	it('a manager on a new report: assign only', () => {
		expect(allowedActions(incident('reported'), manager)).toEqual(['assign']);
	});

	it('the assignee of an assigned incident: start or resolve; a colleague: nothing', () => {
		expect(allowedActions(incident('assigned'), assignee)).toEqual(['start', 'resolve']);
		expect(allowedActions(incident('assigned'), colleague)).toEqual([]);
	});

	it('a resolved complaint: the manager calls back or reopens, then closes', () => {
		const complaint = incident('resolved', { category: 'complaint' });
		expect(allowedActions(complaint, manager)).toEqual(['reopen', 'callback']);
		expect(allowedActions({ ...complaint, callback_result: '满意' }, manager)).toEqual([
			'close',
			'reopen',
			'callback'
		]);
		expect(allowedActions(complaint, assignee)).toEqual(['callback']);
	});

	it('a closed incident: only a manager’s reopen', () => {
		expect(allowedActions(incident('closed'), manager)).toEqual(['reopen']);
		expect(allowedActions(incident('closed'), assignee)).toEqual([]);
	});
});

describe('statusAfter', () => {
	it('moves as the table says; a callback keeps the status', () => {
		expect(statusAfter('assign', 'in_progress')).toBe('assigned');
		expect(statusAfter('reopen', 'closed')).toBe('in_progress');
		expect(statusAfter('callback', 'resolved')).toBe('resolved');
	});
});
