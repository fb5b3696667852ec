import type { Workload } from '../workload';

/**
 * The staff directory has no op types (the server keeps it from app.staff): nothing to generate. Its rows still
 * reach every device, where the other workloads pick owners, stewards and companions from them.
 */
export function staffWorkload(): Workload {
	return {
		workflow: 'staff',
		opTypes: [],
		step: () => Promise.resolve(),
		meantRejection: () => Promise.resolve(null)
	};
}
