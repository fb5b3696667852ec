import { followUpRefusal, type FollowUpRefusal } from '$lib/domain/follow-up-lifecycle';
import { uuidv7 } from '$lib/domain/uuid';
import {
	dueDateFits,
	VISIT_LIMITS,
	type FollowUpAction,
	type GeoStatus,
	type OpenFollowUp,
	type VisitKind
} from '$lib/domain/visit';
import type { Actor, LocalDb } from '../db';
import { enterpriseProjects, enterprises } from '../enterprises/tables';
import { checkedPayload, currentActor, enqueue, enqueueAll } from '../outbox';
import { enqueuePhotos, type PhotoDraft } from '../photos/writes';
import { mayBePicked } from '../staff/queries';
import { LocalWriteError } from '../write-error';
import { signalLocalWrite } from '../write-signal';
import { isManager } from './apply';
import { actOnFollowUpOp, noteOnFollowUpOp, openFollowUpOp, saveVisitOp } from './ops';
import { followUpEvents, followUps, visits } from './tables';

/**
 * The visit and follow-up writes the screens call. Input is checked first with the op's schema (a LocalWriteError
 * naming the fields, nothing stored), then against what the device knows (a VisitRefusedError saying why, in the
 * server's codes); then the change and its outbox ops are stored in one Dexie transaction (a visit with its
 * demands and photos together), and the sync engine is woken. None waits for the network.
 */

/** What asking the phone for a position gave (locate.ts): a fix, or why there is none. */
export type GeoReading =
	| { geo: 'fix'; latitude: number; longitude: number; accuracy_m: number }
	| { geo: Exclude<GeoStatus, 'fix'> };

/** A demand typed on a visit or an enterprise's page: followed by `owner_id` until `due_on` (hall date). */
export interface DemandInput {
	demand: string;
	owner_id: string;
	due_on: string;
}

/**
 * A visit as the visit screen edits it. `id` null for a new one (check-in); the same id again to check out or to
 * change a running visit. `demands` are opened as new follow-ups of the visit; `photos` attached to it.
 */
export interface VisitInput {
	id: string | null;
	enterprise_id: string;
	project_id: string | null;
	kind: VisitKind;
	companion_ids: string[];
	met: string | null;
	check_in_at: string;
	check_in: GeoReading;
	/** null while the visit runs. */
	check_out_at: string | null;
	check_out: GeoReading | null;
	summary: string | null;
	demands?: readonly DemandInput[];
	photos?: readonly PhotoDraft[];
}

export interface FollowUpInput extends DemandInput {
	enterprise_id: string;
	/** The visit it came from; null from the enterprise's page. */
	visit_id: string | null;
}

export interface FollowUpStep {
	follow_up_id: string;
	action: FollowUpAction;
	/** For reassign: the new owner. */
	owner_id?: string | null;
	/** For due: the new due date. */
	due_on?: string | null;
	/** Required for done (what was done), cannot (the reason) and reopen. */
	note?: string | null;
}

export type VisitRefusal =
	| FollowUpRefusal
	| { code: 'forbidden'; reason: 'author_only' }
	| { code: 'not_found'; reason: 'enterprise' | 'project' | 'visit' | 'follow_up' | 'staff' }
	| { code: 'validation'; reason: 'due_out_of_range' }
	// The server's codes (app.op_visit_save, app.op_follow_up_open): these are conflicts there.
	| {
			code: 'conflict';
			reason: 'companion_is_author' | 'project_of_other_enterprise' | 'too_many_demands' | 'timeline_full';
	  };

/** What the device knows refused a write, before anything was stored. */
export class VisitRefusedError extends Error {
	readonly refusal: VisitRefusal;
	constructor(refused: VisitRefusal) {
		super(`Refused: ${refused.reason}`);
		this.name = 'VisitRefusedError';
		this.refusal = refused;
	}
}

const blankToNull = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

const refuse = (refused: VisitRefusal): never => {
	throw new VisitRefusedError(refused);
};

