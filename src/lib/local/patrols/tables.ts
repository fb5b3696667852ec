import { checkpointRow, patrolCheckRow, patrolPlanRow, patrolRoundRow } from '$lib/domain/patrol';
import { syncedTable } from '../workflow';

/**
 * The patrol workflow's synced tables on the device. The device holds every checkpoint of its hall, so a scanned
 * poster opens its checklist without the network.
 */

export const checkpoints = syncedTable('checkpoints', checkpointRow, {
	indexes: []
});

/** One row per hall. */
export const patrolPlans = syncedTable('patrol_plans', patrolPlanRow, {
	indexes: []
});

export const patrolRounds = syncedTable('patrol_rounds', patrolRoundRow, {
	// day: a day's rounds (the home, the log); [staff_id+started_at]: mine, newest first (the round in progress).
	indexes: ['day', '[staff_id+started_at]']
});

export const patrolChecks = syncedTable('patrol_checks', patrolCheckRow, {
	// round_id: a round's checks; [checkpoint_id+checked_at]: a checkpoint's last check ("same as last time");
	// [round_id+checkpoint_id]: checking a checkpoint again in the same round replaces its check.
	indexes: ['round_id', '[checkpoint_id+checked_at]', '[round_id+checkpoint_id]']
});
