import type { AttachPhoto } from '$lib/domain/photo';
import { photoObjectPath } from '$lib/domain/photo';
import type { LocalDb } from '../db';
import type { QueuedOp } from '../workflow';
import { photoBlobTable, photos, photoUploadTable } from './tables';

/** photo.attach on the device: the photo's row, as the server will store it (version 0 until it is pulled). */
export async function applyAttach(db: LocalDb, op: QueuedOp<AttachPhoto>): Promise<void> {
	const existing = await photos.of(db).get(op.payload.id);
	if (existing && existing.version > 0) return; // the server's row is here already
	const { payload, actor } = op;
	await photos.of(db).put({
		id: payload.id,
		hall_id: actor.hall_id,
		owner_kind: payload.owner_kind,
		owner_id: payload.owner_id,
		object_path: photoObjectPath(actor.hall_id, payload.owner_kind, payload.id),
		content_type: 'image/jpeg',
		bytes: payload.bytes,
		width: payload.width,
		height: payload.height,
		taken_at: payload.taken_at,
		created_by: actor.staff_id,
		created_by_name: actor.staff_name,
		version: 0
	});
}

/** Giving up a refused attach: the photo, its bytes and its upload go (the server never had them). */
export async function undoAttach(db: LocalDb, payload: AttachPhoto): Promise<null> {
	const row = await photos.of(db).get(payload.id);
	if (row?.version === 0) await photos.of(db).delete(payload.id);
	await photoBlobTable(db).delete(payload.id);
	await photoUploadTable(db).delete(payload.id);
	return null;
}
