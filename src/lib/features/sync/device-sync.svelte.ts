import { liveQuery } from 'dexie';
import { supabase } from '$lib/backend/client';
import type { SignOutGuard } from '$lib/backend/session.svelte';
import type { Actor, LocalDb, RejectedEntry, UnreadableRows } from '$lib/local/db';
import { pendingCount, prepareForUser, wipeSyncedData } from '$lib/local/device-data';
import { discardRejected, retryRejected } from '$lib/local/rejected';
import { SyncEngine, type EngineStatus } from '$lib/sync/engine';
import { supabaseBackend } from '$lib/sync/supabase-backend';
import { localDb, registry } from '../registry';

interface StoredStatus {
	pending: number;
	rejected: RejectedEntry[];
	lastSyncedAt: string | null;
	unreadable: UnreadableRows | null;
}

/**
 * This device's sync for the signed-in staff member: owns the engine's lifecycle (the staff layout starts it for
 * the user and stops it when they leave), and holds what the sync control shows: the engine's live state plus the
 * outbox, needs-attention list and last sync read from the device database. It is also the session's sign-out
 * guard: sign-out asks it how much is unsynced, and it forgets the user's data afterwards.
 */
class DeviceSync implements SignOutGuard {
	pending = $state(0);
	rejected = $state<RejectedEntry[]>([]);
	lastSyncedAt = $state<string | null>(null);
	unreadable = $state<UnreadableRows | null>(null);
	engine = $state<EngineStatus>({ syncing: false, online: true, held: null, failure: null, retryAt: null });
	readonly offline = $derived(!this.engine.online || this.engine.failure === 'network');

	#engine: SyncEngine | null = null;
	#userId: string | null = null;
	#unsubscribe: (() => void) | null = null;
	#askedForPersistence = false;

	/** Starts syncing for this user (a different user's synced rows are wiped first). Idempotent per user. */
	async start(actor: Actor, db: LocalDb = localDb()): Promise<void> {
		if (this.#userId === actor.user_id) return;
		this.stop();
		this.#userId = actor.user_id;
		await prepareForUser(db, actor);
		const subscription = liveQuery(async () => readStored(db, actor.user_id)).subscribe({
			next: (stored) => {
				this.pending = stored.pending;
				this.rejected = stored.rejected;
				this.lastSyncedAt = stored.lastSyncedAt;
				this.unreadable = stored.unreadable;
			},
			error: (error: unknown) => console.error('sync status query failed', error)
		});
		this.#unsubscribe = () => subscription.unsubscribe();
		this.#engine = new SyncEngine({
			db,
			registry,
			backend: supabaseBackend(supabase),
			userId: actor.user_id,
			onStatus: (status) => (this.engine = status)
		});
		void this.#askForPersistentStorage();
		await this.#engine.start();
	}

	stop(): void {
		this.#engine?.stop();
		this.#engine = null;
		this.#unsubscribe?.();
		this.#unsubscribe = null;
		this.#userId = null;
	}

	syncNow(): Promise<void> {
		return this.#engine?.sync() ?? Promise.resolve();
	}

	/** Ops of this user still waiting, once the running push (if any) has finished. */
	async unsynced(userId: string, db: LocalDb = localDb()): Promise<number> {
		await this.#engine?.whenIdle();
		return pendingCount(db, userId);
	}

	/** At sign-out: stop, and leave nothing of the hall's data for the next person on this device. */
	async forget(_userId: string, db: LocalDb = localDb()): Promise<void> {
		this.stop();
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

	/** Asked once per app start after sign-in: without it, the browser may evict unsynced work under storage pressure. */
	async #askForPersistentStorage(): Promise<void> {
		if (this.#askedForPersistence) return;
		this.#askedForPersistence = true;
		const storage = globalThis.navigator?.storage;
		if (!storage?.persist || (await storage.persisted())) return;
		await storage.persist();
	}
}

async function readStored(db: LocalDb, userId: string): Promise<StoredStatus> {
	const [pending, rejected, state] = await Promise.all([
		pendingCount(db, userId),
		db.rejected.filter((entry) => entry.actor.user_id === userId).toArray(),
		db.sync_state.get('state')
	]);
	return {
		pending,
		rejected,
		lastSyncedAt: state?.last_synced_at ?? null,
		unreadable: state?.unreadable ?? null
	};
}

export const deviceSync = new DeviceSync();
