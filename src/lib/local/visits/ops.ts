import { actOnFollowUp, noteOnFollowUp, openFollowUp, saveVisit } from '$lib/domain/visit';
import { defineOp } from '../workflow';
import {
	applyAct,
	applyNote,
	applyOpen,
	applySaveVisit,
	undoAct,
	undoNote,
	undoOpen,
	undoSaveVisit
} from './apply';
import { followUps, visits } from './tables';

/** The visit and follow-up op types: what each sends, does on the device, and what giving it up means. */

export const saveVisitOp = defineOp('visit.save', saveVisit, {
	apply: applySaveVisit,
	// A new visit goes (its demands' openings are ops of their own); a changed one comes back from the server.
	discard: { drop: visits, undo: undoSaveVisit }
});

export const openFollowUpOp = defineOp('follow_up.open', openFollowUp, {
	apply: applyOpen,
	// The follow-up goes with its first timeline entry, neither of which the server has.
	discard: { drop: followUps, undo: undoOpen },
	touches: (payload) => [payload.id, payload.event_id]
});

export const actOnFollowUpOp = defineOp('follow_up.act', actOnFollowUp, {
	apply: applyAct,
	// Its timeline entry goes, and the follow-up's state returns from the server.
	discard: { undo: undoAct },
	touches: (payload) => [payload.id, payload.follow_up_id]
});

export const noteOnFollowUpOp = defineOp('follow_up.note', noteOnFollowUp, {
	apply: applyNote,
	// Its entry goes. Not `drop`: openings and actions write entries of that table too.
	discard: { undo: undoNote },
	touches: (payload) => [payload.id, payload.follow_up_id]
});

export const VISIT_OPS = [saveVisitOp, openFollowUpOp, actOnFollowUpOp, noteOnFollowUpOp] as const;
