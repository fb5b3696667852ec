import { randomUUID } from 'node:crypto';
import { SCHEMA_VERSION, type Op } from '../../../../src/lib/domain/sync-protocol';
import type { OpPayload, OpType } from '../../../../src/lib/features/registry';

/** Outbox ops as a device writes them: a fresh op id each, typed by the registry's payload schemas. */
export function op<T extends OpType>(type: T, payload: OpPayload<T>): Op<T, OpPayload<T>> {
	return {
		op_id: randomUUID(),
		type,
		payload,
		created_at: new Date().toISOString(),
		schema_version: SCHEMA_VERSION
	};
}

/** A ticket number no other test uses, so tests sharing one database never meet on a ticket. */
export function uniqueTicket(): string {
	return `T${randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`;
}

export function openRecord(
	overrides: Partial<OpPayload<'service_record.open'>> = {}
): Op<'service_record.open', OpPayload<'service_record.open'>> {
	const ticket = overrides.ticket_no ?? uniqueTicket();
	return op('service_record.open', {
		id: randomUUID(),
		ticket_no: ticket,
		ticket_date: '2026-11-25',
		raw_payload: `https://queue.example.cn/t?ticket=${ticket}&date=2026-11-25`,
		category: 'enterprise_setup',
		special_groups: [],
		green_channel: false,
		opened_at: new Date().toISOString(),
		...overrides
	});
}

export function addEvent(
	recordId: string,
	overrides: Partial<OpPayload<'service_record.add_event'>> = {}
): Op<'service_record.add_event', OpPayload<'service_record.add_event'>> {
	return op('service_record.add_event', {
		id: randomUUID(),
		record_id: recordId,
		kind: 'consult',
		window_no: null,
		note: null,
		occurred_at: new Date().toISOString(),
		...overrides
	});
}

export function deleteRecord(
	recordId: string
): Op<'service_record.delete', OpPayload<'service_record.delete'>> {
	return op('service_record.delete', { id: recordId });
}
