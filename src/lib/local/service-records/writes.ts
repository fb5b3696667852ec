import type {
	AddServiceRecordEvent,
	NewEvent,
	NewRecord,
	ServiceRecordRow,
	UpdateServiceRecord
} from '$lib/domain/service-record';
import { uuidv7 } from '$lib/domain/uuid';
import type { LocalDb } from '../db';
import { checkedPayload, currentActor, enqueue } from '../outbox';
import { LocalWriteError } from '../write-error';
import { signalLocalWrite } from '../write-signal';
import { survivingRecord } from './apply';
import { addEvent, deleteRecord, openRecord, updateRecord } from './ops';
import { serviceRecords } from './tables';

/**
 * The service-record writes the screens call. Each checks its input first (a LocalWriteError, nothing stored),
 * then writes the row and its outbox op in one Dexie transaction, then wakes the sync engine. None waits for the
 * network.
 */

async function liveTarget(db: LocalDb, id: string): Promise<ServiceRecordRow> {
	const target = await survivingRecord(db, id);
	if (!target) throw new LocalWriteError('not_found', `Service record ${id} is not on this device.`);
	if (target.deleted_at) throw new LocalWriteError('deleted', `Service record ${target.id} was deleted.`);
	return target;
}

/** Today's record for the ticket: the live one already on this device, or a new one with the user as 首问. */
export async function openServiceRecord(db: LocalDb, input: NewRecord): Promise<ServiceRecordRow> {
	const payload = checkedPayload(openRecord, {
		id: uuidv7(),
		ticket_no: input.ticket_no,
		ticket_date: input.ticket_date,
		raw_payload: input.raw_payload,
		category: input.category ?? null,
		special_groups: input.special_groups ?? [],
		green_channel: input.green_channel ?? false,
		opened_at: new Date().toISOString()
	});
	const record = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const existing = await serviceRecords
			.of(db)
			.where('[ticket_date+ticket_no]')
			.equals([payload.ticket_date, payload.ticket_no])
			.filter((row) => row.deleted_at === null)
			.first();
		if (existing) return { row: existing, created: false };
		await enqueue(db, openRecord, payload, actor);
		return { row: await liveTarget(db, payload.id), created: true };
	});
	if (record.created) signalLocalWrite();
	return record.row;
}

/**
 * The event a tap adds to a record, checked (a LocalWriteError, nothing stored, if it breaks a rule): made first,
 * so a screen can show it the moment it is tapped and store it right after (addServiceRecordEvent).
 */
export function newServiceRecordEvent(recordId: string, input: NewEvent): AddServiceRecordEvent {
	const payload = checkedPayload(addEvent, {
		id: uuidv7(),
		record_id: recordId,
		kind: input.kind,
		window_no: input.window_no,
		note: input.note?.trim() || null,
		occurred_at: new Date().toISOString()
	});
	return payload;
}

/** Stores an event made by newServiceRecordEvent, on the record it names or the one that record merged into. */
export async function addServiceRecordEvent(db: LocalDb, event: AddServiceRecordEvent): Promise<void> {
	await db.transaction('rw', db.writeTables, async () => {
		const [actor, target] = await Promise.all([currentActor(db), liveTarget(db, event.record_id)]);
		await enqueue(db, addEvent, { ...event, record_id: target.id }, actor);
	});
	signalLocalWrite();
}

/** Plain fields, last writer wins on the server; absent fields stay as they are. */
export async function updateServiceRecord(db: LocalDb, change: UpdateServiceRecord): Promise<void> {
	const payload = checkedPayload(updateRecord, change);
	await db.transaction('rw', db.writeTables, async () => {
		const [actor, target] = await Promise.all([currentActor(db), liveTarget(db, payload.id)]);
		await enqueue(db, updateRecord, { ...payload, id: target.id }, actor);
	});
	signalLocalWrite();
}

export async function deleteServiceRecord(db: LocalDb, id: string): Promise<void> {
	const payload = checkedPayload(deleteRecord, { id });
	await db.transaction('rw', db.writeTables, async () => {
		const [actor, target] = await Promise.all([currentActor(db), liveTarget(db, payload.id)]);
		await enqueue(db, deleteRecord, { id: target.id }, actor);
	});
	signalLocalWrite();
}
