import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { UploadOutcome } from '$lib/backend/photo-storage';
import { uuidv7 } from '$lib/domain/uuid';
import { registry } from '$lib/features/registry';
import { LocalDb, type OutboxEntry } from '$lib/local/db';
import { prepareForUser, wipeSyncedData } from '$lib/local/device-data';
import { checkedPayload, currentActor, enqueue } from '$lib/local/outbox';
import { draftsFrom } from '$lib/local/photos/queries';
import { photoBlobTable, photos, photoUploadTable } from '$lib/local/photos/tables';
import { enqueuePhotos, type PhotoDraft } from '$lib/local/photos/writes';
import { discardRejected } from '$lib/local/rejected';
import { reportOp } from '$lib/local/incidents/ops';
import { LocalWriteError } from '$lib/local/write-error';
import { acknowledge } from '$lib/sync/outbox-steps';
import { STAFF } from '../../../../tests/support/fake-server';
import { hasUploadsToDo, retryUpload, sweepUploadedBlobs, uploadPass } from './upload-queue';

let databases = 0;

async function device(): Promise<LocalDb> {
	const db = new LocalDb(`photos-${++databases}`, registry);
	await prepareForUser(db, { ...STAFF, post: 'intake' });
	return db;
}

function draft(size = 1_000): PhotoDraft {
	return {
		id: uuidv7(),
		blob: new Blob([new Uint8Array(size)], { type: 'image/jpeg' }),
		width: 1600,
		height: 1200,
		taken_at: new Date().toISOString()
	};
}

/** An incident reported with its photos in one transaction, its own op first, as an owning workflow does. */
async function incidentWithPhotos(db: LocalDb, drafts: PhotoDraft[]): Promise<string> {
	const id = uuidv7();
	await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const payload = checkedPayload(reportOp, {
			id,
			event_id: uuidv7(),
			category: 'equipment',
			severity: 4,
			place: '自助服务区',
			checkpoint_id: null,
			description: `打印机卡纸 ${databases}-${drafts.length}`,
			complainant_name: null,
			complainant_phone: null,
			source_check_id: null,
			reported_at: new Date().toISOString()
		});
		await enqueue(db, reportOp, payload, actor);
		await enqueuePhotos(db, actor, { kind: 'incident', id }, drafts);
	});
	return id;
}

/** The server applied (or refused) every queued op, as the engine records its answer. */
async function serverAnswers(db: LocalDb, refuse: (entry: OutboxEntry) => boolean = () => false) {
	const entries = await db.outbox.toArray();
	await acknowledge(
		db,
		entries,
		entries.map((entry) =>
			refuse(entry)
				? { op_id: entry.op_id, status: 'rejected' as const, code: 'not_found', message: 'gone' }
				: { op_id: entry.op_id, status: 'applied' as const }
		)
	);
}

/** A storage double: records each upload, and answers as told (then `ok`). */
function storage(...answers: UploadOutcome[]) {
	const calls: { path: string; size: number }[] = [];
	return {
		calls,
		upload: (path: string, blob: Blob): Promise<UploadOutcome> => {
			calls.push({ path, size: blob.size });
			return Promise.resolve(answers.shift() ?? { ok: true });
		}
	};
}

describe('enqueuePhotos', () => {
	it('stores the bytes, the row and a waiting upload, and queues photo.attach after the owner’s own op', async () => {
		const db = await device();
		const first = draft(1_500);
		const second = draft(2_500);
		const owner = await incidentWithPhotos(db, [first, second]);
		expect((await db.outbox.toArray()).map((entry) => entry.type)).toEqual([
			'incident.report',
			'photo.attach',
			'photo.attach'
		]);
		expect(await photos.of(db).get(first.id)).toMatchObject({
			owner_kind: 'incident',
			owner_id: owner,
			object_path: `${STAFF.hall_id}/incident/${first.id}.jpg`,
			bytes: 1_500,
			version: 0
		});
		expect((await photoBlobTable(db).get(second.id))?.blob.size).toBe(2_500);
		expect(await photoUploadTable(db).get(second.id)).toMatchObject({
			state: 'waiting',
			user_id: STAFF.user_id
		});
	});

	it('a photo that does not fit the op stores nothing, the owner’s own row included', async () => {
		const db = await device();
		const bad = { ...draft(), width: 0 };
		await expect(incidentWithPhotos(db, [draft(), bad])).rejects.toBeInstanceOf(LocalWriteError);
		expect(await db.outbox.count()).toBe(0);
		expect(await photos.of(db).count()).toBe(0);
		expect(await photoBlobTable(db).count()).toBe(0);
	});
});

