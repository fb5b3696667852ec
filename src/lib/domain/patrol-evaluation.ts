import type { CheckpointRow, PatrolCheckRow, PatrolPlanRow, PatrolRoundRow, PatrolWindow } from './patrol';

/**
 * What a day of patrols means against the hall's plan, derived on the device: the server stores facts (when a
 * round started and finished, when and how each checkpoint was identified), and the round screen, the home and
 * the managers' log all read them through this one pure function, so they never disagree. Times of day are the
 * hall's (UTC+8, src/lib/domain/hall-time.ts).
 */

export type Plan = Pick<PatrolPlanRow, 'windows' | 'grace_minutes' | 'min_scan_interval_seconds'>;
export type Round = Pick<
	PatrolRoundRow,
	'id' | 'staff_id' | 'staff_name' | 'day' | 'window_key' | 'started_at' | 'finished_at' | 'comment'
>;
export type Check = Pick<
	PatrolCheckRow,
	'id' | 'round_id' | 'checkpoint_id' | 'identified_by' | 'list_reason' | 'checked_at' | 'results'
>;
export type Checkpoint = Pick<CheckpointRow, 'id' | 'name_zh' | 'name_en' | 'position' | 'retired_at'>;

/**
 * A window's state: `done` (a round of it finished, started in time), `late` (finished, but started after the
 * end plus grace), `in_progress` (a round of it started and not finished yet), `open` (now within start … end +
 * grace, no round yet), `upcoming` (before its start), `missed` (past end + grace without any round).
 */
export const WINDOW_STATES = ['done', 'late', 'in_progress', 'open', 'upcoming', 'missed'] as const;
export type WindowState = (typeof WINDOW_STATES)[number];

export interface RoundFlags {
	/** Started after its window's end plus grace. */
	late: boolean;
	/** Finished without every active checkpoint. */
	incomplete: boolean;
	/** Two consecutive scans closer than the plan's minimum interval. */
	tooFast: boolean;
	/** A checkpoint identified from the list instead of its QR. */
	listed: boolean;
	/** Not a round of any window. */
	extra: boolean;
}

export interface TooFastPair {
	/** The later check, and how many seconds after the one before it. */
	checkId: string;
	previousCheckId: string;
	seconds: number;
}

export interface EvaluatedRound {
	round: Round;
	/** Its checks in the order they were made. */
	checks: Check[];
	flags: RoundFlags;
	/** Active checkpoints with no check in this round, in round order. */
	missed: Checkpoint[];
	tooFast: TooFastPair[];
	/** Check items marked as problems, with their checkpoint. */
	problems: { check: Check; itemKey: string; note: string | null }[];
}

export interface EvaluatedWindow {
	window: PatrolWindow;
	state: WindowState;
	/** Start, end and end + grace of the window that day, as instants (ms). */
	startsAt: number;
	endsAt: number;
	deadline: number;
	/** The rounds that belong to it, oldest first. */
	rounds: EvaluatedRound[];
}

export interface DayEvaluation {
	day: string;
	windows: EvaluatedWindow[];
	/** Rounds of no window (extra), and rounds naming a window the plan no longer has. */
	extraRounds: EvaluatedRound[];
	/** Every round of the day, oldest first. */
	rounds: EvaluatedRound[];
}

const MINUTE_MS = 60_000;

/** The instant of `HH:MM` hall time on `day` (YYYY-MM-DD). */
export function hallInstant(day: string, clock: string): number {
	return Date.parse(`${day}T${clock}:00+08:00`);
}

/** The checkpoints a round must visit: those not retired, in round order. */
export function activeCheckpointsOf<C extends Checkpoint>(checkpoints: readonly C[]): C[] {
	return checkpoints
		.filter((checkpoint) => checkpoint.retired_at === null)
		.sort((a, b) => a.position - b.position || a.name_zh.localeCompare(b.name_zh));
}

