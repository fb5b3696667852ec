import { recheckPrecheck, recordPrecheck } from '$lib/domain/precheck';
import { defineOp } from '../workflow';
import { applyRecheck, applyRecord } from './apply';
import { precheckRounds, prechecks } from './tables';

/** The precheck.* op types: what each sends, does on the device, and what giving it up means. */

export const recordOp = defineOp('precheck.record', recordPrecheck, {
	apply: applyRecord,
	// The pre-check the server never had goes; its round and applicant row are only reached through it.
	discard: { drop: prechecks },
	touches: (payload) => [payload.id, payload.round_id]
});

export const recheckOp = defineOp('precheck.recheck', recheckPrecheck, {
	apply: applyRecheck,
	// The round goes; the pre-check's status is read from its last round (queries.ts), so it reopens with it.
	discard: { drop: precheckRounds },
	touches: (payload) => [payload.id, payload.precheck_id]
});

export const PRECHECK_OPS = [recordOp, recheckOp] as const;
