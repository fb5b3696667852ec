import { followUpRefusal, followUpStatusAfter, FOLLOW_UP_TRANSITIONS } from '$lib/domain/follow-up-lifecycle';
import {
	VISIT_LIMITS,
	type ActOnFollowUp,
	type FollowUpRow,
	type NoteOnFollowUp,
	type OpenFollowUp,
	type SaveVisit
} from '$lib/domain/visit';
import type { Actor, LocalDb } from '../db';
import { directoryName } from '../staff/queries';
import type { QueuedOp } from '../workflow';
import { followUpEvents, followUps, visits } from './tables';

/**
 * The local effect of each visit and follow-up op, mirroring the server's writing functions: a visit appears at
 * once, a follow-up moves as the lifecycle says. An action whose follow-up the server has meanwhile moved
 * elsewhere is not applied again after the pull: the device shows the server's state, and the refused action waits
 * in the sync panel with its reason. Rows made here carry version 0 until the server's copy arrives; each apply
 * gives the same result however often it runs.
 */

export const isManager = (actor: Actor): boolean => actor.post === 'manager';

export async function applySaveVisit(db: LocalDb, { payload, actor }: QueuedOp<SaveVisit>): Promise<void> {
	const stored = await visits.of(db).get(payload.id);
	// Author only: the server refuses anyone else's save, so the device keeps what it has.
	if (stored && stored.staff_id !== actor.staff_id) return;
	await visits.of(db).put({
		...payload,
		hall_id: stored?.hall_id ?? actor.hall_id,
		staff_id: actor.staff_id,
		staff_name: stored?.staff_name ?? actor.staff_name,
		version: stored?.version ?? 0
	});
}

const eventsOf = (db: LocalDb, followUpId: string) =>
	followUpEvents.of(db).where('follow_up_id').equals(followUpId).count();

export async function applyOpen(db: LocalDb, { payload, actor }: QueuedOp<OpenFollowUp>): Promise<void> {
	const ownerName = (await directoryName(db, payload.owner_id, actor)) ?? '';
	if (!(await followUps.of(db).get(payload.id))) {
		await followUps.of(db).add({
			id: payload.id,
			hall_id: actor.hall_id,
			enterprise_id: payload.enterprise_id,
			visit_id: payload.visit_id,
			demand: payload.demand,
			owner_id: payload.owner_id,
			owner_name: ownerName,
			due_on: payload.due_on,
			status: 'open',
			opened_by: actor.staff_id,
			opened_by_name: actor.staff_name,
			opened_at: payload.opened_at,
			closed_at: null,
			reason: null,
			version: 0
		});
	}
	if (!(await followUpEvents.of(db).get(payload.event_id))) {
		await followUpEvents.of(db).add({
			id: payload.event_id,
			hall_id: actor.hall_id,
			follow_up_id: payload.id,
			kind: 'opened',
			from_status: null,
			to_status: 'open',
			staff_id: actor.staff_id,
			staff_name: actor.staff_name,
			owner_id: payload.owner_id,
			owner_name: ownerName,
			due_on: payload.due_on,
			note: null,
			occurred_at: payload.opened_at,
			version: 0
		});
	}
}

/** The follow-up after `payload`'s action, as app.op_follow_up_act writes it. */
function acted(
	followUp: FollowUpRow,
	payload: ActOnFollowUp,
	ownerName: string | null
): Partial<FollowUpRow> {
	const { action, occurred_at } = payload;
	return {
		status: followUpStatusAfter(action, followUp.status),
		...(action === 'reassign' && payload.owner_id
			? { owner_id: payload.owner_id, owner_name: ownerName ?? '' }
			: {}),
		...(action === 'due' && payload.due_on ? { due_on: payload.due_on } : {}),
		...(action === 'done' ? { closed_at: occurred_at } : {}),
		...(action === 'cannot' ? { closed_at: occurred_at, reason: payload.note } : {}),
		...(action === 'reopen' ? { closed_at: null, reason: null } : {})
	};
}

