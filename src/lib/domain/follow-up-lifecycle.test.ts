import { describe, expect, it } from 'vitest';
import {
	allowedFollowUpActions,
	followUpRefusal,
	followUpStatusAfter,
	isFollowUpOverdue,
	type FollowUpActor
} from './follow-up-lifecycle';
import type { FollowUpAction, FollowUpStatus } from './visit';

const OWNER = 'owner';
const owner: FollowUpActor = { staff_id: OWNER, manager: false };
const manager: FollowUpActor = { staff_id: 'boss', manager: true };
const colleague: FollowUpActor = { staff_id: 'other', manager: false };
const at = (status: FollowUpStatus) => ({ status, owner_id: OWNER });

describe('the lifecycle table', () => {
	// Each row of docs/VISITS.md's table: from which statuses, to which, who.
	it.each<[FollowUpAction, FollowUpStatus[], FollowUpStatus | 'same', string[]]>([
		['start', ['open'], 'in_progress', ['owner']],
		['done', ['open', 'in_progress'], 'done', ['owner', 'manager']],
		['cannot', ['open', 'in_progress'], 'cannot_solve', ['owner', 'manager']],
		['reopen', ['done', 'cannot_solve'], 'in_progress', ['manager']],
		['reassign', ['open', 'in_progress'], 'same', ['owner', 'manager']],
		['due', ['open', 'in_progress'], 'same', ['manager']]
	])('%s: from %j to %s, by %j', (action, from, to, who) => {
		const people = { owner, manager, colleague };
		for (const status of ['open', 'in_progress', 'done', 'cannot_solve'] as const) {
			for (const [name, actor] of Object.entries(people)) {
				const allowed = from.includes(status) && who.includes(name);
				expect(followUpRefusal(at(status), actor, action) === null, `${status} ${name}`).toBe(allowed);
			}
			if (from.includes(status)) {
				expect(followUpStatusAfter(action, status)).toBe(to === 'same' ? status : to);
			}
		}
	});
});

describe('followUpRefusal', () => {
	it('checks in the server’s order: stale, then status, then person, then fields', () => {
		expect(followUpRefusal(at('done'), colleague, 'start', 'open')).toEqual({
			code: 'conflict',
			reason: 'stale',
			current: 'done'
		});
		expect(followUpRefusal(at('done'), colleague, 'start')).toEqual({
			code: 'conflict',
			reason: 'not_from_status',
			current: 'done'
		});
		expect(followUpRefusal(at('open'), colleague, 'due')).toEqual({
			code: 'forbidden',
			reason: 'managers_only'
		});
		expect(followUpRefusal(at('open'), manager, 'start')).toEqual({
			code: 'forbidden',
			reason: 'owner_only'
		});
		expect(followUpRefusal(at('open'), colleague, 'done')).toEqual({
			code: 'forbidden',
			reason: 'owner_or_manager'
		});
		expect(followUpRefusal(at('open'), colleague, 'reassign', 'open', OWNER)).toEqual({
			code: 'forbidden',
			reason: 'owner_or_manager'
		});
		expect(followUpRefusal(at('open'), owner, 'reassign', 'open', OWNER)).toEqual({
			code: 'validation',
			reason: 'same_owner'
		});
	});

	it('offers the owner and a manager what each may take', () => {
		expect(allowedFollowUpActions(at('open'), owner)).toEqual(['start', 'done', 'cannot', 'reassign']);
		expect(allowedFollowUpActions(at('in_progress'), manager)).toEqual(['done', 'cannot', 'reassign', 'due']);
		expect(allowedFollowUpActions(at('done'), manager)).toEqual(['reopen']);
		expect(allowedFollowUpActions(at('done'), owner)).toEqual([]);
		expect(allowedFollowUpActions(at('open'), colleague)).toEqual([]);
	});
});

describe('overdue', () => {
	it('due before today and not closed; due today is not overdue; closed never is', () => {
		expect(isFollowUpOverdue({ status: 'open', due_on: '2026-11-30' }, '2026-12-01')).toBe(true);
		expect(isFollowUpOverdue({ status: 'in_progress', due_on: '2026-12-01' }, '2026-12-01')).toBe(false);
		expect(isFollowUpOverdue({ status: 'done', due_on: '2026-11-01' }, '2026-12-01')).toBe(false);
		expect(isFollowUpOverdue({ status: 'cannot_solve', due_on: '2026-11-01' }, '2026-12-01')).toBe(false);
	});
});
