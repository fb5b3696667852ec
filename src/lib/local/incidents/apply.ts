import type {
	ActOnIncident,
	IncidentRow,
	NoteOnIncident,
	ReportIncident,
	SaveIncidentLimits
} from '$lib/domain/incident';
import { refusal, statusAfter, TRANSITIONS } from '$lib/domain/incident-lifecycle';
import type { Actor, LocalDb } from '../db';
import type { QueuedOp } from '../workflow';
import { staffNameOf } from './staff';
import { incidentComplainants, incidentEvents, incidentLimits, incidents } from './tables';

/**
 * The local effect of each incident.* op, mirroring the server's writing functions: a report appears at once, an
 * action moves the incident as the lifecycle says. An action whose incident the server has meanwhile moved
 * elsewhere (a colleague's device acted first) is not applied again after the pull: the device shows the server's
 * state, and the refused action waits in the sync panel with its reason. Rows made here carry version 0 until the
 * server's copy arrives; each apply gives the same result however often it runs.
 */

export const isManager = (actor: Actor): boolean => actor.post === 'manager';

export async function applyReport(db: LocalDb, { payload, actor }: QueuedOp<ReportIncident>): Promise<void> {
	if (!(await incidents.of(db).get(payload.id))) {
		await incidents.of(db).add({
			id: payload.id,
			hall_id: actor.hall_id,
			category: payload.category,
			severity: payload.severity,
			place: payload.place,
			checkpoint_id: payload.checkpoint_id,
			description: payload.description,
			reporter_id: actor.staff_id,
			reporter_name: actor.staff_name,
			reported_at: payload.reported_at,
			status: 'reported',
			assignee_id: null,
			assignee_name: null,
			responded_at: null,
			resolved_at: null,
			closed_at: null,
			callback_result: null,
			source_check_id: payload.source_check_id,
			version: 0
		});
	}
	if (!(await incidentEvents.of(db).get(payload.event_id))) {
		await incidentEvents.of(db).add({
			id: payload.event_id,
			incident_id: payload.id,
			hall_id: actor.hall_id,
			kind: 'reported',
			from_status: null,
			to_status: 'reported',
			staff_id: actor.staff_id,
			staff_name: actor.staff_name,
			assignee_id: null,
			assignee_name: null,
			note: null,
			occurred_at: payload.reported_at,
			version: 0
		});
	}
	const hasComplainant = payload.complainant_name !== null || payload.complainant_phone !== null;
	if (
		payload.category === 'complaint' &&
		hasComplainant &&
		!(await incidentComplainants.of(db).get(payload.id))
	) {
		await incidentComplainants.of(db).add({
			id: payload.id,
			hall_id: actor.hall_id,
			reporter_id: actor.staff_id,
			name: payload.complainant_name,
			phone: payload.complainant_phone,
			version: 0
		});
	}
}

/** The incident after `payload`'s action, as app.op_incident_act writes it. */
function acted(
	incident: IncidentRow,
	payload: ActOnIncident,
	assigneeName: string | null
): Partial<IncidentRow> {
	const { action, occurred_at } = payload;
	return {
		status: statusAfter(action, incident.status),
		...(action === 'assign' ? { assignee_id: payload.assignee_id, assignee_name: assigneeName ?? '' } : {}),
		...(action === 'assign' || action === 'start'
			? { responded_at: incident.responded_at ?? occurred_at }
			: {}),
		...(action === 'resolve' ? { resolved_at: occurred_at } : {}),
		...(action === 'close' ? { closed_at: occurred_at } : {}),
		...(action === 'callback' ? { callback_result: payload.callback_result } : {}),
		...(action === 'reopen' ? { resolved_at: null, closed_at: null, callback_result: null } : {})
	};
}

export async function applyAct(db: LocalDb, { payload, actor }: QueuedOp<ActOnIncident>): Promise<void> {
	const incident = await incidents.of(db).get(payload.incident_id);
	if (!incident) return;
	const event = await incidentEvents.of(db).get(payload.id);
	const refused = refusal(
		incident,
		{ staff_id: actor.staff_id, manager: isManager(actor) },
		payload.action,
		payload.from_status
	);
	// Stale or no longer allowed: the server will refuse it too, so the device keeps the server's state.
	if (refused) return;
	const assigneeName =
		payload.action === 'assign' && payload.assignee_id
			? await staffNameOf(db, payload.assignee_id, actor)
			: null;
	await incidents.of(db).update(incident.id, acted(incident, payload, assigneeName));
	if (!event) {
		await incidentEvents.of(db).add({
			id: payload.id,
			incident_id: incident.id,
			hall_id: incident.hall_id,
			kind: TRANSITIONS[payload.action].kind,
			from_status: incident.status,
			to_status: statusAfter(payload.action, incident.status),
			staff_id: actor.staff_id,
			staff_name: actor.staff_name,
			assignee_id: payload.assignee_id,
			assignee_name: assigneeName,
			note:
				payload.action === 'callback' ? payload.callback_result : payload.note?.length ? payload.note : null,
			occurred_at: payload.occurred_at,
			version: 0
		});
	}
}

export async function applyNote(db: LocalDb, { payload, actor }: QueuedOp<NoteOnIncident>): Promise<void> {
	const incident = await incidents.of(db).get(payload.incident_id);
	if (!incident || (await incidentEvents.of(db).get(payload.id))) return;
	await incidentEvents.of(db).add({
		id: payload.id,
		incident_id: incident.id,
		hall_id: incident.hall_id,
		kind: 'note',
		from_status: null,
		to_status: null,
		staff_id: actor.staff_id,
		staff_name: actor.staff_name,
		assignee_id: null,
		assignee_name: null,
		note: payload.note,
		occurred_at: payload.occurred_at,
		version: 0
	});
}

export async function applyLimits(
	db: LocalDb,
	{ payload, actor }: QueuedOp<SaveIncidentLimits>
): Promise<void> {
	const stored = await incidentLimits.of(db).get(payload.id);
	await incidentLimits.of(db).put({ ...payload, hall_id: actor.hall_id, version: stored?.version ?? 0 });
}

/** Gives up a refused report: the incident, its first entry and its complainant, none of which the server has. */
export async function undoReport(db: LocalDb, payload: ReportIncident): Promise<'pull_again' | null> {
	const unsynced = <Row extends { version: number }>(row: Row | undefined) => row?.version === 0;
	if (unsynced(await incidents.of(db).get(payload.id))) await incidents.of(db).delete(payload.id);
	if (unsynced(await incidentEvents.of(db).get(payload.event_id))) {
		await incidentEvents.of(db).delete(payload.event_id);
	}
	if (unsynced(await incidentComplainants.of(db).get(payload.id))) {
		await incidentComplainants.of(db).delete(payload.id);
	}
	return null;
}

/** Gives up a refused action: its timeline entry goes, and the incident's state returns from the server. */
export async function undoAct(db: LocalDb, payload: ActOnIncident): Promise<'pull_again' | null> {
	if ((await incidentEvents.of(db).get(payload.id))?.version === 0)
		await incidentEvents.of(db).delete(payload.id);
	return 'pull_again';
}

/** Gives up a refused note: its entry, which the server never had. */
export async function undoNote(db: LocalDb, payload: NoteOnIncident): Promise<'pull_again' | null> {
	if ((await incidentEvents.of(db).get(payload.id))?.version === 0)
		await incidentEvents.of(db).delete(payload.id);
	return null;
}

/** Gives up refused limits: the server's return. */
export function undoLimits(): Promise<'pull_again' | null> {
	return Promise.resolve('pull_again');
}
