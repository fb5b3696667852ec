import type { ServiceRecordEventRow, ServiceRecordRow } from '../../src/lib/domain/service-record';
import { STAFF } from './fake-server';

/** Rows as the server sends them, for tests that state what the server holds (FakeServer.put). */

export function recordRow(
	fields: Partial<ServiceRecordRow> & Pick<ServiceRecordRow, 'id' | 'ticket_no' | 'opened_at'>
): ServiceRecordRow {
	return {
		hall_id: STAFF.hall_id,
		ticket_date: fields.opened_at.slice(0, 10),
		raw_payload: fields.ticket_no,
		category: null,
		special_groups: [],
		green_channel: false,
		first_responder_id: STAFF.staff_id,
		first_responder_name: '李娜',
		updated_at: fields.opened_at,
		deleted_at: null,
		merged_into: null,
		version: 0,
		...fields
	};
}

export function eventRow(
	fields: Partial<ServiceRecordEventRow> & Pick<ServiceRecordEventRow, 'id' | 'record_id' | 'kind'>
): ServiceRecordEventRow {
	return {
		hall_id: STAFF.hall_id,
		window_no: null,
		note: null,
		staff_id: STAFF.staff_id,
		staff_name: STAFF.staff_name,
		occurred_at: new Date().toISOString(),
		version: 0,
		...fields
	};
}
