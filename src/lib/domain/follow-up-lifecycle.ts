import type { FollowUpAction, FollowUpEventKind, FollowUpStatus } from './visit';

/**
 * A follow-up's state machine (docs/VISITS.md, "follow_up.act"): which action goes from which status to which, and
 * who may take it. Pure, shared by the screens (they offer only what the signed-in person may take) and the
 * device's applies; the server's app.op_follow_up_act checks in the same order (stale, status, person, fields), so
 * a refusal carries the same code on both sides.
 */

export interface FollowUpTransition {
	from: readonly FollowUpStatus[];
	/** null: the status stays (a reassign or a new due date). */
	to: FollowUpStatus | null;
	/** The timeline entry it writes. */
	kind: FollowUpEventKind;
	/** Whether the follow-up's owner may take it; `managers` whether a manager may (whoever owns it). */
	owner: boolean;
	managers: boolean;
}

export const FOLLOW_UP_TRANSITIONS: Readonly<Record<FollowUpAction, FollowUpTransition>> = {
	// Only the owner says they started: a manager starting it for them would say nothing true.
	start: { from: ['open'], to: 'in_progress', kind: 'started', owner: true, managers: false },
	done: { from: ['open', 'in_progress'], to: 'done', kind: 'done', owner: true, managers: true },
	cannot: {
		from: ['open', 'in_progress'],
		to: 'cannot_solve',
		kind: 'cannot_solve',
		owner: true,
		managers: true
	},
	// A closed follow-up is reopened by a manager's decision, and goes back to work at once.
	reopen: {
		from: ['done', 'cannot_solve'],
		to: 'in_progress',
		kind: 'reopened',
		owner: false,
		managers: true
	},
	reassign: { from: ['open', 'in_progress'], to: null, kind: 'reassigned', owner: true, managers: true },
	due: { from: ['open', 'in_progress'], to: null, kind: 'due_changed', owner: false, managers: true }
};

/** What the lifecycle reads of a follow-up. */
export interface LifecycleFollowUp {
	status: FollowUpStatus;
	owner_id: string;
}

/** Who acts: their staff id, and whether they are a manager of the follow-up's hall. */
export interface FollowUpActor {
	staff_id: string;
	manager: boolean;
}

/**
 * Why an action is refused, with the server's rejection code: `conflict` when the follow-up's state does not allow
 * it (whoever asked), `forbidden` when it does but not for this person, `validation` for a reassign to the owner
 * it already has.
 */
export type FollowUpRefusal =
	| { code: 'conflict'; reason: 'stale'; current: FollowUpStatus }
	| { code: 'conflict'; reason: 'not_from_status'; current: FollowUpStatus }
	| { code: 'forbidden'; reason: 'managers_only' | 'owner_only' | 'owner_or_manager' }
	| { code: 'validation'; reason: 'same_owner' };

function personRefusal(transition: FollowUpTransition, followUp: LifecycleFollowUp, actor: FollowUpActor) {
	const isOwner = followUp.owner_id === actor.staff_id;
	if ((transition.owner && isOwner) || (transition.managers && actor.manager)) return null;
	const reason = !transition.owner
		? 'managers_only'
		: !transition.managers
			? 'owner_only'
			: 'owner_or_manager';
	return { code: 'forbidden', reason } as const;
}

/**
 * Whether `actor` may take `action` on `followUp`, seen in `fromStatus` (the status their device showed): null when
 * allowed, else the refusal. `newOwner` is a reassign's new owner, checked last (a field rule).
 */
export function followUpRefusal(
	followUp: LifecycleFollowUp,
	actor: FollowUpActor,
	action: FollowUpAction,
	fromStatus: FollowUpStatus = followUp.status,
	newOwner: string | null = null
): FollowUpRefusal | null {
	const transition = FOLLOW_UP_TRANSITIONS[action];
	if (fromStatus !== followUp.status) return { code: 'conflict', reason: 'stale', current: followUp.status };
	if (!transition.from.includes(followUp.status)) {
		return { code: 'conflict', reason: 'not_from_status', current: followUp.status };
	}
	const person = personRefusal(transition, followUp, actor);
	if (person) return person;
	if (action === 'reassign' && newOwner !== null && newOwner === followUp.owner_id) {
		return { code: 'validation', reason: 'same_owner' };
	}
	return null;
}

/** The actions `actor` may take now, in the table's order: what the follow-up's screen offers. */
export function allowedFollowUpActions(followUp: LifecycleFollowUp, actor: FollowUpActor): FollowUpAction[] {
	return (Object.keys(FOLLOW_UP_TRANSITIONS) as FollowUpAction[]).filter(
		(action) => followUpRefusal(followUp, actor, action) === null
	);
}

/** The status after `action`; a reassign or a new due date keeps it. */
export function followUpStatusAfter(action: FollowUpAction, current: FollowUpStatus): FollowUpStatus {
	return FOLLOW_UP_TRANSITIONS[action].to ?? current;
}

/** Not closed: still someone's work. */
export const isFollowUpOpen = (status: FollowUpStatus): boolean =>
	status === 'open' || status === 'in_progress';

/** Not closed and due before today (hall dates); due today is not overdue yet. */
export const isFollowUpOverdue = (
	followUp: { status: FollowUpStatus; due_on: string },
	today: string
): boolean => isFollowUpOpen(followUp.status) && followUp.due_on < today;
