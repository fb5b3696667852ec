import { liveQuery } from 'dexie';
import { supabase } from '$lib/backend/client';
import { parkedClient, parkedUserIds, releaseParked } from '$lib/backend/parked-sessions';
import type { SignOutGuard, WorkOnDevice } from '$lib/backend/session.svelte';
import type { Actor, LocalDb, RejectedEntry, UnreadableRows } from '$lib/local/db';
import {
	deviceWork,
	prepareForUser,
	wipeSyncedData,
	workOf,
	type ColleagueWork
} from '$lib/local/device-data';
import { refusedUploadsOf, uploadsAwaitingBytes } from '$lib/local/photos/queries';
import type { PhotoUploadRow } from '$lib/local/photos/tables';
import { ensureDeviceCode } from '$lib/local/prechecks/numbering';
import { discardRejected, retryRejected } from '$lib/local/rejected';
import { localReads } from '$lib/local/read-failures.svelte';
import { claimDeviceCodeOver } from '$lib/sync/claim-device-code';
import { SyncEngine, type EngineStatus } from '$lib/sync/engine';
import { supabaseBackend } from '$lib/sync/supabase-backend';
import { localDb, registry } from '../registry';
import { yieldToMain } from '$lib/local/yield-to-main';

/** A colleague's work left on this device, and whether it is uploading under their parked session. */
export interface Colleague extends ColleagueWork {
	uploading: boolean;
}

/**
 * This device's sync for the signed-in staff member: owns the engine's lifecycle (the staff layout starts it for
 * the user and stops it when they leave), and holds what the sync control shows: the engine's live state plus the
 * outbox, needs-attention list and last sync read from the device database. It also pushes the queues colleagues
 * left when they handed the device over, each under the colleague's own parked session, and is the session's
 * sign-out guard: sign-out asks it what is left, and it forgets the hall's data afterwards.
 */
