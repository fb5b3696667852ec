import { SERVICE_CATALOG_RULES } from '$lib/domain/service-catalog';
import { t } from '$lib/i18n';
import { SERVICE_CATALOG_OPS } from '$lib/local/service-catalog/ops';
import { serviceItems, serviceItemVersions } from '$lib/local/service-catalog/tables';
import { defineWorkflow } from '$lib/local/workflow';

/** The hall's service catalog (items and their immutable versions), as the registry lists it. */
export const serviceCatalogWorkflow = defineWorkflow({
	name: 'service_catalog',
	rules: SERVICE_CATALOG_RULES,
	// Versions first: an item is never stored pointing at a version the same page has not stored yet.
	tables: [serviceItemVersions, serviceItems],
	ops: SERVICE_CATALOG_OPS,
	labels: {
		'service_item.publish': (payload) =>
			t('sync.op.service_item.publish', { code: payload.code, name: payload.name_zh }),
		'service_item.withdraw': () => t('sync.op.service_item.withdraw')
	}
});
