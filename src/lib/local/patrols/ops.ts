import {
	checkCheckpoint,
	finishRound,
	retireCheckpoint,
	saveCheckpoint,
	savePatrolPlan,
	startRound
} from '$lib/domain/patrol';
import { defineOp } from '../workflow';
import {
	applyCheck,
	applyFinishRound,
	applyRetireCheckpoint,
	applySaveCheckpoint,
	applySavePlan,
	applyStartRound,
	dropOrPullAgain
} from './apply';
import { checkpoints, patrolChecks, patrolPlans, patrolRounds } from './tables';

/** The patrol op types: what each sends, does on the device, and what giving it up means. */

export const saveCheckpointOp = defineOp('checkpoint.save', saveCheckpoint, {
	apply: applySaveCheckpoint,
	// A new checkpoint goes; an edited one returns from the server.
	discard: { drop: checkpoints, undo: dropOrPullAgain(checkpoints) }
});

export const retireCheckpointOp = defineOp('checkpoint.retire', retireCheckpoint, {
	apply: applyRetireCheckpoint,
	discard: 'pull_again'
});

export const savePlanOp = defineOp('patrol_plan.save', savePatrolPlan, {
	apply: applySavePlan,
	discard: { drop: patrolPlans, undo: dropOrPullAgain(patrolPlans) }
});

export const startRoundOp = defineOp('patrol_round.start', startRound, {
	apply: applyStartRound,
	discard: { drop: patrolRounds }
});

export const checkOp = defineOp('patrol_round.check', checkCheckpoint, {
	apply: applyCheck,
	discard: { drop: patrolChecks, undo: dropOrPullAgain(patrolChecks) },
	touches: (payload) => [payload.id, payload.round_id]
});

export const finishRoundOp = defineOp('patrol_round.finish', finishRound, {
	apply: applyFinishRound,
	discard: 'pull_again'
});

export const PATROL_OPS = [
	saveCheckpointOp,
	retireCheckpointOp,
	savePlanOp,
	startRoundOp,
	checkOp,
	finishRoundOp
] as const;
