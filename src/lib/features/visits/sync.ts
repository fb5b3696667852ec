import { VISIT_RULES } from '$lib/domain/visit';
import { t } from '$lib/i18n';
import { VISIT_OPS } from '$lib/local/visits/ops';
import { followUpEvents, followUps, visits } from '$lib/local/visits/tables';
import { defineWorkflow } from '$lib/local/workflow';

/** A demand, shortened for the sync panel's one line. */
const short = (text: string): string => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

/** Visits, follow-ups and their timelines, as the registry lists them. */
export const visitsWorkflow = defineWorkflow({
	name: 'visits',
	rules: VISIT_RULES,
	// Visits before follow-ups (a visit's demands name it), follow-ups before their timelines.
	tables: [visits, followUps, followUpEvents],
	ops: VISIT_OPS,
	labels: {
		'visit.save': () => t('sync.op.visit.save'),
		'follow_up.open': (payload) => t('sync.op.follow_up.open', { demand: short(payload.demand) }),
		'follow_up.act': (payload) => t(`sync.op.follow_up.${payload.action}`),
		'follow_up.note': () => t('sync.op.follow_up.note')
	}
});
