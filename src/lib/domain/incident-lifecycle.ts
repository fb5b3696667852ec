import type { IncidentAction, IncidentCategory, IncidentEventKind, IncidentStatus } from './incident';

/**
 * The incident's state machine (docs/PATROL.md, "Incidents"): which action goes from which status to which, and
 * who may take it. Pure, shared by the screens (they offer only the actions the signed-in person may take) and
 * the device's applies; the server's app.op_incident_act says the same in SQL, checked in the same order, so a
 * refusal carries the same code on both sides.
 */

export interface Transition {
	from: readonly IncidentStatus[];
	/** null: the status stays (a callback only records its result). */
	to: IncidentStatus | null;
	/** The timeline entry it writes. */
	kind: IncidentEventKind;
	/** Who besides a manager may take it: the incident's assignee, or nobody. */
	assignee: boolean;
	/** Only for complaints. */
	complaintsOnly: boolean;
}

export const TRANSITIONS: Readonly<Record<IncidentAction, Transition>> = {
	// Reassigning restarts the new assignee's work: back to assigned.
	assign: {
		from: ['reported', 'assigned', 'in_progress'],
		to: 'assigned',
		kind: 'assigned',
		assignee: false,
		complaintsOnly: false
	},
	start: { from: ['assigned'], to: 'in_progress', kind: 'started', assignee: true, complaintsOnly: false },
	resolve: {
		from: ['assigned', 'in_progress'],
		to: 'resolved',
		kind: 'resolved',
		assignee: true,
		complaintsOnly: false
	},
	// A manager closes after verifying the fix; a complaint also needs its callback recorded.
	close: { from: ['resolved'], to: 'closed', kind: 'closed', assignee: false, complaintsOnly: false },
	// The assignee is kept: the same person goes back to it.
	reopen: {
		from: ['resolved', 'closed'],
		to: 'in_progress',
		kind: 'reopened',
		assignee: false,
		complaintsOnly: false
	},
	callback: { from: ['resolved'], to: null, kind: 'callback', assignee: true, complaintsOnly: true }
};

/** What the lifecycle reads of an incident. */
export interface LifecycleIncident {
	status: IncidentStatus;
	category: IncidentCategory;
	assignee_id: string | null;
	callback_result: string | null;
}

/** Who acts: their staff id, and whether they are a manager of the incident's hall. */
export interface LifecycleActor {
	staff_id: string;
	manager: boolean;
}

/**
 * Why an action is refused, with the server's rejection code: `conflict` when the incident's state does not allow
 * it (whoever asked), `forbidden` when it does but not for this person.
 */
export type Refusal =
	| { code: 'conflict'; reason: 'stale'; current: IncidentStatus }
	| { code: 'conflict'; reason: 'not_from_status'; current: IncidentStatus }
	| { code: 'conflict'; reason: 'not_a_complaint' }
	| { code: 'conflict'; reason: 'callback_needed' }
	| { code: 'forbidden'; reason: 'managers_only' | 'assignee_or_manager' };

/**
 * Whether `actor` may take `action` on `incident`, seen in `fromStatus` (the status their device showed): null
 * when allowed, else the refusal. The order is the server's: a stale view first, then the status, then the kind of
 * incident, then the person, then the callback a complaint's close needs.
 */
export function refusal(
	incident: LifecycleIncident,
	actor: LifecycleActor,
	action: IncidentAction,
	fromStatus: IncidentStatus = incident.status
): Refusal | null {
	const transition = TRANSITIONS[action];
	if (fromStatus !== incident.status) return { code: 'conflict', reason: 'stale', current: incident.status };
	if (!transition.from.includes(incident.status)) {
		return { code: 'conflict', reason: 'not_from_status', current: incident.status };
	}
	if (transition.complaintsOnly && incident.category !== 'complaint') {
		return { code: 'conflict', reason: 'not_a_complaint' };
	}
	if (!actor.manager) {
		if (!transition.assignee) return { code: 'forbidden', reason: 'managers_only' };
		if (incident.assignee_id !== actor.staff_id) return { code: 'forbidden', reason: 'assignee_or_manager' };
	}
	if (action === 'close' && incident.category === 'complaint' && incident.callback_result === null) {
		return { code: 'conflict', reason: 'callback_needed' };
	}
	return null;
}

/** The actions `actor` may take now, in the lifecycle's order: what a screen offers. */
export function allowedActions(incident: LifecycleIncident, actor: LifecycleActor): IncidentAction[] {
	return (Object.keys(TRANSITIONS) as IncidentAction[]).filter(
		(action) => refusal(incident, actor, action) === null
	);
}

/** The status after `action`; a callback keeps it. */
export function statusAfter(action: IncidentAction, current: IncidentStatus): IncidentStatus {
	return TRANSITIONS[action].to ?? current;
}

/** Open: not closed. Resolved incidents still wait for a manager's check (and a complaint's callback). */
export const isOpen = (status: IncidentStatus): boolean => status !== 'closed';
