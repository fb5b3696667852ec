import { actOnIncident, noteOnIncident, reportIncident, saveIncidentLimits } from '$lib/domain/incident';
import { defineOp } from '../workflow';
import {
	applyAct,
	applyLimits,
	applyNote,
	applyReport,
	undoAct,
	undoLimits,
	undoNote,
	undoReport
} from './apply';
import { incidentLimits, incidents } from './tables';

/** The incident.* op types: what each sends, does on the device, and what giving it up means. */

export const reportOp = defineOp('incident.report', reportIncident, {
	apply: applyReport,
	// The incident goes with its first timeline entry and its complainant, none of which the server has.
	discard: { drop: incidents, undo: undoReport },
	touches: (payload) => [payload.id, payload.event_id]
});

export const actOp = defineOp('incident.act', actOnIncident, {
	apply: applyAct,
	// Its timeline entry goes, and the incident's state returns from the server.
	discard: { undo: undoAct },
	touches: (payload) => [payload.id, payload.incident_id]
});

export const noteOp = defineOp('incident.note', noteOnIncident, {
	apply: applyNote,
	// Its entry goes. Not `drop`: that would name incident_events as the note's table, while reports and
	// actions write entries too.
	discard: { undo: undoNote },
	touches: (payload) => [payload.id, payload.incident_id]
});

export const limitsOp = defineOp('incident_limits.save', saveIncidentLimits, {
	apply: applyLimits,
	// The hall always has its row (the defaults), so giving up a save brings the server's values back.
	discard: { drop: incidentLimits, undo: undoLimits }
});

export const INCIDENT_OPS = [reportOp, actOp, noteOp, limitsOp] as const;
