import type { Workload } from '../workload';
import { serviceRecordsWorkload } from './service-records';

/** A fresh workload of every workflow that has one, for one run (their ledgers are the run's own). */
export function allWorkloads(): Workload[] {
	return [serviceRecordsWorkload()];
}
