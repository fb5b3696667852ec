import type {
	CheckCheckpoint,
	FinishRound,
	RetireCheckpoint,
	SaveCheckpoint,
	SavePatrolPlan,
	StartRound
} from '$lib/domain/patrol';
import { hallDate } from '$lib/domain/hall-time';
import type { LocalDb } from '../db';
import type { QueuedOp, SyncedRow, SyncedTable } from '../workflow';
import { checkpoints, patrolChecks, patrolPlans, patrolRounds } from './tables';

/**
 * The local effect of each patrol op, mirroring the server's writing functions. Rows made here carry version 0
 * until the server's copy arrives; a change to a row the device already has keeps its version, so the pull that
 * brings the server's copy replaces it. Each apply gives the same result however often it runs.
 */

export async function applySaveCheckpoint(
	db: LocalDb,
	{ payload, actor }: QueuedOp<SaveCheckpoint>
): Promise<void> {
	const table = checkpoints.of(db);
	const content = {
		name_zh: payload.name_zh,
		name_en: payload.name_en,
		position: payload.position,
		instruction_zh: payload.instruction_zh,
		items: payload.items,
		retired_at: null
	};
	const stored = await table.get(payload.id);
	if (stored) await table.update(payload.id, content);
	else await table.add({ id: payload.id, hall_id: actor.hall_id, ...content, is_demo: false, version: 0 });
}

export async function applyRetireCheckpoint(
	db: LocalDb,
	{ payload }: QueuedOp<RetireCheckpoint>
): Promise<void> {
	const stored = await checkpoints.of(db).get(payload.id);
	if (stored && stored.retired_at === null) {
		await checkpoints.of(db).update(payload.id, { retired_at: payload.retired_at });
	}
}

export async function applySavePlan(
	db: LocalDb,
	{ payload, actor }: QueuedOp<SavePatrolPlan>
): Promise<void> {
	const content = {
		windows: payload.windows,
		grace_minutes: payload.grace_minutes,
		min_scan_interval_seconds: payload.min_scan_interval_seconds
	};
	const table = patrolPlans.of(db);
	const stored = await table.get(payload.id);
	if (stored) {
		await table.update(payload.id, { ...content, is_demo: false });
		return;
	}
	// The hall keeps one plan: a second id would be refused by the server, so it is not shown as the plan.
	if ((await table.filter((plan) => plan.hall_id === actor.hall_id).count()) > 0) return;
	await table.add({ id: payload.id, hall_id: actor.hall_id, ...content, is_demo: false, version: 0 });
}

export async function applyStartRound(db: LocalDb, { payload, actor }: QueuedOp<StartRound>): Promise<void> {
	if (await patrolRounds.of(db).get(payload.id)) return;
	await patrolRounds.of(db).add({
		id: payload.id,
		hall_id: actor.hall_id,
		staff_id: actor.staff_id,
		staff_name: actor.staff_name,
		day: hallDate(new Date(payload.started_at)),
		window_key: payload.window_key,
		started_at: payload.started_at,
		finished_at: null,
		comment: null,
		version: 0
	});
}

export async function applyCheck(db: LocalDb, { payload, actor }: QueuedOp<CheckCheckpoint>): Promise<void> {
	const table = patrolChecks.of(db);
	const content = {
		identified_by: payload.identified_by,
		list_reason: payload.list_reason,
		checked_at: payload.checked_at,
		results: payload.results,
		same_as_last: payload.same_as_last
	};
	// As on the server: checking a checkpoint again in the same round replaces its check, under the id stored first.
	const stored =
		(await table.get(payload.id)) ??
		(await table.where('[round_id+checkpoint_id]').equals([payload.round_id, payload.checkpoint_id]).first());
	if (stored) {
		await table.update(stored.id, content);
		return;
	}
	await table.add({
		id: payload.id,
		round_id: payload.round_id,
		hall_id: actor.hall_id,
		checkpoint_id: payload.checkpoint_id,
		...content,
		version: 0
	});
}

export async function applyFinishRound(db: LocalDb, { payload }: QueuedOp<FinishRound>): Promise<void> {
	const stored = await patrolRounds.of(db).get(payload.id);
	if (stored && stored.finished_at === null) {
		await patrolRounds
			.of(db)
			.update(payload.id, { finished_at: payload.finished_at, comment: payload.comment });
	}
}

/**
 * Gives up a refused op that made or replaced a row: a row the server never had goes; a row it has returns from
 * the server (pull again).
 */
export function dropOrPullAgain<Row extends SyncedRow>(table: SyncedTable<string, Row>) {
	return async (db: LocalDb, payload: { id: string }): Promise<'pull_again' | null> => {
		const stored = await table.of(db).get(payload.id);
		if (stored?.version === 0) {
			await table.of(db).delete(payload.id);
			return null;
		}
		return 'pull_again';
	};
}
