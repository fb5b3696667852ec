import type { Workload } from '../workload';
import { incidentsWorkload } from './incidents';
import { photosWorkload } from './photos';
import { patrolsWorkload } from './patrols';
import { prechecksWorkload } from './prechecks';
import { serviceCatalogWorkload, type CatalogLedger } from './service-catalog';
import { serviceRecordsWorkload } from './service-records';
import { enterprisesWorkload } from './enterprises';
import { staffWorkload } from './staff';
import { visitsWorkload } from './visits';

/** A fresh workload of every workflow that has one, for one run (their ledgers are the run's own). */
export function allWorkloads(): Workload[] {
	const catalog: CatalogLedger = { withdrawn: new Set() };
	return [
		serviceRecordsWorkload(),
		serviceCatalogWorkload(catalog),
		prechecksWorkload(catalog),
		incidentsWorkload(),
		photosWorkload(),
		patrolsWorkload(),
		staffWorkload(),
		enterprisesWorkload(),
		visitsWorkload()
	];
}
