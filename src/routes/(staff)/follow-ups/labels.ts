import type { FollowUpRefusal } from '$lib/domain/follow-up-lifecycle';
import { isFollowUpOverdue } from '$lib/domain/follow-up-lifecycle';
import type { FollowUpEventRow, FollowUpRow, FollowUpStatus } from '$lib/domain/visit';
import { tv } from '$lib/features/visits/messages';

/** A follow-up's words on screen, from the visits pack: status, due date, timeline entries and refusals. */

export const followUpStatusLabel = (status: FollowUpStatus): string => tv(`followUp.status.${status}`);

/** Where a follow-up stands against its due date: overdue and due today are said in words, not by colour. */
export type DueStanding = 'overdue' | 'today' | 'later' | 'closed';

export function dueStanding(followUp: Pick<FollowUpRow, 'status' | 'due_on'>, today: string): DueStanding {
	if (followUp.status === 'done' || followUp.status === 'cannot_solve') return 'closed';
	if (isFollowUpOverdue(followUp, today)) return 'overdue';
	return followUp.due_on === today ? 'today' : 'later';
}

export function dueLabel(followUp: Pick<FollowUpRow, 'status' | 'due_on'>, today: string): string {
	switch (dueStanding(followUp, today)) {
		case 'overdue':
			return `${tv('followUp.overdue')} · ${tv('followUp.dueOn', { date: followUp.due_on })}`;
		case 'today':
			return tv('followUp.dueToday');
		default:
			return tv('followUp.dueOn', { date: followUp.due_on });
	}
}

/** A timeline entry's "what". */
export function followUpEventLabel(event: FollowUpEventRow): string {
	switch (event.kind) {
		case 'reassigned':
			return tv('followUp.event.reassigned', { name: event.owner_name ?? '' });
		case 'due_changed':
			return tv('followUp.event.due_changed', { date: event.due_on ?? '' });
		default:
			return tv(`followUp.event.${event.kind}`);
	}
}

/** What the lifecycle's refusal means, in the person's words. */
export function followUpRefusalMessage(refusal: FollowUpRefusal): string {
	if (refusal.reason === 'stale' || refusal.reason === 'not_from_status') {
		return tv(`followUp.refusal.${refusal.reason}`, { status: followUpStatusLabel(refusal.current) });
	}
	return tv(`followUp.refusal.${refusal.reason}`);
}
