/**
 * The patrol screens' one seam to the device's data (src/lib/local/patrols): live reads and the writes of
 * checkpoints, the plan and rounds. Writes never wait for the network; a refused write throws a LocalWriteError
 * (nothing stored).
 */
import type { CheckpointRow, PatrolCheckRow, PatrolPlanRow } from '$lib/domain/patrol';
import { activeCheckpointsOf } from '$lib/domain/patrol-evaluation';
import { live } from '$lib/local/live.svelte';
import {
	lastCheckOf,
	loadCheckpoint,
	loadCheckpoints,
	loadDay,
	loadPlan,
	loadRound,
	myRunningRound,
	type PatrolDay,
	type RoundDetail
} from '$lib/local/patrols/queries';
import * as writes from '$lib/local/patrols/writes';
import type { CheckpointDraft, NewCheck, PlanDraft } from '$lib/local/patrols/writes';
import type { PatrolRoundRow } from '$lib/domain/patrol';
import { localDb } from '../registry';

export type { CheckpointDraft, NewCheck, PatrolDay, PlanDraft, RoundDetail };

type Arg<T> = T | (() => T);
const read = <T>(arg: Arg<T>): (() => T) => (typeof arg === 'function' ? (arg as () => T) : () => arg);

/**
 * The hall's active checkpoints in round order, live: for pickers outside patrols (the incident form's place).
 * Read from the device, so it works offline.
 */
export function activeCheckpoints(): { readonly current: CheckpointRow[] | undefined } {
	return live(
		() => null,
		async () => activeCheckpointsOf(await loadCheckpoints(localDb()))
	);
}

/** Every checkpoint of the hall: active ones in round order, then retired ones. */
export function liveCheckpoints(): { readonly current: CheckpointRow[] | undefined } {
	return live(
		() => null,
		() => loadCheckpoints(localDb())
	);
}

export function liveCheckpoint(id: Arg<string>): { readonly current: CheckpointRow | null | undefined } {
	return live(read(id), async (value) => (await loadCheckpoint(localDb(), value)) ?? null);
}

export function livePlan(): { readonly current: PatrolPlanRow | null | undefined } {
	return live(
		() => null,
		async () => (await loadPlan(localDb())) ?? null
	);
}

/** A day's plan, checkpoints, rounds and checks: what evaluateDay reads. */
export function liveDay(day: Arg<string>): { readonly current: PatrolDay | undefined } {
	return live(read(day), (value) => loadDay(localDb(), value));
}

export function liveRound(id: Arg<string>): { readonly current: RoundDetail | null | undefined } {
	return live(read(id), (value) => loadRound(localDb(), value));
}

export function liveRunningRound(): { readonly current: PatrolRoundRow | null | undefined } {
	return live(
		() => null,
		async () => (await myRunningRound(localDb())) ?? null
	);
}

/** The checkpoint's newest check in another round, for "same as last time". */
export async function lastCheck(checkpointId: string, roundId: string): Promise<PatrolCheckRow | undefined> {
	return lastCheckOf(localDb(), checkpointId, roundId);
}

export async function runningRound(): Promise<PatrolRoundRow | undefined> {
	return myRunningRound(localDb());
}

export async function findCheckpoint(id: string): Promise<CheckpointRow | undefined> {
	return loadCheckpoint(localDb(), id);
}

/**
 * The running round a scanned poster opens straight into (its checklist), or null when the checkpoint's own page
 * must answer instead: no round running, or a checkpoint this device does not have or that is retired.
 */
export async function roundForPoster(checkpointId: string): Promise<string | null> {
	const db = localDb();
	const [round, checkpoint] = await Promise.all([myRunningRound(db), loadCheckpoint(db, checkpointId)]);
	return round && checkpoint && checkpoint.retired_at === null ? round.id : null;
}

export const saveCheckpoint = (draft: CheckpointDraft) => writes.saveCheckpoint(localDb(), draft);
export const moveCheckpoint = (id: string, step: -1 | 1) => writes.moveCheckpoint(localDb(), id, step);
export const retireCheckpoint = (id: string) => writes.retireCheckpoint(localDb(), id);
export const savePlan = (draft: PlanDraft) => writes.savePlan(localDb(), draft);
export const startRound = (windowKey: string | null) => writes.startRound(localDb(), windowKey);
export const checkCheckpoint = (input: NewCheck) => writes.checkCheckpoint(localDb(), input);
export const finishRound = (roundId: string, comment: string | null) =>
	writes.finishRound(localDb(), roundId, comment);
