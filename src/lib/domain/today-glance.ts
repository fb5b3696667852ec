import { hallHour } from './hall-time';
import { SEVERITIES, type IncidentRow, type Severity } from './incident';
import type { IncidentSla } from './incident-sla';
import type { DayEvaluation } from './patrol-evaluation';
import type { PlanLight } from './visit-plan';
import type { PrecheckRoundRow } from './precheck';
import { SPECIAL_GROUPS, type ServiceRecordRow, type SpecialGroup } from './service-record';

/**
 * The manager's "today at a glance": the hall's day so far, from what the device holds (today's rows are always
 * within the first pull's horizon, docs/SYNC.md), so it opens at once and offline. One pure function of the
 * day's rows; each figure has a list behind it on its own screen.
 */

export interface TodayInput {
	/** Today's records (the tickets list's), deleted or merged ones already left out. */
	records: readonly Pick<ServiceRecordRow, 'opened_at' | 'special_groups' | 'green_channel'>[];
	/** Every incident the device holds, with its time limits now. */
	incidents: readonly {
		incident: Pick<IncidentRow, 'status' | 'severity'>;
		sla: Pick<IncidentSla, 'overdue'>;
	}[];
	patrols: DayEvaluation;
	/** Today's pre-checks with their rounds, oldest round first. */
	prechecks: readonly { notice: boolean; rounds: readonly Pick<PrecheckRoundRow, 'result'>[] }[];
	/** The hall's enterprises against their visit plans. */
	enterprises: readonly { light: PlanLight }[];
	/** Follow-ups not closed. */
	followUps: readonly { overdue: boolean; due_today: boolean }[];
	/** The hall's hour now (0…23): the visitors' hours run from opening to now, or to closing if later. */
	hourNow: number;
}

export interface TodayGlance {
	visitors: number;
	/** Opening hour to the later of closing and now, zeros included. */
	byHour: { hour: number; visitors: number }[];
	specialVisitors: number;
	groups: { group: SpecialGroup; visitors: number }[];
	greenChannel: number;
	incidents: {
		open: number;
		overdue: number;
		/** Open incidents per severity, most severe first; `overdue` of them. */
		bySeverity: { severity: Severity; open: number; overdue: number }[];
	};
	patrols: {
		/** The plan's windows today. */
		expected: number;
		done: number;
		late: number;
		missed: number;
		/** Active checkpoints left out of today's finished rounds, summed. */
		checkpointsMissed: number;
	};
	prechecks: {
		total: number;
		/** Complete at their first round. */
		completeFirst: number;
		/** completeFirst / total, or null before the first pre-check. */
		completeRate: number | null;
		notices: number;
	};
	visits: { overdue: number; dueSoon: number };
	followUps: { overdue: number; dueToday: number };
}

/** The hall opens at 9 and closes at 17 (extended service runs later; its tickets extend the hours shown). */
export const OPENING_HOUR = 9;
export const CLOSING_HOUR = 17;

export function summarizeToday(input: TodayInput): TodayGlance {
	const hours = input.records.map((record) => hallHour(record.opened_at));
	const first = Math.min(OPENING_HOUR, ...hours);
	const last = Math.max(CLOSING_HOUR - 1, input.hourNow, ...hours);
	const byHour = [];
	for (let hour = first; hour <= last && hour <= 23; hour++)
		byHour.push({ hour, visitors: hours.filter((h) => h === hour).length });

	// Resolved is still the manager's to verify and close: open until closed.
	const open = input.incidents.filter(({ incident }) => incident.status !== 'closed');
	const finished = input.patrols.rounds.filter((round) => round.round.finished_at !== null);

	return {
		visitors: input.records.length,
		byHour,
		specialVisitors: input.records.filter((record) => record.special_groups.length > 0).length,
		groups: SPECIAL_GROUPS.map((group) => ({
			group,
			visitors: input.records.filter((record) => record.special_groups.includes(group)).length
		})),
		greenChannel: input.records.filter((record) => record.green_channel).length,
		incidents: {
			open: open.length,
			overdue: open.filter((entry) => entry.sla.overdue).length,
			bySeverity: SEVERITIES.map((severity) => {
				const of = open.filter((entry) => entry.incident.severity === severity);
				return { severity, open: of.length, overdue: of.filter((entry) => entry.sla.overdue).length };
			})
		},
		patrols: {
			expected: input.patrols.windows.length,
			done: input.patrols.windows.filter((window) => window.state === 'done').length,
			late: input.patrols.windows.filter((window) => window.state === 'late').length,
			missed: input.patrols.windows.filter((window) => window.state === 'missed').length,
			checkpointsMissed: finished.reduce((sum, round) => sum + round.missed.length, 0)
		},
		prechecks: summarizePrechecks(input.prechecks),
		visits: {
			overdue: input.enterprises.filter((entry) => entry.light === 'overdue').length,
			dueSoon: input.enterprises.filter((entry) => entry.light === 'due_soon').length
		},
		followUps: {
			overdue: input.followUps.filter((entry) => entry.overdue).length,
			dueToday: input.followUps.filter((entry) => entry.due_today).length
		}
	};
}

function summarizePrechecks(prechecks: TodayInput['prechecks']): TodayGlance['prechecks'] {
	const completeFirst = prechecks.filter((entry) => entry.rounds[0]?.result === 'complete').length;
	return {
		total: prechecks.length,
		completeFirst,
		completeRate: prechecks.length === 0 ? null : completeFirst / prechecks.length,
		notices: prechecks.filter((entry) => entry.notice).length
	};
}
