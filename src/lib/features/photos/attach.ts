import type { PhotoOwner } from '$lib/domain/photo';
import { currentActor } from '$lib/local/outbox';
import { draftsFrom } from '$lib/local/photos/queries';
import { enqueuePhotos, type PhotoDraft } from '$lib/local/photos/writes';
import { signalLocalWrite } from '$lib/local/write-signal';
import { localDb } from '../registry';

/**
 * Attaches photos to an existing row on its own (a service record's photos, added after it was opened): one write
 * transaction, then the sync engine is woken. A workflow that saves its row together with photos calls
 * enqueuePhotos inside its own transaction instead.
 */
export async function attachPhotos(owner: PhotoOwner, drafts: readonly PhotoDraft[]): Promise<void> {
	const db = localDb();
	await db.transaction('rw', db.writeTables, async () => {
		await enqueuePhotos(db, await currentActor(db), owner, drafts);
	});
	signalLocalWrite();
}

/** New drafts copied from an owner's photos on this device (a patrol check's, for the incident reported from it). */
export function copyPhotosOf(owner: PhotoOwner): Promise<PhotoDraft[]> {
	return draftsFrom(localDb(), owner);
}
