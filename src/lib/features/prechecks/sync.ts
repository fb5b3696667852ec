import { PRECHECK_RULES } from '$lib/domain/precheck';
import { t } from '$lib/i18n';
import { PRECHECK_OPS } from '$lib/local/prechecks/ops';
import { precheckApplicants, precheckRounds, prechecks } from '$lib/local/prechecks/tables';
import { defineWorkflow } from '$lib/local/workflow';

/** Material pre-checks, their rounds and their applicants, as the registry lists them. */
export const prechecksWorkflow = defineWorkflow({
	name: 'prechecks',
	rules: PRECHECK_RULES,
	tables: [prechecks, precheckRounds, precheckApplicants],
	ops: PRECHECK_OPS,
	labels: {
		'precheck.record': (payload) =>
			payload.notice_no === null
				? t('sync.op.precheck.record')
				: t('sync.op.precheck.record_notice', { notice: payload.notice_no }),
		'precheck.recheck': () => t('sync.op.precheck.recheck')
	}
});