describe('the upload queue', () => {
	it('uploads nothing while the photo’s attach op waits, then each photo once, to its object path', async () => {
		const db = await device();
		const photo = draft(1_234);
		await incidentWithPhotos(db, [photo]);
		const server = storage();
		expect(await uploadPass(db, { userId: STAFF.user_id, upload: server.upload })).toMatchObject({
			uploaded: 0
		});
		expect(server.calls).toEqual([]);

		await serverAnswers(db);
		expect(await uploadPass(db, { userId: STAFF.user_id, upload: server.upload })).toMatchObject({
			uploaded: 1
		});
		expect(server.calls).toEqual([{ path: `${STAFF.hall_id}/incident/${photo.id}.jpg`, size: 1_234 }]);
		expect((await photoUploadTable(db).get(photo.id))?.state).toBe('uploaded');
		expect((await photoBlobTable(db).get(photo.id))?.uploaded_at).not.toBeNull();

		await uploadPass(db, { userId: STAFF.user_id, upload: server.upload });
		expect(server.calls).toHaveLength(1);
	});

	it('after a failure waits its backoff, then sends the same photo to the same path again', async () => {
		const db = await device();
		const drafts = [draft(), draft()];
		await incidentWithPhotos(db, drafts);
		await serverAnswers(db);
		const server = storage({ ok: false, retry: true, message: 'fetch failed' });
		let now = 1_000_000;
		const options = { userId: STAFF.user_id, upload: server.upload, now: () => now, random: () => 1 };

		expect(await uploadPass(db, options)).toEqual({ uploaded: 0, refused: 0, stopped: true });
		expect(server.calls).toHaveLength(1); // the other photo waits: the network just failed
		const failed = drafts.find((photo) => server.calls[0]?.path.includes(photo.id));
		expect(await photoUploadTable(db).get(failed!.id)).toMatchObject({ state: 'waiting', attempts: 1 });

		now += 1_000; // before its backoff ends (2 s · 2¹ with this jitter): only the other photo goes
		expect(await uploadPass(db, options)).toMatchObject({ uploaded: 1 });
		expect(server.calls[1]?.path).not.toBe(server.calls[0]?.path);

		now += 4_000;
		expect(await uploadPass(db, options)).toMatchObject({ uploaded: 1 });
		expect(server.calls).toHaveLength(3);
		expect(server.calls[2]?.path).toBe(server.calls[0]?.path);
		expect(await photoUploadTable(db).get(failed!.id)).toMatchObject({ state: 'uploaded' });
	});

	it('a refused upload stays refused with its reason until a person retries it', async () => {
		const db = await device();
		const photo = draft();
		await incidentWithPhotos(db, [photo]);
		await serverAnswers(db);
		const server = storage({ ok: false, retry: false, refusal: 'too_large', message: 'too big' });
		expect(await uploadPass(db, { userId: STAFF.user_id, upload: server.upload })).toMatchObject({
			refused: 1
		});
		expect(await photoUploadTable(db).get(photo.id)).toMatchObject({
			state: 'refused',
			refusal: 'too_large'
		});

		await uploadPass(db, { userId: STAFF.user_id, upload: server.upload });
		expect(server.calls).toHaveLength(1);

		await retryUpload(db, photo.id);
		expect(await uploadPass(db, { userId: STAFF.user_id, upload: server.upload })).toMatchObject({
			uploaded: 1
		});
	});

	it('uploads only the signed-in author’s photos', async () => {
		const db = await device();
		await incidentWithPhotos(db, [draft()]);
		await serverAnswers(db);
		const server = storage();
		await uploadPass(db, { userId: uuidv7(), upload: server.upload });
		expect(server.calls).toEqual([]);
	});

	it('never uploads a photo whose attach the server refused; giving the op up removes its bytes and upload', async () => {
		const db = await device();
		const photo = draft();
		await incidentWithPhotos(db, [photo]);
		await serverAnswers(db, (entry) => entry.type === 'photo.attach');
		const server = storage();
		await uploadPass(db, { userId: STAFF.user_id, upload: server.upload });
		expect(server.calls).toEqual([]);

		const [refused] = await db.rejected.toArray();
		await discardRejected(db, registry, refused!.seq!);
		expect(await photos.of(db).get(photo.id)).toBeUndefined();
		expect(await photoBlobTable(db).get(photo.id)).toBeUndefined();
		expect(await photoUploadTable(db).get(photo.id)).toBeUndefined();
	});
});