/** The position fields of a reading, as the payload spells them for `prefix`. */
function positionFields<Prefix extends 'check_in' | 'check_out'>(prefix: Prefix, reading: GeoReading | null) {
	const fix = reading?.geo === 'fix' ? reading : null;
	return {
		[`${prefix}_geo`]: reading?.geo ?? null,
		[`${prefix}_latitude`]: fix?.latitude ?? null,
		[`${prefix}_longitude`]: fix?.longitude ?? null,
		[`${prefix}_accuracy_m`]: fix?.accuracy_m ?? null
	};
}

async function mustBePickable(db: LocalDb, staffIds: readonly string[]): Promise<void> {
	for (const id of staffIds) if (!(await mayBePicked(db, id))) refuse({ code: 'not_found', reason: 'staff' });
}

/** A demand's opening payload, checked (its due date within the opening's range). */
function openingPayload(input: FollowUpInput, openedAt: string): OpenFollowUp {
	const payload = {
		id: uuidv7(),
		event_id: uuidv7(),
		enterprise_id: input.enterprise_id,
		visit_id: input.visit_id,
		demand: input.demand.trim(),
		owner_id: input.owner_id,
		due_on: input.due_on,
		opened_at: openedAt
	};
	// Said precisely before the schema's general "invalid": the screen shows the allowed range.
	if (/^\d{4}-\d{2}-\d{2}$/.test(payload.due_on) && !dueDateFits(payload.due_on, openedAt)) {
		refuse({ code: 'validation', reason: 'due_out_of_range' });
	}
	return checkedPayload(openFollowUpOp, payload);
}

async function checkVisitFacts(db: LocalDb, actor: Actor, input: VisitInput, id: string): Promise<void> {
	const stored = await visits.of(db).get(id);
	if (stored && stored.staff_id !== actor.staff_id) refuse({ code: 'forbidden', reason: 'author_only' });
	if (!(await enterprises.of(db).get(input.enterprise_id)))
		refuse({ code: 'not_found', reason: 'enterprise' });
	if (input.project_id !== null) {
		const project = await enterpriseProjects.of(db).get(input.project_id);
		if (!project) refuse({ code: 'not_found', reason: 'project' });
		if (project?.enterprise_id !== input.enterprise_id) {
			refuse({ code: 'conflict', reason: 'project_of_other_enterprise' });
		}
	}
	if (input.companion_ids.includes(actor.staff_id))
		refuse({ code: 'conflict', reason: 'companion_is_author' });
	await mustBePickable(db, input.companion_ids);
	const demands = input.demands ?? [];
	const opened = await followUps.of(db).where('visit_id').equals(id).count();
	if (opened + demands.length > VISIT_LIMITS.demands)
		refuse({ code: 'conflict', reason: 'too_many_demands' });
	await mustBePickable(
		db,
		demands.map((demand) => demand.owner_id)
	);
}

/**
 * Saves a visit whole (its author only): at check-in as a running visit, again at check-out or with changes. Its
 * new demands are opened after it, its photos attached after them, all in the same transaction.
 */
export async function saveVisit(
	db: LocalDb,
	input: VisitInput
): Promise<{ id: string; followUpIds: string[] }> {
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const now = new Date().toISOString();
		const id = input.id ?? uuidv7();
		const payload = checkedPayload(saveVisitOp, {
			id,
			enterprise_id: input.enterprise_id,
			project_id: input.project_id,
			kind: input.kind,
			companion_ids: input.companion_ids,
			met: blankToNull(input.met),
			check_in_at: input.check_in_at,
			...positionFields('check_in', input.check_in),
			check_out_at: input.check_out_at,
			...positionFields('check_out', input.check_out_at === null ? null : input.check_out),
			summary: blankToNull(input.summary),
			saved_at: now
		});
		const openings = (input.demands ?? []).map((demand) =>
			openingPayload({ ...demand, enterprise_id: input.enterprise_id, visit_id: id }, now)
		);
		await checkVisitFacts(db, actor, input, id);
		await enqueue(db, saveVisitOp, payload, actor);
		await enqueueAll(db, openFollowUpOp, openings, actor);
		await enqueuePhotos(db, actor, { kind: 'visit', id }, input.photos ?? []);
		return { id, followUpIds: openings.map((opening) => opening.id) };
	});
	signalLocalWrite();
	return written;
}

