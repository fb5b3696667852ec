import type { IncidentCategory, IncidentEventRow, IncidentStatus, Severity } from '$lib/domain/incident';
import type { Refusal } from '$lib/domain/incident-lifecycle';
import type { LimitStanding } from '$lib/domain/incident-sla';
import { hallTime } from '$lib/domain/hall-time';
import { LocalWriteError } from '$lib/local/write-error';
import { ti } from './messages';

/** The incident's words on screen, from its pack: categories, severities, statuses, times and refusals. */

export const categoryLabel = (category: IncidentCategory): string => ti(`incident.category.${category}`);
export const severityLabel = (severity: number): string => ti(`incident.severity.${severity as Severity}`);
export const statusLabel = (status: IncidentStatus): string => ti(`incident.status.${status}`);

/** 45 分钟, 3 小时 20 分, 2 天 4 小时. */
export function durationLabel(minutes: number): string {
	const total = Math.abs(minutes);
	if (total < 60) return ti('incident.duration.minutes', { m: String(total) });
	if (total < 24 * 60) {
		return ti('incident.duration.hours', { h: String(Math.floor(total / 60)), m: String(total % 60) });
	}
	return ti('incident.duration.days', {
		d: String(Math.floor(total / (24 * 60))),
		h: String(Math.floor((total % (24 * 60)) / 60))
	});
}

/** "已超时 25 分钟", "剩余 2 小时 5 分", "按时", "超时完成"; empty when the limit no longer runs. */
export function standingLabel(standing: LimitStanding): string {
	switch (standing.state) {
		case 'overdue':
			return ti('incident.sla.overdueBy', { duration: durationLabel(standing.minutesLeft ?? 0) });
		case 'open':
			return ti('incident.sla.left', { duration: durationLabel(standing.minutesLeft ?? 0) });
		case 'met':
			return ti('incident.sla.met');
		case 'late':
			return ti('incident.sla.late');
		default:
			return '';
	}
}

export const dueLabel = (due: Date): string => hallTime(due.toISOString());

/** What the lifecycle's refusal means, in the person's words. */
export function refusalMessage(refused: Refusal): string {
	switch (refused.reason) {
		case 'stale':
		case 'not_from_status':
			return ti(`incident.refusal.${refused.reason}`, { status: statusLabel(refused.current) });
		default:
			return ti(`incident.refusal.${refused.reason}`);
	}
}

/** A timeline entry's "what". */
export function eventLabel(event: IncidentEventRow): string {
	return event.kind === 'assigned'
		? ti('incident.event.assigned', { name: event.assignee_name ?? '' })
		: ti(`incident.event.${event.kind}`);
}

/** A local write's refusal, for a form that keeps what was typed. */
export function writeErrorMessage(error: unknown): string {
	if (error instanceof LocalWriteError) {
		return ti(error.reason === 'not_signed_in' ? 'incident.form.notSignedIn' : 'incident.form.invalid');
	}
	if (error instanceof Error && error.name === 'IncidentRefusedError') {
		return refusalMessage((error as Error & { refusal: Refusal }).refusal);
	}
	console.error(error);
	return ti('incident.form.saveFailed');
}
