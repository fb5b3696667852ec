import { LocalDb } from '$lib/local/db';
import { readsWaitFor } from '$lib/local/read-turns';
import { defineRegistry, type OpPayloadOf, type OpTypeOf } from '$lib/local/registry';
import { incidentsWorkflow } from './incidents/sync';
import { photosWorkflow } from './photos/sync';
import { patrolsWorkflow } from './patrols/sync';
import { prechecksWorkflow } from './prechecks/sync';
import { serviceCatalogWorkflow } from './service-catalog/sync';
import { serviceRecordsWorkflow } from './tickets/sync';
import { staffWorkflow } from './staff/sync';
import { enterprisesWorkflow } from './enterprises/sync';
import { visitsWorkflow } from './visits/sync';

/**
 * Every synced workflow of the app. Adding one is adding it here (docs/SYNC.md, "Adding a workflow"); the
 * device's database, the sync engine, the sync panel and the schema agreement test all derive from this list.
 */
export const registry = defineRegistry([
	serviceRecordsWorkflow,
	serviceCatalogWorkflow,
	prechecksWorkflow,
	incidentsWorkflow,
	photosWorkflow,
	patrolsWorkflow,
	staffWorkflow,
	enterprisesWorkflow,
	visitsWorkflow
]);

export type OpType = OpTypeOf<typeof registry>;
export type OpPayload<Type extends OpType> = OpPayloadOf<typeof registry, Type>;

let shared: LocalDb | undefined;

/** The app's one device database, opened on first use (in the browser only: screens and the sync engine). */
export function localDb(): LocalDb {
	if (!shared) {
		shared = new LocalDb('hall-assist', registry);
		readsWaitFor(shared.open());
	}
	return shared;
}
