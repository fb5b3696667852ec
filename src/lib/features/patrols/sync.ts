import { PATROL_RULES } from '$lib/domain/patrol';
import { t } from '$lib/i18n';
import { PATROL_OPS } from '$lib/local/patrols/ops';
import { checkpoints, patrolChecks, patrolPlans, patrolRounds } from '$lib/local/patrols/tables';
import { defineWorkflow } from '$lib/local/workflow';

/** Daily hall patrols: checkpoints, the plan, rounds and their checks, as the registry lists them. */
export const patrolsWorkflow = defineWorkflow({
	name: 'patrols',
	rules: PATROL_RULES,
	// Checkpoints and rounds before the checks that name them.
	tables: [checkpoints, patrolPlans, patrolRounds, patrolChecks],
	ops: PATROL_OPS,
	labels: {
		'checkpoint.save': (payload) => t('sync.op.checkpoint.save', { name: payload.name_zh }),
		'checkpoint.retire': () => t('sync.op.checkpoint.retire'),
		'patrol_plan.save': () => t('sync.op.patrol_plan.save'),
		'patrol_round.start': () => t('sync.op.patrol_round.start'),
		'patrol_round.check': () => t('sync.op.patrol_round.check'),
		'patrol_round.finish': () => t('sync.op.patrol_round.finish')
	}
});
