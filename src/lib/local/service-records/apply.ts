import type {
	AddServiceRecordEvent,
	DeleteServiceRecord,
	OpenServiceRecord,
	ServiceRecordRow,
	UpdateServiceRecord
} from '$lib/domain/service-record';
import type { LocalDb } from '../db';
import type { QueuedOp } from '../workflow';
import { serviceRecordEvents, serviceRecords } from './tables';

/**
 * The local effect of each service_record.* op. Rows made here carry version 0 until the server's copy arrives.
 * They mirror the server's writing functions closely enough that the screen shows now what the server will say
 * later; each gives the same result however often it runs (they run again after every pull while pending).
 */

/** The longest merge chain followed; the server points merges straight at the survivor, so 1 is the norm. */
const MAX_MERGE_HOPS = 10;

/** The record an id means now: a record merged into another is followed to its survivor (the alias). */
export async function survivingRecord(db: LocalDb, id: string): Promise<ServiceRecordRow | undefined> {
	const records = serviceRecords.of(db);
	let record = await records.get(id);
	for (let hops = 0; record?.merged_into && hops < MAX_MERGE_HOPS; hops++) {
		record = (await records.get(record.merged_into)) ?? record;
		if (record.merged_into === record.id) break;
	}
	return record;
}

export async function applyOpen(db: LocalDb, { payload, actor }: QueuedOp<OpenServiceRecord>): Promise<void> {
	const records = serviceRecords.of(db);
	// Already here (our own earlier apply, or the server's copy): the server's fields win, as they will there.
	if (await records.get(payload.id)) return;
	await records.add({
		...payload,
		hall_id: actor.hall_id,
		first_responder_id: actor.staff_id,
		first_responder_name: actor.staff_name,
		updated_at: payload.opened_at,
		deleted_at: null,
		merged_into: null,
		version: 0
	});
}

export async function applyUpdate(db: LocalDb, { payload }: QueuedOp<UpdateServiceRecord>): Promise<void> {
	const target = await survivingRecord(db, payload.id);
	if (!target || target.deleted_at) return;
	const changes: Partial<ServiceRecordRow> = {};
	if (payload.category !== undefined) changes.category = payload.category;
	if (payload.special_groups !== undefined) changes.special_groups = payload.special_groups;
	if (payload.green_channel !== undefined) changes.green_channel = payload.green_channel;
	await serviceRecords.of(db).update(target.id, changes);
}

export async function applyAddEvent(
	db: LocalDb,
	{ payload, actor }: QueuedOp<AddServiceRecordEvent>
): Promise<void> {
	const events = serviceRecordEvents.of(db);
	const target = await survivingRecord(db, payload.record_id);
	const recordId = target?.id ?? payload.record_id;
	const existing = await events.get(payload.id);
	if (existing) {
		if (existing.record_id !== recordId) await events.update(existing.id, { record_id: recordId });
		return;
	}
	await events.add({
		...payload,
		record_id: recordId,
		hall_id: target?.hall_id ?? actor.hall_id,
		staff_id: actor.staff_id,
		staff_name: actor.staff_name,
		version: 0
	});
}

export async function applyDelete(
	db: LocalDb,
	{ payload, created_at }: QueuedOp<DeleteServiceRecord>
): Promise<void> {
	const target = await survivingRecord(db, payload.id);
	if (!target || target.deleted_at) return;
	await serviceRecords.of(db).update(target.id, { deleted_at: created_at });
}
