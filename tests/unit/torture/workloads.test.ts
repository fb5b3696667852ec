import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { registry } from '../../../src/lib/features/registry';
import { serviceRecordsWorkflow } from '../../../src/lib/features/tickets/sync';
import { defineRegistry } from '../../../src/lib/local/registry';
import { defineOp, defineWorkflow } from '../../../src/lib/local/workflow';
import { workloadsFor } from '../../torture/workload';
import { allWorkloads } from '../../torture/workloads';

// The torture run works every registered op type; a workflow added later without a workload stops it at once.

const later = defineWorkflow({
	name: 'later',
	rules: {},
	tables: [],
	ops: [
		defineOp('later.thing', z.object({ id: z.uuid() }), {
			apply: () => Promise.resolve(),
			discard: 'pull_again'
		})
	],
	labels: { 'later.thing': () => 'thing' }
});

describe('torture workloads', () => {
	it('cover every op type of the app’s registry', () => {
		expect(workloadsFor(registry, allWorkloads()).map((workload) => workload.workflow)).toEqual(
			registry.workflows.map((workflow) => workflow.name)
		);
	});

	it('refuse a registry with a workflow, or an op type, that no workload generates', () => {
		expect(() => workloadsFor(defineRegistry([serviceRecordsWorkflow, later]), allWorkloads())).toThrow(
			/no generator for workflow later/
		);
		const [records] = allWorkloads();
		const partial = {
			...records!,
			opTypes: records!.opTypes.filter((type) => type !== 'service_record.delete')
		};
		expect(() => workloadsFor(registry, [partial])).toThrow(
			/no generator for op type service_record\.delete/
		);
	});
});
