import type { UploadOutcome } from '$lib/backend/photo-storage';
import type { LocalDb } from '$lib/local/db';
import { uploadsAwaitingBytes } from '$lib/local/photos/queries';
import { photoBlobTable, photoUploadTable, type PhotoUploadRow } from '$lib/local/photos/tables';
import { backoffDelay, type BackoffPolicy } from '$lib/sync/backoff';

/**
 * The photos' own upload queue (docs/PATROL.md, "Upload queue"). A photo's bytes go up only once the server has
 * applied its photo.attach op (no longer in the outbox, and not refused), so the row they belong to exists first;
 * one at a time, to the object path with upsert (a repeated upload stays one object); a failure of the network or
 * the server waits a backoff and tries again; a refusal (size, type, RLS) stays with its reason until retried.
 */

export interface UploadPassOptions {
	/** The signed-in author: only their photos go up, under their session. */
	userId: string;
	upload(objectPath: string, blob: Blob): Promise<UploadOutcome>;
	now?: () => number;
	random?: () => number;
	backoff?: BackoffPolicy;
}

export interface UploadPassResult {
	uploaded: number;
	refused: number;
	/** True when a failure stopped the pass (the rest wait for the next one). */
	stopped: boolean;
}

export const UPLOAD_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/** Uploads due (waiting, their backoff over, their attach applied), oldest photo first. */
async function dueUploads(db: LocalDb, userId: string, now: number): Promise<PhotoUploadRow[]> {
	return (await uploadsAwaitingBytes(db, userId)).filter((row) => row.next_at <= now);
}

/** Whether any of the user's photos waits for its upload: the storage client is loaded only then. */
export async function hasWaitingUploads(db: LocalDb, userId: string): Promise<boolean> {
	const waiting = await photoUploadTable(db)
		.where('state')
		.anyOf('waiting', 'uploading')
		.filter((row) => row.user_id === userId)
		.count();
	return waiting > 0;
}

/**
 * Whether any of the user's photos can still go up, now or after its backoff: those whose attach op the server
 * refused wait for their author's decision, and do not count.
 */
export async function hasUploadsToDo(db: LocalDb, userId: string): Promise<boolean> {
	return (await uploadsToDo(db, userId)) > 0;
}

/** How many of the user's photos can still go up: their unsent work, as their queued ops are. */
export async function uploadsToDo(db: LocalDb, userId: string): Promise<number> {
	return (await uploadsAwaitingBytes(db, userId)).length;
}

/** One pass of the queue; the caller makes sure only one runs at a time. */
export async function uploadPass(db: LocalDb, options: UploadPassOptions): Promise<UploadPassResult> {
	const now = options.now ?? Date.now;
	const result: UploadPassResult = { uploaded: 0, refused: 0, stopped: false };
	for (const row of await dueUploads(db, options.userId, now())) {
		const blob = (await photoBlobTable(db).get(row.id))?.blob;
		if (!blob) {
			await photoUploadTable(db).update(row.id, {
				state: 'refused',
				refusal: 'refused',
				message: 'The photo is no longer on this device.'
			});
			result.refused++;
			continue;
		}
		await photoUploadTable(db).update(row.id, { state: 'uploading' });
		const outcome = await options.upload(row.object_path, blob);
		if (outcome.ok) {
			await db.transaction('rw', [photoUploadTable(db), photoBlobTable(db)], async () => {
				await photoUploadTable(db).update(row.id, { state: 'uploaded', refusal: null, message: null });
				await photoBlobTable(db).update(row.id, { uploaded_at: new Date(now()).toISOString() });
			});
			result.uploaded++;
		} else if (outcome.retry) {
			const attempts = row.attempts + 1;
			const wait = backoffDelay(attempts, options.backoff ?? UPLOAD_BACKOFF, options.random ?? Math.random);
			await photoUploadTable(db).update(row.id, {
				state: 'waiting',
				attempts,
				next_at: now() + wait,
				message: outcome.message
			});
			// The next photo would meet the same network or server: stop here, the next sync cycle goes on.
			result.stopped = true;
			return result;
		} else {
			await photoUploadTable(db).update(row.id, {
				state: 'refused',
				refusal: outcome.refusal,
				message: outcome.message
			});
			result.refused++;
		}
	}
	return result;
}

/** A person asks to try a refused upload again (e.g. after the cause was fixed). */
export async function retryUpload(db: LocalDb, photoId: string): Promise<void> {
	await photoUploadTable(db).update(photoId, {
		state: 'waiting',
		attempts: 0,
		next_at: 0,
		refusal: null,
		message: null
	});
}

/**
 * Bytes uploaded more than 30 days ago leave the device: the photo is then shown by signed URL when online. On a
 * device low on storage every uploaded photo's bytes go at once, so the room is kept for work not yet sent.
 */
export async function sweepUploadedBlobs(db: LocalDb, now: number, lowOnStorage = false): Promise<number> {
	const before = new Date(lowOnStorage ? now + 1 : now - 30 * 86_400_000).toISOString();
	return photoBlobTable(db).where('uploaded_at').below(before).delete();
}
