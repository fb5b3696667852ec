import type { Workload } from '../workload';
import { incidentsWorkload } from './incidents';
import { photosWorkload } from './photos';
import { patrolsWorkload } from './patrols';
import { prechecksWorkload } from './prechecks';
import { serviceCatalogWorkload, type CatalogLedger } from './service-catalog';
import { serviceRecordsWorkload } from './service-records';

/** A fresh workload of every workflow that has one, for one run (their ledgers are the run's own). */
export function allWorkloads(): Workload[] {
	const catalog: CatalogLedger = { withdrawn: new Set() };
	return [
		serviceRecordsWorkload(),
		serviceCatalogWorkload(catalog),
		prechecksWorkload(catalog),
		incidentsWorkload(),
		photosWorkload(),
		patrolsWorkload()
	];
}
