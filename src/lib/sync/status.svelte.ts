import { liveQuery } from 'dexie';
import { supabase } from '$lib/backend/client';
import type { Actor, HallDatabase, RejectedEntry } from '$lib/local/db';
import { localDb } from '$lib/local/db';
import { pendingCount, prepareForUser, wipeSyncedData } from '$lib/local/device-data';
import { discardRejected, retryRejected } from '$lib/local/rejected';
import { SyncEngine, type EngineStatus } from './engine';
import { supabaseBackend } from './supabase-backend';

interface StoredStatus {
	pending: number;
	rejected: RejectedEntry[];
	lastSyncedAt: string | null;
}

/**
 * The app's sync for the signed-in user, and what the status control shows: the engine's live state plus the
 * outbox, needs-attention list and last sync read from Dexie. One instance; the staff layout starts and stops it.
 */
class SyncStatusState {
	pending = $state(0);
	rejected = $state<RejectedEntry[]>([]);
	lastSyncedAt = $state<string | null>(null);
	engine = $state<EngineStatus>({ syncing: false, online: true, held: null, failure: null, retryAt: null });
	readonly offline = $derived(!this.engine.online || this.engine.failure === 'network');

	#engine: SyncEngine | null = null;
	#userId: string | null = null;
	#unsubscribe: (() => void) | null = null;
	#askedForPersistence = false;

	/** Starts syncing for this user (a different user's synced rows are wiped first). Idempotent per user. */
	async start(actor: Actor, db: HallDatabase = localDb()): Promise<void> {
		if (this.#userId === actor.user_id) return;
		this.stop();
		this.#userId = actor.user_id;
		await prepareForUser(db, actor);
		const subscription = liveQuery(async () => readStored(db, actor.user_id)).subscribe({
			next: (stored) => {
				this.pending = stored.pending;
				this.rejected = stored.rejected;
				this.lastSyncedAt = stored.lastSyncedAt;
			},
			error: (error: unknown) => console.error('sync status query failed', error)
		});
		this.#unsubscribe = () => subscription.unsubscribe();
		this.#engine = new SyncEngine({
			db,
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

	/** Ops of this user still waiting; sign-out is refused while there are any (DESIGN §2.12). */
	async unsyncedCount(userId: string, db: HallDatabase = localDb()): Promise<number> {
		await this.#engine?.whenIdle();
		return pendingCount(db, userId);
	}

	/** At sign-out: stop, and leave nothing of the hall's data for the next person on this device. */
	async signedOut(db: HallDatabase = localDb()): Promise<void> {
		this.stop();
		await wipeSyncedData(db);
	}

	retry(entry: RejectedEntry): Promise<void> {
		return entry.seq === undefined ? Promise.resolve() : retryRejected(localDb(), entry.seq);
	}

	async discard(entry: RejectedEntry): Promise<void> {
		if (entry.seq === undefined) return;
		await discardRejected(localDb(), entry.seq);
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

async function readStored(db: HallDatabase, userId: string): Promise<StoredStatus> {
	const [pending, rejected, state] = await Promise.all([
		pendingCount(db, userId),
		db.rejected.filter((entry) => entry.actor.user_id === userId).toArray(),
		db.sync_state.get('state')
	]);
	return { pending, rejected, lastSyncedAt: state?.last_synced_at ?? null };
}

export const syncStatus = new SyncStatusState();
