/**
 * 100 photos taken offline, uploaded after reconnecting, against a fresh local stack: the app's device database
 * (fake-indexeddb) and upload queue (src/lib/features/photos/upload-queue.ts) in Node, uploading through
 * supabase-js's storage client as the app does. The photos' attach ops are pushed first (as the sync cycle does);
 * then the queue's passes run until every photo is up. Reports the total time, per photo, and the process's memory
 * (Node's heap and RSS: the device database holds the 100 blobs, as a page's IndexedDB would).
 */
import 'fake-indexeddb/auto';
import { availableParallelism, loadavg } from 'node:os';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { PHOTO_BUCKET, PHOTO_CONTENT_TYPE } from '../../src/lib/domain/photo';
import { SYNC_LIMITS, type OpResult } from '../../src/lib/domain/sync-protocol';
import { uuidv7 } from '../../src/lib/domain/uuid';
import { uploadPass } from '../../src/lib/features/photos/upload-queue';
import { LocalDb } from '../../src/lib/local/db';
import { PHOTO_OPS } from '../../src/lib/local/photos/ops';
import { photoBlobs, photos, photoUploads } from '../../src/lib/local/photos/tables';
import { defineRegistry } from '../../src/lib/local/registry';
import { INCIDENT_OPS, reportOp } from '../../src/lib/local/incidents/ops';
import {
	incidentComplainants,
	incidentEvents,
	incidentLimits,
	incidents
} from '../../src/lib/local/incidents/tables';
import { prepareForUser } from '../../src/lib/local/device-data';
import { checkedPayload, currentActor, enqueue } from '../../src/lib/local/outbox';
import { photoUploadTable } from '../../src/lib/local/photos/tables';
import { enqueuePhotos } from '../../src/lib/local/photos/writes';
import { acknowledge } from '../../src/lib/sync/outbox-steps';
import { withBenchStack } from './support/bench-stack';

const PHOTOS = 100;
const PHOTO_BYTES = 250 * 1024;
const PER_INCIDENT = 10;

/**
 * The two workflows the bench writes, declared from their local parts: the app's registry module also loads the
 * screens' message catalogs, which only the app's bundler can resolve.
 */
const registry = defineRegistry([
	{
		name: 'incidents',
		rules: {},
		tables: [incidents, incidentEvents, incidentComplainants, incidentLimits],
		ops: INCIDENT_OPS,
		labels: Object.fromEntries(INCIDENT_OPS.map((spec) => [spec.type, () => spec.type]))
	},
	{
		name: 'photos',
		rules: {},
		tables: [photos],
		deviceTables: [photoBlobs, photoUploads],
		ops: PHOTO_OPS,
		labels: { 'photo.attach': () => 'photo.attach' }
	}
]);

await withBenchStack(async (stack) => {
	const client = createClient(stack.url, stack.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
	const { data: session, error } = await client.auth.signInWithPassword({
		email: 'intake@demo.hall',
		password: 'demo1234'
	});
	if (error || !session.user) throw new Error(`sign-in failed: ${error?.message}`);
	const profile = (await client.rpc('me')).data as {
		staff_id: string;
		display_name: string;
		hall_id: string;
	};
	const db = new LocalDb('photo-upload-bench', registry);
	await prepareForUser(db, {
		user_id: session.user.id,
		staff_id: profile.staff_id,
		staff_name: profile.display_name,
		hall_id: profile.hall_id
	});

	// Offline: ten incidents, ten photos each (~250 kB, the compressed size), all in the outbox.
	for (let incident = 0; incident < PHOTOS / PER_INCIDENT; incident++) {
		await db.transaction('rw', db.writeTables, async () => {
			const actor = await currentActor(db);
			const payload = checkedPayload(reportOp, {
				id: uuidv7(),
				event_id: uuidv7(),
				category: 'equipment',
				severity: 4,
				place: '自助服务区',
				checkpoint_id: null,
				description: `自助机故障 ${incident}`,
				complainant_name: null,
				complainant_phone: null,
				source_check_id: null,
				reported_at: new Date().toISOString()
			});
			await enqueue(db, reportOp, payload, actor);
			const drafts = Array.from({ length: PER_INCIDENT }, () => {
				const bytes = new Uint8Array(PHOTO_BYTES);
				bytes.set([0xff, 0xd8, 0xff]);
				return {
					id: uuidv7(),
					blob: new Blob([bytes], { type: PHOTO_CONTENT_TYPE }),
					width: 1600,
					height: 1200,
					taken_at: new Date().toISOString()
				};
			});
			await enqueuePhotos(db, actor, { kind: 'incident', id: payload.id }, drafts);
		});
	}
	const before = process.memoryUsage();

	// Reconnected: the sync cycle pushes the incidents and their attach ops, then the queue uploads.
	const started = performance.now();
	for (;;) {
		const entries = (await db.outbox.orderBy('seq').toArray()).slice(0, SYNC_LIMITS.maxPushBatch);
		if (entries.length === 0) break;
		const ops = entries.map(({ seq: _seq, actor, touches: _touches, ...op }) => ({
			...op,
			hall_id: actor.hall_id
		}));
		const pushed = await client.rpc('sync_push', { ops });
		if (pushed.error) throw new Error(`push failed: ${pushed.error.message}`);
		await acknowledge(db, entries, pushed.data as OpResult[]);
	}
	const pushed = performance.now();
	const bucket = client.storage.from(PHOTO_BUCKET);
	let passes = 0;
	while ((await photoUploadTable(db).where('state').equals('uploaded').count()) < PHOTOS && passes < 20) {
		passes++;
		await uploadPass(db, {
			userId: session.user.id,
			upload: async (path, blob) => {
				const { error: uploadError } = await bucket.upload(path, blob, {
					upsert: true,
					contentType: PHOTO_CONTENT_TYPE
				});
				return uploadError ? { ok: false, retry: true, message: uploadError.message } : { ok: true };
			},
			backoff: { baseMs: 0, capMs: 0 }
		});
	}
	const done = performance.now();
	const after = process.memoryUsage();
	const uploaded = await photoUploadTable(db).where('state').equals('uploaded').count();
	const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
	console.log(
		`Photo uploads after reconnect: ${uploaded}/${PHOTOS} photos of ${PHOTO_BYTES / 1024} kB in ${passes} pass(es); ` +
			`load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`
	);
	console.log(
		`  push of ${PHOTOS / PER_INCIDENT} incidents + ${PHOTOS} attach ops: ${(pushed - started).toFixed(0)} ms`
	);
	console.log(
		`  uploads: ${(done - pushed).toFixed(0)} ms in all, ${((done - pushed) / PHOTOS).toFixed(0)} ms per photo ` +
			`(${((PHOTOS * PHOTO_BYTES) / 1024 / 1024 / ((done - pushed) / 1000)).toFixed(1)} MB/s)`
	);
	console.log(
		`  memory (Node): heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}, RSS ${mb(before.rss)} → ${mb(after.rss)}`
	);
});
