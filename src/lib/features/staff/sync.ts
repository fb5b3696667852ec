import { STAFF_RULES } from '$lib/domain/staff-directory';
import { staffDirectory } from '$lib/local/staff/tables';
import { defineWorkflow } from '$lib/local/workflow';

/** The hall's staff directory, read-only: a synced table with no op types. */
export const staffWorkflow = defineWorkflow({
	name: 'staff',
	rules: STAFF_RULES,
	tables: [staffDirectory],
	ops: [],
	labels: {}
});
