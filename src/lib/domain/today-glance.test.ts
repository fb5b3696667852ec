import { describe, expect, it } from 'vitest';
import { evaluateDay, hallInstant, type Plan } from './patrol-evaluation';
import { summarizeToday, type TodayInput } from './today-glance';

const DAY = '2026-12-02';
const at = (clock: string) => new Date(hallInstant(DAY, clock)).toISOString();

const plan: Plan = {
	windows: [
		{ key: 'morning', label_zh: '开门前', label_en: 'Before opening', start: '08:30', end: '09:00' },
		{ key: 'noon', label_zh: '午后', label_en: 'After lunch', start: '13:00', end: '13:30' },
		{ key: 'late', label_zh: '闭馆前', label_en: 'Before closing', start: '16:30', end: '17:00' }
	],
	grace_minutes: 10,
	min_scan_interval_seconds: 0
};
const checkpoints = [
	{ id: 'a', name_zh: '取号区', name_en: '', position: 1, retired_at: null },
	{ id: 'b', name_zh: '母婴室', name_en: '', position: 2, retired_at: null }
];
const round = (id: string, window_key: string, started: string, finished: string | null) => ({
	id,
	staff_id: 's',
	staff_name: '张敏',
	day: DAY,
	window_key,
	started_at: at(started),
	finished_at: finished === null ? null : at(finished),
	comment: null
});
const check = (round_id: string, checkpoint_id: string, clock: string) => ({
	id: `${round_id}-${checkpoint_id}`,
	round_id,
	checkpoint_id,
	identified_by: 'scan' as const,
	list_reason: null,
	checked_at: at(clock),
	results: []
});

function input(overrides: Partial<TodayInput> = {}): TodayInput {
	return {
		records: [
			{ opened_at: at('09:05'), special_groups: ['elderly'], green_channel: true },
			{ opened_at: at('09:40'), special_groups: ['elderly', 'disabled'], green_channel: true },
			{ opened_at: at('10:15'), special_groups: [], green_channel: false },
			// Extended service after closing: the hours shown reach it.
			{ opened_at: at('18:20'), special_groups: ['foreigner'], green_channel: false }
		],
		incidents: [
			{ incident: { status: 'reported', severity: 3 }, sla: { overdue: true } },
			{ incident: { status: 'in_progress', severity: 1 }, sla: { overdue: false } },
			{ incident: { status: 'resolved', severity: 3 }, sla: { overdue: false } },
			{ incident: { status: 'closed', severity: 1 }, sla: { overdue: false } }
		],
		// 14:00: the morning round was on time but skipped a checkpoint, the noon one was late, the last is upcoming.
		patrols: evaluateDay({
			day: DAY,
			plan,
			checkpoints,
			rounds: [round('r1', 'morning', '08:35', '08:50'), round('r2', 'noon', '13:50', '13:58')],
			checks: [check('r1', 'a', '08:40'), check('r2', 'a', '13:52'), check('r2', 'b', '13:55')],
			now: new Date(at('14:00'))
		}),
		prechecks: [
			{ notice: false, rounds: [{ result: 'complete' }] },
			{ notice: true, rounds: [{ result: 'incomplete' }, { result: 'complete' }] },
			{ notice: true, rounds: [{ result: 'incomplete' }] }
		],
		enterprises: [{ light: 'overdue' }, { light: 'due_soon' }, { light: 'due_soon' }, { light: 'on_plan' }],
		followUps: [
			{ overdue: true, due_today: false },
			{ overdue: false, due_today: true },
			{ overdue: false, due_today: false }
		],
		hourNow: 14,
		...overrides
	};
}

describe('today at a glance', () => {
	it('counts visitors by hour from opening to the last ticket, zeros included', () => {
		const glance = summarizeToday(input());
		expect(glance.visitors).toBe(4);
		expect(glance.byHour.map((entry) => entry.hour)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
		expect(glance.byHour.slice(0, 3).map((entry) => entry.visitors)).toEqual([2, 1, 0]);
		expect(glance.byHour.at(-1)).toEqual({ hour: 18, visitors: 1 });
	});

	it('runs the hours to closing on a quiet morning, and to now in the evening', () => {
		expect(summarizeToday(input({ records: [], hourNow: 8 })).byHour.map((e) => e.hour)).toEqual([
			9, 10, 11, 12, 13, 14, 15, 16
		]);
		expect(summarizeToday(input({ records: [], hourNow: 19 })).byHour.at(-1)?.hour).toBe(19);
	});

	it('counts special groups per group and once per visitor, and the green channel', () => {
		const glance = summarizeToday(input());
		expect(glance.specialVisitors).toBe(3);
		expect(glance.groups).toEqual([
			{ group: 'elderly', visitors: 2 },
			{ group: 'disabled', visitors: 1 },
			{ group: 'pregnant', visitors: 0 },
			{ group: 'foreigner', visitors: 1 }
		]);
		expect(glance.greenChannel).toBe(2);
	});

	it('counts incidents open until a manager closes them, per severity, with the overdue ones', () => {
		const { incidents } = summarizeToday(input());
		expect(incidents.open).toBe(3);
		expect(incidents.overdue).toBe(1);
		expect(incidents.bySeverity).toEqual([
			{ severity: 1, open: 1, overdue: 0 },
			{ severity: 2, open: 0, overdue: 0 },
			{ severity: 3, open: 2, overdue: 1 },
			{ severity: 4, open: 0, overdue: 0 }
		]);
	});

	it('reads the patrol windows as the patrol screens do, and sums checkpoints left out of finished rounds', () => {
		expect(summarizeToday(input()).patrols).toEqual({
			expected: 3,
			done: 1,
			late: 1,
			missed: 0,
			checkpointsMissed: 1
		});
	});

	it('rates pre-checks by their first round, and counts notices', () => {
		expect(summarizeToday(input()).prechecks).toEqual({
			total: 3,
			completeFirst: 1,
			completeRate: 1 / 3,
			notices: 2
		});
		expect(summarizeToday(input({ prechecks: [] })).prechecks.completeRate).toBeNull();
	});

	it('counts enterprises due for a visit and follow-ups due', () => {
		const glance = summarizeToday(input());
		expect(glance.visits).toEqual({ overdue: 1, dueSoon: 2 });
		expect(glance.followUps).toEqual({ overdue: 1, dueToday: 1 });
	});
});
