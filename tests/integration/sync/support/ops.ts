import { randomUUID } from 'node:crypto';
import { hallDate } from '../../../../src/lib/domain/hall-time';
import { SCHEMA_VERSION, type Op } from '../../../../src/lib/domain/sync-protocol';
import type { OpPayload, OpType } from '../../../../src/lib/features/registry';

/**
 * An op before it is sent: `push` adds the hall of the device's staff member, as the engine adds the author's
 * hall; a test may set another on purpose.
 */
export type UnsentOp<T extends string = string, P = unknown> = Omit<Op<T, P>, 'hall_id'> & {
	hall_id?: string;
};

/** Outbox ops as a device writes them: a fresh op id each, typed by the registry's payload schemas. */
export function op<T extends OpType>(type: T, payload: OpPayload<T>): UnsentOp<T, OpPayload<T>> {
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

/** A moment `minutes` before now, as a device stamps it: inside the server's window for device times. */
export function minutesAgo(minutes: number): string {
	return new Date(Date.now() - minutes * 60_000).toISOString();
}

/** Today's ticket of a new number, opened now unless the test says when (its ticket day follows the time). */
export function openRecord(
	overrides: Partial<OpPayload<'service_record.open'>> = {}
): UnsentOp<'service_record.open', OpPayload<'service_record.open'>> {
	const ticket = overrides.ticket_no ?? uniqueTicket();
	const openedAt = overrides.opened_at ?? new Date().toISOString();
	const day = overrides.ticket_date ?? hallDate(new Date(openedAt));
	return op('service_record.open', {
		id: randomUUID(),
		ticket_no: ticket,
		ticket_date: day,
		raw_payload: `https://queue.example.cn/t?ticket=${ticket}&date=${day}`,
		category: 'enterprise_setup',
		special_groups: [],
		green_channel: false,
		opened_at: openedAt,
		...overrides
	});
}

export function addEvent(
	recordId: string,
	overrides: Partial<OpPayload<'service_record.add_event'>> = {}
): UnsentOp<'service_record.add_event', OpPayload<'service_record.add_event'>> {
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
): UnsentOp<'service_record.delete', OpPayload<'service_record.delete'>> {
	return op('service_record.delete', { id: recordId });
}
