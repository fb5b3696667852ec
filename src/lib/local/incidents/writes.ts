import type { IncidentAction, IncidentCategory, SaveIncidentLimits, Severity } from '$lib/domain/incident';
import { refusal, type Refusal } from '$lib/domain/incident-lifecycle';
import { uuidv7 } from '$lib/domain/uuid';
import type { LocalDb } from '../db';
import { checkedPayload, currentActor, enqueue } from '../outbox';
import { enqueuePhotos, type PhotoDraft } from '../photos/writes';
import { LocalWriteError } from '../write-error';
import { signalLocalWrite } from '../write-signal';
import { isManager } from './apply';
import { actOp, limitsOp, noteOp, reportOp } from './ops';
import { incidents } from './tables';

/**
 * The incident writes the screens call. Input is checked first (a LocalWriteError naming the fields, nothing
 * stored), an action also against the lifecycle as the device sees the incident (an IncidentRefusedError with the
 * refusal, so the screen says why in Chinese); then the change and its outbox op are stored in one Dexie
 * transaction, and the sync engine is woken. None waits for the network.
 */

export interface NewIncident {
	category: IncidentCategory;
	severity: Severity;
	place: string;
	checkpoint_id: string | null;
	description: string;
	complainant_name: string | null;
	complainant_phone: string | null;
	source_check_id: string | null;
	/** Photos of the report (taken, or copied from the patrol check), attached after it in the same transaction. */
	photos?: readonly PhotoDraft[];
}

export interface IncidentStep {
	incident_id: string;
	action: IncidentAction;
	assignee_id?: string | null;
	note?: string | null;
	callback_result?: string | null;
}

export type LimitsInput = Omit<SaveIncidentLimits, 'id'>;

/** The lifecycle refused an action on this device, before anything was stored. */
export class IncidentRefusedError extends Error {
	readonly refusal: Refusal;
	constructor(refused: Refusal) {
		super(`Refused: ${refused.reason}`);
		this.name = 'IncidentRefusedError';
		this.refusal = refused;
	}
}

const blankToNull = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

/** Reports an incident; a complainant's name and phone are kept only for a complaint. */
export async function reportIncident(db: LocalDb, input: NewIncident): Promise<{ id: string }> {
	const complaint = input.category === 'complaint';
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const payload = checkedPayload(reportOp, {
			id: uuidv7(),
			event_id: uuidv7(),
			category: input.category,
			severity: input.severity,
			place: input.place.trim(),
			checkpoint_id: input.checkpoint_id,
			description: input.description.trim(),
			complainant_name: complaint ? blankToNull(input.complainant_name) : null,
			complainant_phone: complaint ? blankToNull(input.complainant_phone) : null,
			source_check_id: input.source_check_id,
			reported_at: new Date().toISOString()
		});
		await enqueue(db, reportOp, payload, actor);
		await enqueuePhotos(db, actor, { kind: 'incident', id: payload.id }, input.photos ?? []);
		return { id: payload.id };
	});
	signalLocalWrite();
	return written;
}

/** Takes one step of the lifecycle from the status this device shows. */
export async function actOnIncident(db: LocalDb, step: IncidentStep): Promise<{ id: string }> {
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const incident = await incidents.of(db).get(step.incident_id);
		if (!incident) throw new LocalWriteError('not_found', `Incident ${step.incident_id} is not here.`);
		const payload = checkedPayload(actOp, {
			id: uuidv7(),
			incident_id: incident.id,
			action: step.action,
			from_status: incident.status,
			assignee_id: step.assignee_id ?? null,
			note: blankToNull(step.note),
			callback_result: blankToNull(step.callback_result),
			occurred_at: new Date().toISOString()
		});
		const refused = refusal(incident, { staff_id: actor.staff_id, manager: isManager(actor) }, step.action);
		if (refused) throw new IncidentRefusedError(refused);
		await enqueue(db, actOp, payload, actor);
		return { id: payload.id };
	});
	signalLocalWrite();
	return written;
}

/** Adds a note to an incident's timeline. */
export async function noteOnIncident(db: LocalDb, incidentId: string, note: string): Promise<{ id: string }> {
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		if (!(await incidents.of(db).get(incidentId))) {
			throw new LocalWriteError('not_found', `Incident ${incidentId} is not here.`);
		}
		const payload = checkedPayload(noteOp, {
			id: uuidv7(),
			incident_id: incidentId,
			note: note.trim(),
			occurred_at: new Date().toISOString()
		});
		await enqueue(db, noteOp, payload, actor);
		return { id: payload.id };
	});
	signalLocalWrite();
	return written;
}

/** Replaces the hall's time limits (managers; the server refuses anyone else). */
export async function saveIncidentLimits(db: LocalDb, input: LimitsInput): Promise<void> {
	await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const payload = checkedPayload(limitsOp, { id: actor.hall_id, ...input });
		await enqueue(db, limitsOp, payload, actor);
	});
	signalLocalWrite();
}
