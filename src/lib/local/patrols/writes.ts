import type { CheckItem, CheckResult, IdentifiedBy, PatrolWindow } from '$lib/domain/patrol';
import { activeCheckpointsOf } from '$lib/domain/patrol-evaluation';
import { uuidv7 } from '$lib/domain/uuid';
import type { LocalDb } from '../db';
import { checkedPayload, currentActor, enqueue } from '../outbox';
import { photos } from '../photos/tables';
import { enqueuePhotos, type PhotoDraft } from '../photos/writes';
import { LocalWriteError } from '../write-error';
import { signalLocalWrite } from '../write-signal';
import {
	checkOp,
	finishRoundOp,
	retireCheckpointOp,
	saveCheckpointOp,
	savePlanOp,
	startRoundOp
} from './ops';
import { checkpoints, patrolChecks, patrolPlans, patrolRounds } from './tables';

/**
 * The patrol writes the screens call. Input is checked first (a LocalWriteError naming the fields, nothing
 * stored); rows and their outbox ops are stored in one Dexie transaction; then the sync engine is woken. None
 * waits for the network.
 */

export interface CheckpointDraft {
	/** Absent: a new checkpoint (placed last). */
	id?: string;
	name_zh: string;
	name_en: string;
	instruction_zh: string | null;
	items: CheckItem[];
}

export interface PlanDraft {
	windows: PatrolWindow[];
	grace_minutes: number;
	min_scan_interval_seconds: number;
}

export interface NewCheck {
	round_id: string;
	checkpoint_id: string;
	identified_by: IdentifiedBy;
	list_reason: string | null;
	results: CheckResult[];
	same_as_last: boolean;
	/** New photos of the check (a problem's evidence), attached in the same transaction after the check. */
	photos?: readonly PhotoDraft[];
}

const invalid = (detail: string, fields: string[]) => new LocalWriteError('invalid', detail, fields);
const blankToNull = (text: string | null): string | null => (text?.trim() ? text.trim() : null);

async function written<T>(db: LocalDb, work: () => Promise<T>): Promise<T> {
	const result = await db.transaction('rw', db.writeTables, work);
	signalLocalWrite();
	return result;
}

/** Adds a checkpoint (last in the round) or replaces one whole; saving a retired one restores it. */
export function saveCheckpoint(db: LocalDb, draft: CheckpointDraft): Promise<{ id: string }> {
	return written(db, async () => {
		const actor = await currentActor(db);
		const stored = draft.id ? await checkpoints.of(db).get(draft.id) : undefined;
		if (draft.id && !stored) throw new LocalWriteError('not_found', `Checkpoint ${draft.id} is not here.`);
		const all = await checkpoints.of(db).toArray();
		const position =
			stored && stored.retired_at === null
				? stored.position
				: Math.max(0, ...activeCheckpointsOf(all).map((checkpoint) => checkpoint.position)) + 1;
		const payload = checkedPayload(saveCheckpointOp, {
			id: draft.id ?? uuidv7(),
			name_zh: draft.name_zh.trim(),
			name_en: draft.name_en.trim(),
			position,
			instruction_zh: blankToNull(draft.instruction_zh),
			items: draft.items.map((item) => ({
				key: item.key,
				label_zh: item.label_zh.trim(),
				label_en: item.label_en.trim()
			})),
			saved_at: new Date().toISOString()
		});
		await enqueue(db, saveCheckpointOp, payload, actor);
		return { id: payload.id };
	});
}

/**
 * Moves an active checkpoint one place earlier (-1) or later (+1) in the round: the active checkpoints are
 * numbered 1… again in their new order, and each one whose number changed is saved.
 */
export function moveCheckpoint(db: LocalDb, id: string, step: -1 | 1): Promise<void> {
	return written(db, async () => {
		const actor = await currentActor(db);
		const order = activeCheckpointsOf(await checkpoints.of(db).toArray());
		const from = order.findIndex((checkpoint) => checkpoint.id === id);
		const to = from + step;
		if (from < 0) throw new LocalWriteError('not_found', `Checkpoint ${id} is not active here.`);
		if (to < 0 || to >= order.length) return;
		const [moved] = order.splice(from, 1);
		if (moved) order.splice(to, 0, moved);
		const savedAt = new Date().toISOString();
		for (const [index, checkpoint] of order.entries()) {
			if (checkpoint.position === index + 1) continue;
			const payload = checkedPayload(saveCheckpointOp, {
				id: checkpoint.id,
				name_zh: checkpoint.name_zh,
				name_en: checkpoint.name_en,
				position: index + 1,
				instruction_zh: checkpoint.instruction_zh,
				items: checkpoint.items,
				saved_at: savedAt
			});
			await enqueue(db, saveCheckpointOp, payload, actor);
		}
	});
}

export function retireCheckpoint(db: LocalDb, id: string): Promise<void> {
	return written(db, async () => {
		const actor = await currentActor(db);
		const stored = await checkpoints.of(db).get(id);
		if (!stored) throw new LocalWriteError('not_found', `Checkpoint ${id} is not here.`);
		if (stored.retired_at !== null) return;
		const payload = checkedPayload(retireCheckpointOp, { id, retired_at: new Date().toISOString() });
		await enqueue(db, retireCheckpointOp, payload, actor);
	});
}