export async function applyAct(db: LocalDb, { payload, actor }: QueuedOp<ActOnFollowUp>): Promise<void> {
	const followUp = await followUps.of(db).get(payload.follow_up_id);
	if (!followUp) return;
	// Stale or no longer allowed: the server will refuse it too, so the device keeps the server's state.
	if (!(await reapplyStep(db, followUp, payload, actor))) return;
	if (await followUpEvents.of(db).get(payload.id)) return;
	if ((await eventsOf(db, followUp.id)) >= VISIT_LIMITS.eventsPerFollowUp) return;
	const ownerName = await ownerNameOf(db, payload, actor);
	await followUpEvents.of(db).add({
		id: payload.id,
		hall_id: followUp.hall_id,
		follow_up_id: followUp.id,
		kind: FOLLOW_UP_TRANSITIONS[payload.action].kind,
		from_status: followUp.status,
		to_status: followUpStatusAfter(payload.action, followUp.status),
		staff_id: actor.staff_id,
		staff_name: actor.staff_name,
		owner_id: payload.action === 'reassign' ? payload.owner_id : null,
		owner_name: payload.action === 'reassign' ? ownerName : null,
		due_on: payload.action === 'due' ? payload.due_on : null,
		note: payload.note?.trim() ? payload.note : null,
		occurred_at: payload.occurred_at,
		version: 0
	});
}

const ownerNameOf = (db: LocalDb, payload: ActOnFollowUp, actor: Actor): Promise<string | null> =>
	payload.action === 'reassign' && payload.owner_id
		? directoryName(db, payload.owner_id, actor)
		: Promise.resolve(null);

/**
 * Moves the follow-up as the step says when the lifecycle allows it from the status the step was taken in; answers
 * whether it did. After a pull that brought the follow-up unchanged in status the step applies again; one that
 * brought it moved on (a colleague acted first) is left as the server has it.
 */
async function reapplyStep(
	db: LocalDb,
	followUp: FollowUpRow,
	payload: ActOnFollowUp,
	actor: Actor
): Promise<boolean> {
	const refused = followUpRefusal(
		followUp,
		{ staff_id: actor.staff_id, manager: isManager(actor) },
		payload.action,
		payload.from_status,
		payload.owner_id
	);
	if (refused) return false;
	await followUps.of(db).update(followUp.id, acted(followUp, payload, await ownerNameOf(db, payload, actor)));
	return true;
}

export async function applyNote(db: LocalDb, { payload, actor }: QueuedOp<NoteOnFollowUp>): Promise<void> {
	const followUp = await followUps.of(db).get(payload.follow_up_id);
	if (!followUp || (await followUpEvents.of(db).get(payload.id))) return;
	if ((await eventsOf(db, followUp.id)) >= VISIT_LIMITS.eventsPerFollowUp) return;
	await followUpEvents.of(db).add({
		id: payload.id,
		hall_id: followUp.hall_id,
		follow_up_id: followUp.id,
		kind: 'note',
		from_status: null,
		to_status: null,
		staff_id: actor.staff_id,
		staff_name: actor.staff_name,
		owner_id: null,
		owner_name: null,
		due_on: null,
		note: payload.note,
		occurred_at: payload.occurred_at,
		version: 0
	});
}

const unsynced = <Row extends { version: number }>(row: Row | undefined): boolean => row?.version === 0;

/** Gives up a refused visit save: a visit the server never had goes; a changed one comes back from it. */
export async function undoSaveVisit(db: LocalDb, payload: SaveVisit): Promise<'pull_again' | null> {
	if (unsynced(await visits.of(db).get(payload.id))) {
		await visits.of(db).delete(payload.id);
		return null;
	}
	return 'pull_again';
}

/** Gives up a refused opening: the follow-up and its first entry, neither of which the server has. */
export async function undoOpen(db: LocalDb, payload: OpenFollowUp): Promise<'pull_again' | null> {
	if (unsynced(await followUps.of(db).get(payload.id))) await followUps.of(db).delete(payload.id);
	if (unsynced(await followUpEvents.of(db).get(payload.event_id))) {
		await followUpEvents.of(db).delete(payload.event_id);
	}
	return null;
}

/** Gives up a refused action: its entry goes, and the follow-up's state returns from the server. */
export async function undoAct(db: LocalDb, payload: ActOnFollowUp): Promise<'pull_again' | null> {
	if (unsynced(await followUpEvents.of(db).get(payload.id))) await followUpEvents.of(db).delete(payload.id);
	return 'pull_again';
}

/** Gives up a refused note: its entry, which the server never had. */
export async function undoNote(db: LocalDb, payload: NoteOnFollowUp): Promise<'pull_again' | null> {
	if (unsynced(await followUpEvents.of(db).get(payload.id))) await followUpEvents.of(db).delete(payload.id);
	return null;
}
