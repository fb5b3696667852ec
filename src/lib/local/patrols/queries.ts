import type { CheckpointRow, PatrolCheckRow, PatrolPlanRow, PatrolRoundRow } from '$lib/domain/patrol';
import type { LocalDb } from '../db';
import { readActor } from '../device-actor';
import { pendingIds } from '../outbox';
import { checkpoints, patrolChecks, patrolPlans, patrolRounds } from './tables';

/** The reads behind the patrol screens, as plain async functions (live.svelte.ts makes them live). */

export interface PatrolDay {
	day: string;
	plan: PatrolPlanRow | undefined;
	/** Every checkpoint of the hall, retired ones included. */
	checkpoints: CheckpointRow[];
	rounds: PatrolRoundRow[];
	checks: PatrolCheckRow[];
	/** Row ids still waiting for the server. */
	pending: Set<string>;
}

export interface RoundDetail {
	round: PatrolRoundRow;
	plan: PatrolPlanRow | undefined;
	checkpoints: CheckpointRow[];
	/** This round's checks, oldest first. */
	checks: PatrolCheckRow[];
	pending: boolean;
}

/** Every checkpoint of the hall: active ones in round order, then retired ones. */
export async function loadCheckpoints(db: LocalDb): Promise<CheckpointRow[]> {
	const all = await checkpoints.of(db).toArray();
	return all.sort(
		(a, b) =>
			Number(a.retired_at !== null) - Number(b.retired_at !== null) ||
			a.position - b.position ||
			a.name_zh.localeCompare(b.name_zh)
	);
}

/** The hall's plan (the device holds its own hall's rows only). */
export async function loadPlan(db: LocalDb): Promise<PatrolPlanRow | undefined> {
	return patrolPlans.of(db).toCollection().first();
}

export async function loadDay(db: LocalDb, day: string): Promise<PatrolDay> {
	const [plan, all, rounds, pending] = await Promise.all([
		loadPlan(db),
		loadCheckpoints(db),
		patrolRounds.of(db).where('day').equals(day).toArray(),
		pendingIds(db)
	]);
	const checks = rounds.length
		? await patrolChecks
				.of(db)
				.where('round_id')
				.anyOf(rounds.map((round) => round.id))
				.toArray()
		: [];
	return { day, plan, checkpoints: all, rounds, checks, pending };
}

export async function loadRound(db: LocalDb, roundId: string): Promise<RoundDetail | null> {
	const round = await patrolRounds.of(db).get(roundId);
	if (!round) return null;
	const [plan, all, checks, pending] = await Promise.all([
		loadPlan(db),
		loadCheckpoints(db),
		patrolChecks.of(db).where('round_id').equals(roundId).toArray(),
		pendingIds(db)
	]);
	checks.sort((a, b) => Date.parse(a.checked_at) - Date.parse(b.checked_at));
	return {
		round,
		plan,
		checkpoints: all,
		checks,
		pending: pending.has(round.id) || checks.some((check) => pending.has(check.id))
	};
}

/** The checkpoint's newest check in another round: what "same as last time" copies. */
export async function lastCheckOf(
	db: LocalDb,
	checkpointId: string,
	exceptRoundId: string
): Promise<PatrolCheckRow | undefined> {
	const newestFirst = await patrolChecks
		.of(db)
		.where('[checkpoint_id+checked_at]')
		.between([checkpointId, ''], [checkpointId, '\uffff'])
		.reverse()
		.toArray();
	return newestFirst.find((check) => check.round_id !== exceptRoundId);
}

/** The signed-in staff member's newest round still running, if any (the round screen to go back to). */
export async function myRunningRound(db: LocalDb): Promise<PatrolRoundRow | undefined> {
	const staffId = (await readActor(db))?.staff_id;
	if (!staffId) return undefined;
	const mine = await patrolRounds
		.of(db)
		.where('[staff_id+started_at]')
		.between([staffId, ''], [staffId, '\uffff'])
		.reverse()
		.toArray();
	return mine.find((round) => round.finished_at === null);
}

export async function loadCheckpoint(db: LocalDb, id: string): Promise<CheckpointRow | undefined> {
	return checkpoints.of(db).get(id);
}
