import type { Table } from 'dexie';
import { photoRow } from '$lib/domain/photo';
import type { DeviceTable, LocalDb } from '../db';
import { syncedTable } from '../workflow';

/** The photos workflow's tables on the device: the synced rows, and the bytes and upload queue that stay here. */

export const photos = syncedTable('photos', photoRow, {
	// [owner_kind+owner_id]: an owner's photos.
	indexes: ['[owner_kind+owner_id]']
});

/** A compressed photo's bytes, kept until its upload is confirmed (and a sweep removes old uploaded ones). */
export interface PhotoBlobRow {
	/** The photo's id. */
	id: string;
	blob: Blob;
	owner_kind: string;
	owner_id: string;
	created_at: string;
	/** When the server confirmed the upload; null while the bytes exist only here. */
	uploaded_at: string | null;
}

export type UploadState = 'waiting' | 'uploading' | 'refused' | 'uploaded';

/** Why the server refused a photo's bytes; the screen says it in Chinese. */
export type UploadRefusal = 'too_large' | 'bad_type' | 'forbidden' | 'refused';

/** One photo's upload, by its own queue (docs/PATROL.md, "Upload queue"). */
export interface PhotoUploadRow {
	/** The photo's id. */
	id: string;
	object_path: string;
	owner_kind: string;
	owner_id: string;
	/** The author: uploads go under their session only. */
	user_id: string;
	state: UploadState;
	attempts: number;
	/** Not before this time (ms since the epoch): the backoff after a failed attempt. */
	next_at: number;
	refusal: UploadRefusal | null;
	/** The server's words, kept for the log and the curious. */
	message: string | null;
}

export const photoBlobTable = (db: LocalDb): Table<PhotoBlobRow, string> => db.table('photo_blobs');
export const photoUploadTable = (db: LocalDb): Table<PhotoUploadRow, string> => db.table('photo_uploads');

/**
 * Bytes whose upload is not confirmed are their author's unsent work, like their outbox ops: they stay through a
 * sign-out or hand-over (and go up at the author's next sign-in). Everything already uploaded is forgotten.
 */
export const photoBlobs: DeviceTable = {
	name: 'photo_blobs',
	indexes: ['[owner_kind+owner_id]', 'uploaded_at'],
	async forget(db) {
		await photoBlobTable(db)
			.filter((row) => row.uploaded_at !== null)
			.delete();
	}
};

export const photoUploads: DeviceTable = {
	name: 'photo_uploads',
	indexes: ['state', '[owner_kind+owner_id]'],
	async forget(db) {
		await photoUploadTable(db).where('state').equals('uploaded').delete();
	}
};
