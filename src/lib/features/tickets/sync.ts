import { SERVICE_RECORD_RULES } from '$lib/domain/service-record';
import { t } from '$lib/i18n';
import { SERVICE_RECORD_OPS } from '$lib/local/service-records/ops';
import { serviceRecordEvents, serviceRecords } from '$lib/local/service-records/tables';
import { defineWorkflow } from '$lib/local/workflow';
import { eventLabel } from './labels';

/** The ticket workflow's synced data (service records and their timelines), as the registry lists it. */
export const serviceRecordsWorkflow = defineWorkflow({
	name: 'service_records',
	rules: SERVICE_RECORD_RULES,
	// Events first: a page's events are stored before the records whose merges may move them.
	tables: [serviceRecordEvents, serviceRecords],
	ops: SERVICE_RECORD_OPS,
	labels: {
		'service_record.open': (payload) => t('sync.op.service_record.open', { ticket: payload.ticket_no }),
		'service_record.update': () => t('sync.op.service_record.update'),
		'service_record.add_event': (payload) =>
			t('sync.op.service_record.add_event', { event: t(eventLabel(payload.kind)) }),
		'service_record.delete': () => t('sync.op.service_record.delete')
	}
});
