import type { PhotoOwner, PhotoRow } from '$lib/domain/photo';
import { uuidv7 } from '$lib/domain/uuid';
import type { LocalDb } from '../db';
import { pendingIds } from '../outbox';
import { photoBlobTable, photos, photoUploadTable, type PhotoUploadRow } from './tables';
import type { PhotoDraft } from './writes';

/** One photo of an owner as a screen shows it: the row, its bytes if they are on this device, its upload. */
export interface OwnedPhoto {
	row: PhotoRow;
	blob: Blob | null;
	upload: PhotoUploadRow | null;
}

/** How many photos an owner has on this device (its own and pulled ones): what counts against `perOwner`. */
export function photoCountOf(db: LocalDb, owner: PhotoOwner): Promise<number> {
	return photos.of(db).where('[owner_kind+owner_id]').equals([owner.kind, owner.id]).count();
}

/** An owner's photos, oldest first (the order they were taken). */
export async function photosOf(db: LocalDb, owner: PhotoOwner): Promise<OwnedPhoto[]> {
	return db.transaction('r', [photos.of(db), photoBlobTable(db), photoUploadTable(db)], async () => {
		const rows = await photos.of(db).where('[owner_kind+owner_id]').equals([owner.kind, owner.id]).toArray();
		rows.sort((a, b) => a.taken_at.localeCompare(b.taken_at) || a.id.localeCompare(b.id));
		const ids = rows.map((row) => row.id);
		const [blobs, uploads] = await Promise.all([
			photoBlobTable(db).bulkGet(ids),
			photoUploadTable(db).bulkGet(ids)
		]);
		return rows.map((row, index) => ({
			row,
			blob: blobs[index]?.blob ?? null,
			upload: uploads[index] ?? null
		}));
	});
}

/** Uploads the server refused, for the sync panel's "needs attention". */
export function refusedUploads(db: LocalDb, userId: string): Promise<PhotoUploadRow[]> {
	return photoUploadTable(db)
		.where('state')
		.equals('refused')
		.filter((row) => row.user_id === userId)
		.toArray();
}

/**
 * New drafts made from an owner's photos whose bytes are on this device (e.g. a patrol check's photos for the
 * incident reported from it): same pictures, new photo ids, so each owner has rows of its own. Photos whose bytes
 * are not here are left out.
 */
export async function draftsFrom(db: LocalDb, owner: PhotoOwner): Promise<PhotoDraft[]> {
	const owned = await photosOf(db, owner);
	return owned.flatMap(({ row, blob }) =>
		blob ? [{ id: uuidv7(), blob, width: row.width, height: row.height, taken_at: row.taken_at }] : []
	);
}

/** This person's photos whose bytes the server refused: they wait for a retry, and the sync control says so. */
export function refusedUploadsOf(db: LocalDb, userId: string): Promise<PhotoUploadRow[]> {
	return photoUploadTable(db)
		.where('state')
		.equals('refused')
		.filter((upload) => upload.user_id === userId)
		.toArray();
}

/**
 * This person's photos whose bytes still have to go up and can: their photo.attach op is applied (neither in the
 * outbox nor refused), oldest first (uuidv7 ids). The upload queue takes them in this order; the sync control
 * counts them as unsent work, so "synced" never shows while a photo is still only on the phone.
 */
export async function uploadsAwaitingBytes(db: LocalDb, userId: string): Promise<PhotoUploadRow[]> {
	const [candidates, unsent, refusedOps] = await Promise.all([
		photoUploadTable(db)
			.where('state')
			.anyOf('waiting', 'uploading')
			.filter((row) => row.user_id === userId)
			.toArray(),
		pendingIds(db),
		db.rejected.toArray()
	]);
	const refusedIds = new Set(refusedOps.flatMap((entry) => entry.touches));
	return candidates
		.filter((row) => !unsent.has(row.id) && !refusedIds.has(row.id))
		.sort((a, b) => a.id.localeCompare(b.id));
}