/** Opens a follow-up from an enterprise's page (or one more demand of a visit). */
export async function openFollowUp(db: LocalDb, input: FollowUpInput): Promise<{ id: string }> {
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const payload = openingPayload(input, new Date().toISOString());
		if (!(await enterprises.of(db).get(input.enterprise_id)))
			refuse({ code: 'not_found', reason: 'enterprise' });
		if (input.visit_id !== null) {
			const visit = await visits.of(db).get(input.visit_id);
			if (!visit || visit.enterprise_id !== input.enterprise_id)
				refuse({ code: 'not_found', reason: 'visit' });
			const opened = await followUps.of(db).where('visit_id').equals(input.visit_id).count();
			if (opened >= VISIT_LIMITS.demands) refuse({ code: 'conflict', reason: 'too_many_demands' });
		}
		await mustBePickable(db, [input.owner_id]);
		await enqueue(db, openFollowUpOp, payload, actor);
		return { id: payload.id };
	});
	signalLocalWrite();
	return written;
}

async function mustHaveRoom(db: LocalDb, followUpId: string): Promise<void> {
	const entries = await followUpEvents.of(db).where('follow_up_id').equals(followUpId).count();
	if (entries >= VISIT_LIMITS.eventsPerFollowUp) refuse({ code: 'conflict', reason: 'timeline_full' });
}

/** Takes one step of the lifecycle from the status this device shows. */
export async function actOnFollowUp(db: LocalDb, step: FollowUpStep): Promise<{ id: string }> {
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const followUp = await followUps.of(db).get(step.follow_up_id);
		if (!followUp) throw new LocalWriteError('not_found', `Follow-up ${step.follow_up_id} is not here.`);
		const payload = checkedPayload(actOnFollowUpOp, {
			id: uuidv7(),
			follow_up_id: followUp.id,
			action: step.action,
			from_status: followUp.status,
			owner_id: step.action === 'reassign' ? (step.owner_id ?? null) : null,
			due_on: step.action === 'due' ? (step.due_on ?? null) : null,
			note: blankToNull(step.note),
			occurred_at: new Date().toISOString()
		});
		const refused = followUpRefusal(
			followUp,
			{ staff_id: actor.staff_id, manager: isManager(actor) },
			step.action,
			followUp.status,
			payload.owner_id
		);
		if (refused) refuse(refused);
		if (payload.due_on !== null && !dueDateFits(payload.due_on, followUp.opened_at)) {
			refuse({ code: 'validation', reason: 'due_out_of_range' });
		}
		if (payload.owner_id !== null) await mustBePickable(db, [payload.owner_id]);
		await mustHaveRoom(db, followUp.id);
		await enqueue(db, actOnFollowUpOp, payload, actor);
		return { id: payload.id };
	});
	signalLocalWrite();
	return written;
}

/** Adds a note to a follow-up's timeline (anyone of the hall, any status). */
export async function noteFollowUp(db: LocalDb, followUpId: string, note: string): Promise<{ id: string }> {
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const payload = checkedPayload(noteOnFollowUpOp, {
			id: uuidv7(),
			follow_up_id: followUpId,
			note: note.trim(),
			occurred_at: new Date().toISOString()
		});
		if (!(await followUps.of(db).get(followUpId))) refuse({ code: 'not_found', reason: 'follow_up' });
		await mustHaveRoom(db, followUpId);
		await enqueue(db, noteOnFollowUpOp, payload, actor);
		return { id: payload.id };
	});
	signalLocalWrite();
	return written;
}
