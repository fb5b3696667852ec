import { describe, expect, it } from 'vitest';
import {
	currentWindow,
	evaluateDay,
	hallInstant,
	windowsByUrgency,
	type Check,
	type Checkpoint,
	type Plan,
	type Round
} from './patrol-evaluation';

const DAY = '2026-12-02';
const plan: Plan = {
	windows: [
		{ key: 'afternoon', label_zh: '午后', label_en: 'After lunch', start: '13:00', end: '13:30' },
		{ key: 'morning', label_zh: '开门前', label_en: 'Before opening', start: '08:30', end: '09:00' }
	],
	grace_minutes: 15,
	min_scan_interval_seconds: 20
};
const checkpoints: Checkpoint[] = [
	{ id: 'cp-b', name_zh: '咨询导办台', name_en: '', position: 2, retired_at: null },
	{ id: 'cp-a', name_zh: '取号区', name_en: '', position: 1, retired_at: null },
	{ id: 'cp-old', name_zh: '旧复印点', name_en: '', position: 3, retired_at: '2026-11-01T00:00:00+08:00' }
];

/** A hall time on DAY as an ISO instant. */
const at = (clock: string, seconds = 0) => new Date(hallInstant(DAY, clock) + seconds * 1000).toISOString();

let counter = 0;
function round(window_key: string | null, started: string, finished: string | null = null): Round {
	counter += 1;
	return {
		id: `round-${counter}`,
		staff_id: 'staff-1',
		staff_name: '李娜',
		day: DAY,
		window_key,
		started_at: at(started),
		finished_at: finished === null ? null : at(finished),
		comment: null
	};
}
function check(
	roundId: string,
	checkpoint_id: string,
	checked_at: string,
	extra: Partial<Check> = {}
): Check {
	counter += 1;
	return {
		id: `check-${counter}`,
		round_id: roundId,
		checkpoint_id,
		identified_by: 'scan',
		list_reason: null,
		checked_at,
		results: [{ item_key: 'clean', status: 'ok', note: null }],
		...extra
	};
}

const evaluate = (rounds: Round[], checks: Check[], now: string) =>
	evaluateDay({ day: DAY, plan, checkpoints, rounds, checks, now: new Date(now) });

describe('a window’s state through the day', () => {
	it('is upcoming before its start, open from its start until end + grace, missed a moment later', () => {
		const stateAt = (now: string) => evaluate([], [], now).windows[0]?.state;
		expect(stateAt(at('08:29', 59))).toBe('upcoming');
		expect(stateAt(at('08:30'))).toBe('open');
		expect(stateAt(at('09:00'))).toBe('open');
		expect(stateAt(at('09:15'))).toBe('open'); // the last moment of the grace period
		expect(stateAt(at('09:15', 1))).toBe('missed');
	});

	it('lists windows by start time, whatever order the plan keeps them in', () => {
		expect(evaluate([], [], at('07:00')).windows.map((w) => w.window.key)).toEqual(['morning', 'afternoon']);
	});

	it('is in progress while a round of it runs, even past its deadline, and done once finished in time', () => {
		const running = round('morning', '08:40');
		expect(evaluate([running], [], at('09:30')).windows[0]?.state).toBe('in_progress');
		const finished = { ...running, finished_at: at('09:40') };
		expect(evaluate([finished], [], at('09:45')).windows[0]?.state).toBe('done');
	});

	it('is done when the round started inside the grace period, late when it started after it', () => {
		const inGrace = round('morning', '09:15', '09:30');
		expect(evaluate([inGrace], [], at('10:00')).windows[0]?.state).toBe('done');
		const afterGrace = { ...round('morning', '09:15', '09:35'), started_at: at('09:15', 1) };
		const evaluated = evaluate([afterGrace], [], at('10:00'));
		expect(evaluated.windows[0]?.state).toBe('late');
		expect(evaluated.rounds[0]?.flags.late).toBe(true);
	});

	it('is done when one of its rounds was in time, even if another was late', () => {
		const late = round('morning', '09:20', '09:40');
		const onTime = round('morning', '08:35', '08:55');
		expect(evaluate([late, onTime], [], at('10:00')).windows[0]?.state).toBe('done');
	});

	it('judges each window on its own: the morning missed, the afternoon open, on the same day', () => {
		const states = evaluate([], [], at('13:10')).windows.map((w) => w.state);
		expect(states).toEqual(['missed', 'open']);
	});

	it('is missed on a past day without rounds, and counts only that day’s rounds', () => {
		const yesterday = { ...round('morning', '08:40', '08:50'), day: '2026-12-01' };
		const evaluated = evaluate([yesterday], [], at('23:59'));
		expect(evaluated.windows.map((w) => w.state)).toEqual(['missed', 'missed']);
		expect(evaluated.rounds).toEqual([]);
	});

	it('with no plan, the day has no windows and every round is extra', () => {
		const extra = round(null, '10:00', '10:20');
		const evaluated = evaluateDay({
			day: DAY,
			plan: undefined,
			checkpoints,
			rounds: [extra],
			checks: [],
			now: new Date(at('11:00'))
		});
		expect(evaluated.windows).toEqual([]);
		expect(evaluated.extraRounds.map((r) => r.round.id)).toEqual([extra.id]);
	});
});

