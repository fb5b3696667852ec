import { recheckPrecheck, recordPrecheck } from '$lib/domain/precheck';
import { defineOp } from '../workflow';
import { applyRecheck, applyRecord, undoRecheck, undoRecord } from './apply';
import { prechecks } from './tables';

/** The precheck.* op types: what each sends, does on the device, and what giving it up means. */

export const recordOp = defineOp('precheck.record', recordPrecheck, {
	apply: applyRecord,
	// The pre-check goes with its round and applicant row, none of which the server has.
	discard: { drop: prechecks, undo: undoRecord },
	touches: (payload) => [payload.id, payload.round_id]
});

export const recheckOp = defineOp('precheck.recheck', recheckPrecheck, {
	apply: applyRecheck,
	// The round goes, and the pre-check's status returns from the server.
	discard: { undo: undoRecheck },
	touches: (payload) => [payload.id, payload.precheck_id]
});

export const PRECHECK_OPS = [recordOp, recheckOp] as const;
