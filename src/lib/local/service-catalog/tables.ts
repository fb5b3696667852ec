import { serviceItemRow, serviceItemVersionRow } from '$lib/domain/service-catalog';
import { syncedTable } from '../workflow';

/** The service catalog's synced tables on the device. */

export const serviceItemVersions = syncedTable('service_item_versions', serviceItemVersionRow, {
	// [item_id+revision]: an item's versions in order, and the next provisional revision.
	indexes: ['[item_id+revision]']
});

export const serviceItems = syncedTable('service_items', serviceItemRow, {
	// code: one item per code in a hall (a device holds one hall's catalog).
	indexes: ['code']
});