function evaluateRound(
	round: Round,
	allChecks: readonly Check[],
	plan: Plan,
	active: readonly Checkpoint[]
): EvaluatedRound {
	const checks = allChecks
		.filter((check) => check.round_id === round.id)
		.sort((a, b) => Date.parse(a.checked_at) - Date.parse(b.checked_at));
	const visited = new Set(checks.map((check) => check.checkpoint_id));
	const missed = active.filter((checkpoint) => !visited.has(checkpoint.id));
	const tooFast: TooFastPair[] = [];
	if (plan.min_scan_interval_seconds > 0) {
		for (let i = 1; i < checks.length; i++) {
			const previous = checks[i - 1];
			const check = checks[i];
			if (!previous || !check) continue;
			const seconds = (Date.parse(check.checked_at) - Date.parse(previous.checked_at)) / 1000;
			if (seconds < plan.min_scan_interval_seconds) {
				tooFast.push({ checkId: check.id, previousCheckId: previous.id, seconds });
			}
		}
	}
	const window = plan.windows.find((candidate) => candidate.key === round.window_key);
	const late =
		window !== undefined &&
		Date.parse(round.started_at) > hallInstant(round.day, window.end) + plan.grace_minutes * MINUTE_MS;
	const problems = checks.flatMap((check) =>
		check.results
			.filter((result) => result.status === 'problem')
			.map((result) => ({ check, itemKey: result.item_key, note: result.note }))
	);
	return {
		round,
		checks,
		missed,
		tooFast,
		problems,
		flags: {
			late,
			incomplete: round.finished_at !== null && missed.length > 0,
			tooFast: tooFast.length > 0,
			listed: checks.some((check) => check.identified_by === 'list'),
			extra: window === undefined
		}
	};
}

function windowState(rounds: readonly EvaluatedRound[], startsAt: number, deadline: number, now: number) {
	const finished = rounds.filter((evaluated) => evaluated.round.finished_at !== null);
	if (finished.length > 0) {
		return finished.some((evaluated) => !evaluated.flags.late) ? 'done' : 'late';
	}
	if (rounds.length > 0) return 'in_progress';
	if (now < startsAt) return 'upcoming';
	if (now <= deadline) return 'open';
	return 'missed';
}

/**
 * A day of patrols against the plan. `rounds` and `checks` may hold other days' too (only `day`'s count);
 * `checkpoints` are the hall's, retired ones included (only active ones are expected); `now` decides what is
 * still open or upcoming.
 */
export function evaluateDay(input: {
	day: string;
	plan: Plan | undefined;
	checkpoints: readonly Checkpoint[];
	rounds: readonly Round[];
	checks: readonly Check[];
	now: Date;
}): DayEvaluation {
	const plan: Plan = input.plan ?? { windows: [], grace_minutes: 0, min_scan_interval_seconds: 0 };
	const active = activeCheckpointsOf(input.checkpoints);
	const now = input.now.getTime();
	const rounds = input.rounds
		.filter((round) => round.day === input.day)
		.sort((a, b) => Date.parse(a.started_at) - Date.parse(b.started_at))
		.map((round) => evaluateRound(round, input.checks, plan, active));
	const windows = [...plan.windows]
		.sort((a, b) => (a.start < b.start ? -1 : 1))
		.map((window): EvaluatedWindow => {
			const startsAt = hallInstant(input.day, window.start);
			const endsAt = hallInstant(input.day, window.end);
			const deadline = endsAt + plan.grace_minutes * MINUTE_MS;
			const own = rounds.filter((evaluated) => evaluated.round.window_key === window.key);
			return {
				window,
				startsAt,
				endsAt,
				deadline,
				rounds: own,
				state: windowState(own, startsAt, deadline, now)
			};
		});
	return {
		day: input.day,
		windows,
		extraRounds: rounds.filter((evaluated) => evaluated.flags.extra),
		rounds
	};
}

/**
 * The window a round started now belongs to: the first one open now (start … end + grace) that no finished
 * round has done yet; undefined: an extra round.
 */
export function currentWindow(evaluation: DayEvaluation, now: Date): PatrolWindow | undefined {
	const at = now.getTime();
	return evaluation.windows.find(
		(evaluated) =>
			at >= evaluated.startsAt &&
			at <= evaluated.deadline &&
			(evaluated.state === 'open' || evaluated.state === 'in_progress')
	)?.window;
}

const URGENCY: Readonly<Record<WindowState, number>> = {
	open: 0,
	in_progress: 1,
	upcoming: 2,
	missed: 3,
	late: 4,
	done: 5
};

/** The day's windows for the home: the one due now first, then the next ones, then those behind us. */
export function windowsByUrgency(windows: readonly EvaluatedWindow[]): EvaluatedWindow[] {
	return [...windows].sort((a, b) => URGENCY[a.state] - URGENCY[b.state] || a.startsAt - b.startsAt);
}