/** Replaces the hall's plan, under the id of the plan the device holds (a new one when the hall has none). */
export function savePlan(db: LocalDb, draft: PlanDraft): Promise<{ id: string }> {
	return written(db, async () => {
		const actor = await currentActor(db);
		const current = await patrolPlans
			.of(db)
			.filter((plan) => plan.hall_id === actor.hall_id)
			.first();
		const payload = checkedPayload(savePlanOp, {
			id: current?.id ?? uuidv7(),
			windows: draft.windows.map((window) => ({
				...window,
				label_zh: window.label_zh.trim(),
				label_en: window.label_en.trim()
			})),
			grace_minutes: draft.grace_minutes,
			min_scan_interval_seconds: draft.min_scan_interval_seconds,
			saved_at: new Date().toISOString()
		});
		await enqueue(db, savePlanOp, payload, actor);
		return { id: payload.id };
	});
}

/** Starts a round of `window_key` (null: an extra round). */
export function startRound(
	db: LocalDb,
	window_key: string | null,
	now: Date = new Date()
): Promise<{ id: string }> {
	return written(db, async () => {
		const actor = await currentActor(db);
		if (window_key !== null) {
			const plan = await patrolPlans
				.of(db)
				.filter((candidate) => candidate.hall_id === actor.hall_id)
				.first();
			if (!plan?.windows.some((window) => window.key === window_key)) {
				throw invalid(`The plan has no window ${window_key}.`, ['window_key']);
			}
		}
		const payload = checkedPayload(startRoundOp, {
			id: uuidv7(),
			window_key,
			started_at: now.toISOString()
		});
		await enqueue(db, startRoundOp, payload, actor);
		return { id: payload.id };
	});
}

/** A round of this device's user that still takes checks, or a LocalWriteError. */
async function myOpenRound(db: LocalDb, roundId: string, staffId: string) {
	const round = await patrolRounds.of(db).get(roundId);
	if (!round || round.staff_id !== staffId) {
		throw new LocalWriteError('not_found', `Round ${roundId} is not one of yours here.`);
	}
	if (round.finished_at !== null) throw invalid(`Round ${roundId} is finished.`, ['round_id']);
	return round;
}

/**
 * Records a checkpoint visited in a round. Checking it again in the same round replaces its check (same id).
 * Every item of the checkpoint gets a result, and a problem needs a note or a photo of the check (new or kept).
 */
export function checkCheckpoint(db: LocalDb, input: NewCheck): Promise<{ id: string }> {
	return written(db, async () => {
		const actor = await currentActor(db);
		await myOpenRound(db, input.round_id, actor.staff_id);
		const checkpoint = await checkpoints.of(db).get(input.checkpoint_id);
		if (!checkpoint) throw new LocalWriteError('not_found', `Checkpoint ${input.checkpoint_id} is not here.`);
		if (checkpoint.retired_at !== null) {
			throw new LocalWriteError('deleted', `Checkpoint ${checkpoint.id} is retired.`);
		}
		const unmarked = checkpoint.items.filter(
			(item) => !input.results.some((result) => result.item_key === item.key)
		);
		if (unmarked.length > 0) {
			throw invalid(`Not marked: ${unmarked.map((item) => item.key).join(', ')}.`, ['results']);
		}
		const results = input.results
			.filter((result) => checkpoint.items.some((item) => item.key === result.item_key))
			.map((result) => ({ ...result, note: blankToNull(result.note) }));
		const stored = await patrolChecks
			.of(db)
			.where('[round_id+checkpoint_id]')
			.equals([input.round_id, input.checkpoint_id])
			.first();
		const drafts = input.photos ?? [];
		const keptPhotos = stored
			? await photos.of(db).where('[owner_kind+owner_id]').equals(['patrol_check', stored.id]).count()
			: 0;
		const noteless = results.filter((result) => result.status === 'problem' && result.note === null);
		if (noteless.length > 0 && drafts.length + keptPhotos === 0) {
			throw invalid(`A problem needs a note or a photo: ${noteless.map((r) => r.item_key).join(', ')}.`, [
				'results'
			]);
		}
		const listReason = input.identified_by === 'list' ? blankToNull(input.list_reason) : null;
		if (input.identified_by === 'list' && listReason === null) {
			throw invalid('A checkpoint picked from the list needs the reason.', ['list_reason']);
		}
		const payload = checkedPayload(checkOp, {
			id: stored?.id ?? uuidv7(),
			round_id: input.round_id,
			checkpoint_id: checkpoint.id,
			identified_by: input.identified_by,
			list_reason: listReason,
			checked_at: new Date().toISOString(),
			results,
			same_as_last: input.same_as_last
		});
		await enqueue(db, checkOp, payload, actor);
		await enqueuePhotos(db, actor, { kind: 'patrol_check', id: payload.id }, drafts);
		return { id: payload.id };
	});
}

/** Ends a round; a comment is required when an active checkpoint has no check (the server's rule too). */
export function finishRound(
	db: LocalDb,
	roundId: string,
	comment: string | null
): Promise<{ missed: string[] }> {
	return written(db, async () => {
		const actor = await currentActor(db);
		await myOpenRound(db, roundId, actor.staff_id);
		const checked = new Set(
			(await patrolChecks.of(db).where('round_id').equals(roundId).toArray()).map((c) => c.checkpoint_id)
		);
		const missed = activeCheckpointsOf(await checkpoints.of(db).toArray()).filter(
			(checkpoint) => !checked.has(checkpoint.id)
		);
		const text = blankToNull(comment);
		if (missed.length > 0 && text === null) {
			throw invalid(`Not checked: ${missed.map((c) => c.name_zh).join('、')}; a comment is required.`, [
				'comment'
			]);
		}
		const payload = checkedPayload(finishRoundOp, {
			id: roundId,
			finished_at: new Date().toISOString(),
			comment: text
		});
		await enqueue(db, finishRoundOp, payload, actor);
		return { missed: missed.map((checkpoint) => checkpoint.id) };
	});
}
