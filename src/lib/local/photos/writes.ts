import { PHOTO_LIMITS, photoObjectPath, type PhotoOwner } from '$lib/domain/photo';
import type { Actor, LocalDb } from '../db';
import { checkedPayload, enqueue } from '../outbox';
import { LocalWriteError } from '../write-error';
import { attachOp } from './ops';
import { photoCountOf } from './queries';
import { photoBlobTable, photoUploadTable } from './tables';

/**
 * A photo compressed on the device and not saved yet (what PhotoField holds): its id is chosen when it is taken, so
 * a form saved twice never attaches it twice.
 */
export interface PhotoDraft {
	id: string;
	/** The compressed JPEG. */
	blob: Blob;
	width: number;
	height: number;
	/** When it was taken or picked (device time, RFC 3339). */
	taken_at: string;
}

/**
 * Attaches `drafts` to `owner`, inside the caller's Dexie write transaction (`db.transaction('rw', db.writeTables,
 * …)`) and after the caller enqueued its own op, so the outbox pushes the owner first: per photo the bytes
 * (`photo_blobs`), the `photos` row and its `photo.attach` op, and a waiting upload (`photo_uploads`). A draft that
 * does not fit the op's schema throws a LocalWriteError and the caller's whole transaction stores nothing.
 */
export async function enqueuePhotos(
	db: LocalDb,
	actor: Actor,
	owner: PhotoOwner,
	drafts: readonly PhotoDraft[]
): Promise<void> {
	const existing = await photoCountOf(db, owner);
	if (existing + drafts.length > PHOTO_LIMITS.perOwner) {
		throw new LocalWriteError('invalid', `At most ${PHOTO_LIMITS.perOwner} photos per ${owner.kind}.`, [
			'photos'
		]);
	}
	const now = new Date().toISOString();
	for (const draft of drafts) {
		const payload = checkedPayload(attachOp, {
			id: draft.id,
			owner_kind: owner.kind,
			owner_id: owner.id,
			bytes: draft.blob.size,
			width: draft.width,
			height: draft.height,
			taken_at: draft.taken_at
		});
		await enqueue(db, attachOp, payload, actor);
		await photoBlobTable(db).put({
			id: draft.id,
			blob: draft.blob,
			owner_kind: owner.kind,
			owner_id: owner.id,
			created_at: now,
			uploaded_at: null
		});
		await photoUploadTable(db).put({
			id: draft.id,
			object_path: photoObjectPath(actor.hall_id, owner.kind, draft.id),
			owner_kind: owner.kind,
			owner_id: owner.id,
			user_id: actor.user_id,
			state: 'waiting',
			attempts: 0,
			next_at: 0,
			refusal: null,
			message: null
		});
	}
}