class DeviceSync implements SignOutGuard {
	/** This person's unsent work: queued ops, and photos whose bytes are still only on this device. */
	readonly pending = $derived.by(() => this.#pendingOps + this.#waitingPhotos);
	#pendingOps = $state(0);
	#waitingPhotos = $state(0);
	rejected = $state<RejectedEntry[]>([]);
	/** This person's photos whose bytes the server refused (the ops went through; the upload did not). */
	refusedPhotos = $state<PhotoUploadRow[]>([]);
	lastSyncedAt = $state<string | null>(null);
	unreadable = $state<UnreadableRows | null>(null);
	/** This device's database could not be opened (private mode, storage full or blocked): nothing syncs. */
	storageFailed = $state(false);
	engine = $state<EngineStatus>({ syncing: false, online: true, held: null, failure: null, retryAt: null });
	readonly offline = $derived(!this.engine.online || this.engine.failure === 'network');
	#colleagueWork = $state<ColleagueWork[]>([]);
	#uploading = $state<string[]>([]);
	readonly colleagues: Colleague[] = $derived(
		this.#colleagueWork.map((work) => ({ ...work, uploading: this.#uploading.includes(work.user_id) }))
	);

	#engine: SyncEngine | null = null;
	#parked = new Map<string, SyncEngine>();
	#userId: string | null = null;
	#unsubscribe: (() => void) | null = null;
	#askedForPersistence = false;
	/** Counts starts and stops, so a start that yielded finds out it was stopped or superseded meanwhile. */
	#generation = 0;
	/** The running start's preparation of the device for its user, which a sign-out's wipe must come after. */
	#preparing: Promise<void> | null = null;
	/** Set by a sign-out or hand-over, after which the page reloads: nothing may start syncing before it does. */
	#closed = false;

	/** Starts syncing for this user (a different user's synced rows are wiped first). Idempotent per user. */
	async start(actor: Actor, db: LocalDb = localDb()): Promise<void> {
		if (this.#closed || this.#userId === actor.user_id) return;
		this.stop();
		const generation = this.#generation;
		this.#userId = actor.user_id;
		this.#preparing = prepareForUser(db, actor);
		try {
			await this.#preparing;
		} catch (error) {
			if (generation !== this.#generation) return;
			// Said on the sync status rather than lost as an unhandled rejection; the next start (a reload, the
			// next sign-in) tries again, so it must not find this user already started.
			console.warn('this device’s database could not be opened', error);
			this.#userId = null;
			this.storageFailed = true;
			return;
		}
		this.storageFailed = false;
		await yieldToMain();
		if (generation !== this.#generation) return; // stopped, or started again, meanwhile
		const subscription = liveQuery(() => deviceWork(db, actor.user_id)).subscribe({
			next: (work) => {
				this.#pendingOps = work.pending;
				this.rejected = work.rejected;
				this.lastSyncedAt = work.state?.last_synced_at ?? null;
				this.unreadable = work.state?.unreadable ?? null;
				this.#colleagueWork = work.colleagues;
			},
			error: (error: unknown) => {
				console.error('sync status query failed', error);
				localReads.failed = true;
			}
		});
		const photoSubscription = liveQuery(() =>
			Promise.all([refusedUploadsOf(db, actor.user_id), uploadsAwaitingBytes(db, actor.user_id)])
		).subscribe({
			next: ([refused, waiting]) => {
				this.refusedPhotos = refused;
				this.#waitingPhotos = waiting.length;
			},
			error: (error: unknown) => {
				console.error('photo uploads query failed', error);
				localReads.failed = true;
			}
		});
		this.#unsubscribe = () => {
			subscription.unsubscribe();
			photoSubscription.unsubscribe();
		};
		this.#engine = new SyncEngine({
			db,
			registry,
			backend: supabaseBackend(supabase),
			userId: actor.user_id,
			onStatus: (status) => {
				this.engine = status;
				// Once the server answers, a device without its notice code claims one (docs/PRECHECK.md).
				if (!status.syncing && status.failure === null) {
					this.#claimDeviceCode(db, generation);
					// Photos go up by their own queue once their records are on the server (docs/PATROL.md).
					this.#uploadPhotos(db, generation, actor.user_id);
				}
			}
		});
		void this.#askForPersistentStorage();
		this.#startParked(db, actor.user_id);
		await yieldToMain();
		if (generation !== this.#generation) return;
		await this.#engine.start();
	}

	stop(): void {
		this.#generation++;
		this.#engine?.stop();
		this.#engine = null;
		for (const engine of this.#parked.values()) engine.stop();
		this.#parked.clear();
		this.#uploading = [];
		this.#unsubscribe?.();
		this.#unsubscribe = null;
		this.#userId = null;
	}

	syncNow(): Promise<void> {
		void Promise.all([...this.#parked.values()].map((engine) => engine.sync()));
		return this.#engine?.sync() ?? Promise.resolve();
	}

	/** Every refused photo waits again, and a sync runs (its uploads follow a successful one). */
	async retryPhotos(db: LocalDb = localDb()): Promise<void> {
		const { retryUpload } = await import('../photos/upload-queue');
		for (const photo of this.refusedPhotos) await retryUpload(db, photo.id);
		await this.syncNow();
	}

	/** This user's unsent (ops and photos) and refused work, once the running push (if any) has finished. */
	async workOf(userId: string, db: LocalDb = localDb()): Promise<WorkOnDevice> {
		await this.#engine?.whenIdle();
		const [work, photos] = await Promise.all([
			workOf(db, userId),
			import('../photos/upload-queue').then(({ uploadsToDo }) => uploadsToDo(db, userId))
		]);
		// Photos not up yet are unsent work too: a hand-over parks the session so they still go up under its name.
		return { ...work, pending: work.pending + photos };
	}

	/** At sign-out or hand-over: stop, and leave nothing of the hall's data for the next person on this device. */
	async forget(_userId: string, db: LocalDb = localDb()): Promise<void> {
		// A start the screen scheduled may still be on its way (it waits for the first paint, then for its code):
		// it must neither write the user back after the wipe nor begin afterwards.
		this.#closed = true;
		this.stop();
		await this.#preparing?.catch(() => undefined);
		await wipeSyncedData(db);
	}

	retry(entry: RejectedEntry): Promise<void> {
		return entry.seq === undefined ? Promise.resolve() : retryRejected(localDb(), registry, entry.seq);
	}

	async discard(entry: RejectedEntry): Promise<void> {
		if (entry.seq === undefined) return;
		await discardRejected(localDb(), registry, entry.seq);
		void this.syncNow();
	}

	/**
	 * One push-only engine per colleague who parked a session here. Their session ends as soon as nothing of
	 * theirs is left to send, or when it is no longer accepted (their ops then wait for their own next sign-in).
	 * A colleague now signing in again sends their queue with their own new session instead.
	 */
	#startParked(db: LocalDb, signedInUserId: string): void {
		for (const userId of parkedUserIds()) {
			if (userId === signedInUserId) {
				void releaseParked(userId);
				continue;
			}
			const release = () => {
				this.#parked.get(userId)?.stop();
				this.#parked.delete(userId);
				this.#uploading = this.#uploading.filter((id) => id !== userId);
				void releaseParked(userId);
			};
			const engine = new SyncEngine({
				db,
				registry,
				backend: supabaseBackend(() => parkedClient(userId)),
				userId,
				pushOnly: true,
				// Their ops are on the server; their photos' bytes go up too before the session ends.
				onDrained: () => void this.#parkedDrained(db, userId, release),
				onStatus: (status) => {
					if (status.failure === 'unauthorized') release();
				}
			});
			this.#parked.set(userId, engine);
			this.#uploading = [...this.#uploading, userId];
			void engine.start();
		}
	}

	/** The claim under way, if any: one at a time, and none after a stop (a sign-out wipes the identity). */
	#claiming: Promise<unknown> | null = null;

	#claimDeviceCode(db: LocalDb, generation: number): void {
		if (this.#claiming || generation !== this.#generation) return;
		this.#claiming = ensureDeviceCode(db, claimDeviceCodeOver(supabase))
			.catch((error: unknown) => console.warn('notice code not claimed yet; next sync tries again', error))
			.finally(() => (this.#claiming = null));
	}

	/** The photo upload pass under way, if any: one at a time, never holding up a push or a pull. */
	#photoPass: Promise<unknown> | null = null;

	#uploadPhotos(db: LocalDb, generation: number, userId: string): void {
		if (this.#photoPass || generation !== this.#generation) return;
		this.#photoPass = (async () => {
			const [{ hasWaitingUploads, uploadPass, sweepUploadedBlobs }, { storageLevel }] = await Promise.all([
				import('../photos/upload-queue'),
				import('../photos/storage-estimate')
			]);
			await sweepUploadedBlobs(db, Date.now(), (await storageLevel())?.low ?? false);
			// Supabase Storage's client loads only when a photo waits for it.
			if (!(await hasWaitingUploads(db, userId))) return;
			const { uploadPhoto } = await import('$lib/backend/photo-storage');
			if (generation !== this.#generation) return;
			await uploadPass(db, { userId, upload: uploadPhoto });
		})()
			.catch((error: unknown) => console.warn('photo uploads paused; the next sync tries again', error))
			.finally(() => (this.#photoPass = null));
	}

	/** Parked colleagues whose photo pass is under way: one at a time each. */
	#parkedPasses = new Set<string>();

	/**
	 * A parked colleague's queue is empty: their photos waiting on this device upload under their own session, which
	 * ends once none can go up any more (a refused one stays their unsent work, for them to see at their next
	 * sign-in). Uploads
	 * that failed for now wait for the parked engine's next cycle, which asks again.
	 */
	async #parkedDrained(db: LocalDb, userId: string, release: () => void): Promise<void> {
		if (this.#parkedPasses.has(userId)) return;
		this.#parkedPasses.add(userId);
		try {
			const { hasUploadsToDo, uploadPass } = await import('../photos/upload-queue');
			if (await hasUploadsToDo(db, userId)) {
				const { photoUploaderFor } = await import('$lib/backend/photo-storage');
				await uploadPass(db, { userId, upload: photoUploaderFor(parkedClient(userId).auth) });
			}
			if (!(await hasUploadsToDo(db, userId))) release();
		} catch (error) {
			console.warn('a colleague’s photo uploads paused; their next cycle tries again', error);
		} finally {
			this.#parkedPasses.delete(userId);
		}
	}

	/** Asked once per app start after sign-in: without it, the browser may evict unsynced work under storage pressure. */
	async #askForPersistentStorage(): Promise<void> {
		if (this.#askedForPersistence) return;
		this.#askedForPersistence = true;
		const storage = globalThis.navigator?.storage;
		if (!storage?.persist || (await storage.persisted())) return;
		await storage.persist();
	}
}

export const deviceSync = new DeviceSync();
