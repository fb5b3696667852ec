import type * as z from 'zod/mini';
import {
	addServiceRecordEvent as addEventSchema,
	deleteServiceRecord as deleteSchema,
	openServiceRecord as openSchema,
	updateServiceRecord as updateSchema,
	type BusinessCategory,
	type EventKind,
	type ServiceRecordEventRow,
	type ServiceRecordRow,
	type SpecialGroup,
	type UpdateServiceRecord
} from '$lib/domain/service-record';
import { uuidv7 } from '$lib/domain/uuid';
import { survivingRecord } from './apply/service-records';
import { localDb, type HallDatabase } from './db';
import { currentActor, enqueueOp, WRITE_TABLES } from './outbox';
import { LocalWriteError } from './write-error';
import { signalLocalWrite } from './write-signal';

/**
 * The service-record writes the UI calls. Each checks its input first (a LocalWriteError, nothing stored), then
 * writes the row and its outbox op in one Dexie transaction, then wakes the sync engine. None waits for the network.
 */

export interface OpenRecordInput {
	ticket_no: string;
	ticket_date: string;
	raw_payload: string;
	category?: BusinessCategory | null;
	special_groups?: SpecialGroup[];
	green_channel?: boolean;
}

export interface AddEventInput {
	record_id: string;
	kind: EventKind;
	window_no?: number | null;
	note?: string | null;
}

function validated<T>(schema: z.ZodMiniType<T>, input: unknown): T {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields = result.error.issues.map((issue) => issue.path.join('.'));
	throw new LocalWriteError('invalid', `Invalid input: ${fields.join(', ')}`, fields);
}

async function liveTarget(db: HallDatabase, id: string): Promise<ServiceRecordRow> {
	const target = await survivingRecord(db, id);
	if (!target) throw new LocalWriteError('not_found', `Service record ${id} is not on this device.`);
	if (target.deleted_at) throw new LocalWriteError('deleted', `Service record ${target.id} was deleted.`);
	return target;
}

/** Today's record for the ticket: the live one already on this device, or a new one with the user as 首问. */
export async function openServiceRecord(input: OpenRecordInput, db = localDb()): Promise<ServiceRecordRow> {
	const payload = validated(openSchema, {
		id: uuidv7(),
		ticket_no: input.ticket_no,
		ticket_date: input.ticket_date,
		raw_payload: input.raw_payload,
		category: input.category ?? null,
		special_groups: input.special_groups ?? [],
		green_channel: input.green_channel ?? false,
		opened_at: new Date().toISOString()
	});
	const record = await db.transaction('rw', WRITE_TABLES, async () => {
		const actor = await currentActor(db);
		const existing = await db.service_records
			.where('[ticket_date+ticket_no]')
			.equals([payload.ticket_date, payload.ticket_no])
			.filter((row) => row.deleted_at === null)
			.first();
		if (existing) return { row: existing, created: false };
		await enqueueOp(db, 'service_record.open', payload, actor);
		return { row: await liveTarget(db, payload.id), created: true };
	});
	if (record.created) signalLocalWrite();
	return record.row;
}

export async function addServiceRecordEvent(
	input: AddEventInput,
	db = localDb()
): Promise<ServiceRecordEventRow> {
	const payload = validated(addEventSchema, {
		id: uuidv7(),
		record_id: input.record_id,
		kind: input.kind,
		window_no: input.window_no ?? null,
		note: input.note?.trim() || null,
		occurred_at: new Date().toISOString()
	});
	// The server's rules that zod cannot say per field; checked here so the user hears at once, not after a sync.
	if (payload.kind === 'guide_to_window' && payload.window_no === null) {
		throw new LocalWriteError('invalid', 'guide_to_window needs window_no.', ['window_no']);
	}
	if (payload.kind === 'note' && payload.note === null) {
		throw new LocalWriteError('invalid', 'A note event needs text.', ['note']);
	}
	const event = await db.transaction('rw', WRITE_TABLES, async () => {
		const actor = await currentActor(db);
		const target = await liveTarget(db, payload.record_id);
		await enqueueOp(db, 'service_record.add_event', { ...payload, record_id: target.id }, actor);
		return db.service_record_events.get(payload.id);
	});
	signalLocalWrite();
	if (!event) throw new LocalWriteError('not_found', `Event ${payload.id} was not stored.`);
	return event;
}

/** Plain fields, last writer wins on the server; absent fields stay as they are. */
export async function updateServiceRecord(change: UpdateServiceRecord, db = localDb()): Promise<void> {
	const payload = validated(updateSchema, change);
	await db.transaction('rw', WRITE_TABLES, async () => {
		const actor = await currentActor(db);
		const target = await liveTarget(db, payload.id);
		await enqueueOp(db, 'service_record.update', { ...payload, id: target.id }, actor);
	});
	signalLocalWrite();
}

export async function deleteServiceRecord(id: string, db = localDb()): Promise<void> {
	const payload = validated(deleteSchema, { id });
	await db.transaction('rw', WRITE_TABLES, async () => {
		const actor = await currentActor(db);
		const target = await liveTarget(db, payload.id);
		await enqueueOp(db, 'service_record.delete', { id: target.id }, actor);
	});
	signalLocalWrite();
}