describe('a round’s flags', () => {
	it('finished with every active checkpoint, in order and slowly enough: no flag, nothing missed', () => {
		const walked = round('morning', '08:35', '08:50');
		const checks = [check(walked.id, 'cp-a', at('08:36')), check(walked.id, 'cp-b', at('08:40'))];
		const [evaluated] = evaluate([walked], checks, at('09:00')).rounds;
		expect(evaluated?.flags).toEqual({
			late: false,
			incomplete: false,
			tooFast: false,
			listed: false,
			extra: false
		});
		expect(evaluated?.missed).toEqual([]);
	});

	it('names the active checkpoints it missed, never a retired one, and is incomplete once finished', () => {
		const walked = round('morning', '08:35');
		const checks = [check(walked.id, 'cp-b', at('08:40'))];
		const running = evaluate([walked], checks, at('08:45')).rounds[0];
		expect(running?.missed.map((c) => c.id)).toEqual(['cp-a']);
		expect(running?.flags.incomplete).toBe(false); // still walking: not incomplete yet
		const finished = evaluate([{ ...walked, finished_at: at('08:50') }], checks, at('08:55')).rounds[0];
		expect(finished?.flags.incomplete).toBe(true);
		expect(finished?.missed.map((c) => c.name_zh)).toEqual(['取号区']);
	});

	it('is too fast when two scans are closer than the minimum interval, and not at exactly the interval', () => {
		const walked = round('morning', '08:35', '08:50');
		const first = check(walked.id, 'cp-a', at('08:36'));
		const atInterval = check(walked.id, 'cp-b', at('08:36', 20));
		expect(evaluate([walked], [first, atInterval], at('09:00')).rounds[0]?.flags.tooFast).toBe(false);
		const tooSoon = check(walked.id, 'cp-b', at('08:36', 19));
		const evaluated = evaluate([walked], [tooSoon, first], at('09:00')).rounds[0];
		expect(evaluated?.flags.tooFast).toBe(true);
		expect(evaluated?.tooFast).toEqual([{ checkId: tooSoon.id, previousCheckId: first.id, seconds: 19 }]);
		expect(evaluated?.checks.map((c) => c.id)).toEqual([first.id, tooSoon.id]); // in the order made
	});

	it('never flags speed when the plan’s minimum interval is 0', () => {
		const walked = round('morning', '08:35', '08:50');
		const checks = [check(walked.id, 'cp-a', at('08:36')), check(walked.id, 'cp-b', at('08:36'))];
		const evaluated = evaluateDay({
			day: DAY,
			plan: { ...plan, min_scan_interval_seconds: 0 },
			checkpoints,
			rounds: [walked],
			checks,
			now: new Date(at('09:00'))
		});
		expect(evaluated.rounds[0]?.flags.tooFast).toBe(false);
	});

	it('is listed when a checkpoint was picked from the list, and gathers the problems found', () => {
		const walked = round('morning', '08:35', '08:50');
		const checks = [
			check(walked.id, 'cp-a', at('08:36'), {
				identified_by: 'list',
				list_reason: '二维码破损',
				results: [
					{ item_key: 'clean', status: 'problem', note: '地面有水' },
					{ item_key: 'safety', status: 'ok', note: null }
				]
			})
		];
		const evaluated = evaluate([walked], checks, at('09:00')).rounds[0];
		expect(evaluated?.flags.listed).toBe(true);
		expect(evaluated?.problems.map((p) => [p.itemKey, p.note])).toEqual([['clean', '地面有水']]);
	});

	it('an extra round belongs to no window and is never late; a round of a removed window is extra too', () => {
		const extra = round(null, '20:00', '20:10');
		const orphan = round('evening', '19:00', '19:10');
		const evaluated = evaluate([extra, orphan], [], at('21:00'));
		expect(evaluated.extraRounds.map((r) => r.round.id)).toEqual([orphan.id, extra.id]);
		expect(evaluated.extraRounds.every((r) => r.flags.extra && !r.flags.late)).toBe(true);
		expect(evaluated.windows.every((w) => w.rounds.length === 0)).toBe(true);
	});
});

describe('the round to start now', () => {
	it('belongs to the window open now, also inside its grace period', () => {
		expect(currentWindow(evaluate([], [], at('08:45')), new Date(at('08:45')))?.key).toBe('morning');
		expect(currentWindow(evaluate([], [], at('09:14')), new Date(at('09:14')))?.key).toBe('morning');
	});

	it('is extra between windows, and once the open window is done', () => {
		expect(currentWindow(evaluate([], [], at('10:00')), new Date(at('10:00')))).toBeUndefined();
		const done = round('morning', '08:31', '08:50');
		expect(currentWindow(evaluate([done], [], at('08:55')), new Date(at('08:55')))).toBeUndefined();
	});
});

describe('windows for the home', () => {
	it('put the one due now first, then the next, then those behind us', () => {
		const done = round('morning', '08:31', '08:50');
		const evaluated = evaluate([done], [], at('12:00'));
		expect(windowsByUrgency(evaluated.windows).map((w) => [w.window.key, w.state])).toEqual([
			['afternoon', 'upcoming'],
			['morning', 'done']
		]);
		const later = evaluate([], [], at('13:05'));
		expect(windowsByUrgency(later.windows).map((w) => w.state)).toEqual(['open', 'missed']);
	});
});