describe('hasUploadsToDo (when a parked colleague’s session may end)', () => {
	it('counts photos waiting for their backoff, not those uploaded or whose attach the server refused', async () => {
		const db = await device();
		await incidentWithPhotos(db, [draft()]);
		await serverAnswers(db);
		let now = 1_000_000;
		const failing = storage({ ok: false, retry: true, message: 'fetch failed' });
		await uploadPass(db, { userId: STAFF.user_id, upload: failing.upload, now: () => now });
		// Waiting out its backoff: the session must stay for the next try.
		expect(await hasUploadsToDo(db, STAFF.user_id)).toBe(true);
		now += 10 * 60_000;
		await uploadPass(db, { userId: STAFF.user_id, upload: storage().upload, now: () => now });
		expect(await hasUploadsToDo(db, STAFF.user_id)).toBe(false);

		// A photo whose attach was refused can go nowhere until its author decides: it does not hold the session.
		await incidentWithPhotos(db, [draft()]);
		await serverAnswers(db, (entry) => entry.type === 'photo.attach');
		expect(await hasUploadsToDo(db, STAFF.user_id)).toBe(false);
	});
});

describe('sweepUploadedBlobs', () => {
	it('drops uploaded bytes after 30 days, all of them on a device low on storage, never bytes not yet up', async () => {
		const db = await device();
		const [old, recent, waiting] = [draft(), draft(), draft()];
		await incidentWithPhotos(db, [old, recent, waiting]);
		const day = 86_400_000;
		const now = Date.parse('2026-12-01T08:00:00Z');
		await photoBlobTable(db).update(old.id, { uploaded_at: new Date(now - 31 * day).toISOString() });
		await photoBlobTable(db).update(recent.id, { uploaded_at: new Date(now - 2 * day).toISOString() });
		const left = async () => (await photoBlobTable(db).toCollection().primaryKeys()).sort();

		expect(await sweepUploadedBlobs(db, now)).toBe(1);
		expect(await left()).toEqual([recent.id, waiting.id].sort());
		expect(await sweepUploadedBlobs(db, now, true)).toBe(1);
		expect(await left()).toEqual([waiting.id]);
	});
});

describe('signing out', () => {
	it('forgets the photos and the uploaded bytes; bytes still to upload stay as the author’s unsent work', async () => {
		const db = await device();
		const uploaded = draft();
		const waiting = draft();
		await incidentWithPhotos(db, [uploaded]);
		await serverAnswers(db);
		await uploadPass(db, { userId: STAFF.user_id, upload: storage().upload });
		await incidentWithPhotos(db, [waiting]);

		await wipeSyncedData(db);
		expect(await photos.of(db).count()).toBe(0);
		expect(await photoBlobTable(db).get(uploaded.id)).toBeUndefined();
		expect(await photoUploadTable(db).get(uploaded.id)).toBeUndefined();
		expect(await photoBlobTable(db).get(waiting.id)).toBeDefined();
		expect(await photoUploadTable(db).get(waiting.id)).toMatchObject({ state: 'waiting' });
	});
});

describe('draftsFrom', () => {
	it('makes new drafts of an owner’s photos whose bytes are here, for another owner', async () => {
		const db = await device();
		const photo = draft(1_111);
		const owner = await incidentWithPhotos(db, [photo]);
		const copies = await draftsFrom(db, { kind: 'incident', id: owner });
		expect(copies).toHaveLength(1);
		expect(copies[0]?.id).not.toBe(photo.id);
		expect(copies[0]?.blob.size).toBe(1_111);
	});
});
