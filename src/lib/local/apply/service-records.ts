import type {
	AddServiceRecordEvent,
	DeleteServiceRecord,
	OpenServiceRecord,
	ServiceRecordEventRow,
	ServiceRecordRow,
	UpdateServiceRecord
} from '$lib/domain/service-record';
import type { Actor, HallDatabase } from '../db';

/**
 * The local effect of each service_record.* op: applied when the user acts and again after every pull for ops
 * still in the outbox (DESIGN §2.10), so each must give the same result however often it runs. Rows made here
 * carry version 0 until the server's copy arrives. They mirror the server's writing functions closely enough that
 * the screen shows now what the server will say later.
 */

/** The longest merge chain followed; the server points merges straight at the survivor, so 1 is the norm. */
const MAX_MERGE_HOPS = 10;

type Db = Pick<HallDatabase, 'service_records' | 'service_record_events'>;

/** The record an id means now: a record merged into another is followed to its survivor (the alias). */
export async function survivingRecord(db: Db, id: string): Promise<ServiceRecordRow | undefined> {
	let record = await db.service_records.get(id);
	for (let hops = 0; record?.merged_into && hops < MAX_MERGE_HOPS; hops++) {
		record = (await db.service_records.get(record.merged_into)) ?? record;
		if (record.merged_into === record.id) break;
	}
	return record;
}

export async function applyOpen(db: Db, payload: OpenServiceRecord, actor: Actor): Promise<void> {
	// Already here (our own earlier apply, or the server's copy): the server's fields win, as they will there.
	if (await db.service_records.get(payload.id)) return;
	await db.service_records.add({
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

export async function applyUpdate(db: Db, payload: UpdateServiceRecord): Promise<void> {
	const target = await survivingRecord(db, payload.id);
	if (!target || target.deleted_at) return;
	const changes: Partial<ServiceRecordRow> = {};
	if (payload.category !== undefined) changes.category = payload.category;
	if (payload.special_groups !== undefined) changes.special_groups = payload.special_groups;
	if (payload.green_channel !== undefined) changes.green_channel = payload.green_channel;
	await db.service_records.update(target.id, changes);
}

export async function applyAddEvent(db: Db, payload: AddServiceRecordEvent, actor: Actor): Promise<void> {
	const target = await survivingRecord(db, payload.record_id);
	const recordId = target?.id ?? payload.record_id;
	const existing = await db.service_record_events.get(payload.id);
	if (existing) {
		if (existing.record_id !== recordId)
			await db.service_record_events.update(existing.id, { record_id: recordId });
		return;
	}
	const event: ServiceRecordEventRow = {
		...payload,
		record_id: recordId,
		hall_id: target?.hall_id ?? actor.hall_id,
		staff_id: actor.staff_id,
		staff_name: actor.staff_name,
		version: 0
	};
	await db.service_record_events.add(event);
}

export async function applyDelete(db: Db, payload: DeleteServiceRecord, deletedAt: string): Promise<void> {
	const target = await survivingRecord(db, payload.id);
	if (!target || target.deleted_at) return;
	await db.service_records.update(target.id, { deleted_at: deletedAt });
}

/**
 * Record rows from a pull, stored in one bulk write (a fresh device stores thousands: one put per row made the
 * first sync several times slower). A tombstone with `merged_into` means the server merged that record into
 * another: the events this device still files under it move to the survivor now, so the timeline stays whole
 * before the server's moved copies arrive; the tombstone itself stays as the alias later applies and the UI follow.
 */
export async function applyPulledRecords(db: Db, rows: readonly ServiceRecordRow[]): Promise<void> {
	await db.service_records.bulkPut([...rows]);
	for (const row of rows) {
		if (!row.merged_into) continue;
		await db.service_record_events.where('record_id').equals(row.id).modify({ record_id: row.merged_into });
	}
}

export async function applyPulledEvents(db: Db, rows: readonly ServiceRecordEventRow[]): Promise<void> {
	await db.service_record_events.bulkPut([...rows]);
}
