import type { SupportedStorage } from '@supabase/auth-js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createAuthRpcClient, type AuthRpcClient } from '../../src/lib/backend/auth-rpc-client';
import { isStaffProfile, type StaffProfile } from '../../src/lib/backend/staff-profile';
import type { Op, OpResult, PullResult } from '../../src/lib/domain/sync-protocol';
import { registry } from '../../src/lib/features/registry';
import { LocalDb, type Actor, type OutboxEntry } from '../../src/lib/local/db';
import { prepareForUser } from '../../src/lib/local/device-data';
import type { SyncBackend } from '../../src/lib/sync/backend';
import { ensureDeviceCode } from '../../src/lib/local/prechecks/numbering';
import { claimDeviceCodeOver } from '../../src/lib/sync/claim-device-code';
import { SyncEngine } from '../../src/lib/sync/engine';
import { supabaseBackend } from '../../src/lib/sync/supabase-backend';
import { inProcessLock } from '../../src/lib/sync/uploader-lock';
import type { Rng } from './prng';

/**
 * One simulated device running the app's own pieces in Node: the Supabase client as the app builds it
 * (auth-js + postgrest-js, a session kept in storage that outlives the app), the device database (Dexie on an
 * IndexedDB of its own) and the real SyncEngine. It can be killed in the middle of a push and relaunched from
 * what it stored, as an app closed by the system and opened again.
 */
export interface Person {
	email: string;
}

export interface DeviceHooks {
	rng: Rng;
	/** Chance that a push is the moment this device is killed (0 in the final sync). */
	killChance(): number;
	/** Every op the device's database committed to its outbox: the ground truth of "ops created". */
	onOpCreated(device: TortureDevice, entry: OutboxEntry): void;
	/** Each push or pull call that ended (an answer or a failure), with how long it took. */
	onCall(kind: 'push' | 'pull', ms: number, error: unknown): void;
}

const PASSWORD = 'demo1234';

export class TortureDevice {
	/** This device's IndexedDB: separate from every other device's, kept across relaunches. */
	readonly indexedDB = new IDBFactory();
	readonly #storage = new Map<string, string>();
	restarts = 0;
	db!: LocalDb;
	engine!: SyncEngine;
	client!: AuthRpcClient;
	profile!: StaffProfile;
	actor!: Actor;
	/** Set when a push was chosen as the moment of death; the device's loop relaunches it. */
	killPending = false;
	/** Resolves when killPending is set: whoever waits for this engine must stop waiting then. */
	#killed: Promise<void> = Promise.resolve();
	#markKilled: () => void = () => undefined;
	#generation = 0;

	constructor(
		readonly index: number,
		readonly person: Person,
		readonly url: string,
		readonly anonKey: string,
		readonly hooks: DeviceHooks
	) {}

	get isManager(): boolean {
		return this.profile.post === 'manager';
	}

	/** First start or relaunch: the stored session and data, signing in and asking me() only the first time. */
	async boot(): Promise<void> {
		this.client = createAuthRpcClient(this.url, this.anonKey, {
			persistSession: true,
			// No background timer in Node; the engine refreshes on a 401, and getSession() before each call.
			autoRefreshToken: false,
			detectSessionInUrl: false,
			storageKey: 'hall-assist-auth',
			storage: memoryStorage(this.#storage)
		});
		const { data } = await this.client.auth.getSession();
		if (!data.session) await this.#signIn();
		this.profile ??= await this.#me();
		const session = (await this.client.auth.getSession()).data.session;
		if (!session) throw new Error(`device ${this.index}: no session after sign-in`);
		this.actor = {
			user_id: session.user.id,
			staff_id: this.profile.staff_id,
			staff_name: this.profile.display_name,
			hall_id: this.profile.hall_id,
			post: this.profile.post
		};
		this.db = new LocalDb('hall-assist', registry, { indexedDB: this.indexedDB, IDBKeyRange });
		this.#recordCreatedOps(this.db);
		await prepareForUser(this.db, this.actor);
		this.engine = new SyncEngine({
			db: this.db,
			registry,
			backend: this.#instrumented(
				supabaseBackend(() => this.client),
				++this.#generation
			),
			userId: this.actor.user_id,
			lock: inProcessLock(),
			random: () => this.hooks.rng.next(),
			// Retries within seconds, not minutes: the run is short, and faults are many.
			backoff: { baseMs: 100, capMs: 3_000 },
			// The write signal is process-wide: here every device would hear every other device's writes. The
			// run asks each engine for a cycle itself, as the signal does for its own device in the app.
			debounceMs: 600_000,
			intervalMs: 600_000
		});
		this.killPending = false;
		this.#killed = new Promise((resolve) => (this.#markKilled = resolve));
		// Not awaited: start() runs a first cycle, which under faults may take a while, as on a real start.
		void this.engine.start().catch(() => undefined);
		void this.#claimDeviceCode(this.#generation);
	}

	/** The app is gone: no timer, no answer, no database; what was stored stays. */
	kill(): void {
		this.engine.stop();
		this.db.close({ disableAutoOpen: true });
	}

	async relaunch(): Promise<void> {
		this.kill();
		this.restarts++;
		await this.boot();
	}

	/** Until this user's outbox is empty and a whole cycle (push, then pull to the end) has succeeded. */
	async syncUntilSettled(deadline: number): Promise<void> {
		for (;;) {
			// A push decided on its death just before the faults stopped: relaunch it, as the run's loop would.
			await Promise.race([this.engine.sync(), this.#killed]);
			if (this.killPending) {
				await this.relaunch();
				continue;
			}
			const pending = await this.db.outbox
				.filter((entry) => entry.actor.user_id === this.actor.user_id)
				.count();
			if (pending === 0 && this.engine.status.failure === null) return;
			if (Date.now() > deadline) {
				throw new Error(
					`device ${this.index} did not settle: ${pending} pending, last failure ${this.engine.status.failure}`
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	/**
	 * The notice code, claimed at start as the app does once the server answers (DeviceSync): asked again after a
	 * fault, until this launch of the app is gone. Until then the device records complete pre-checks only.
	 */
	async #claimDeviceCode(generation: number): Promise<void> {
		for (let attempt = 0; attempt < 100 && generation === this.#generation && !this.killPending; attempt++) {
			try {
				if (
					await ensureDeviceCode(
						this.db,
						claimDeviceCodeOver(() => this.client)
					)
				)
					return;
			} catch {
				// a fault of the proxy, or the database closed by a kill: try again shortly
			}
			await new Promise((resolve) => setTimeout(resolve, 200 + 100 * Math.min(attempt, 10)));
		}
	}

	async #signIn(): Promise<void> {
		for (let attempt = 0; ; attempt++) {
			const { error } = await this.client.auth.signInWithPassword({
				email: this.person.email,
				password: PASSWORD
			});
			if (!error) return;
			if (attempt >= 20)
				throw new Error(`device ${this.index}: sign-in as ${this.person.email}: ${error.message}`);
			await new Promise((resolve) => setTimeout(resolve, 250 * (attempt + 1)));
		}
	}

	async #me(): Promise<StaffProfile> {
		for (let attempt = 0; ; attempt++) {
			// Untyped client: the body stays unknown until the guard has checked it.
			const { error, ...response } = await this.client.rpc('me');
			const profile: unknown = response.data;
			if (!error && isStaffProfile(profile)) return profile;
			if (attempt >= 20) throw new Error(`device ${this.index}: me() failed: ${error?.message ?? 'shape'}`);
			await new Promise((resolve) => setTimeout(resolve, 250 * (attempt + 1)));
		}
	}

	/** Records each op once its transaction committed: a write that failed or was rolled back created nothing. */
	#recordCreatedOps(db: LocalDb): void {
		db.outbox.hook('creating', (_key, entry, transaction) => {
			transaction.on('complete', () => this.hooks.onOpCreated(this, entry));
		});
	}

	/**
	 * The engine's backend as the app builds it, timed, and able to die: a push chosen as the moment of death is
	 * sent (the server may commit it), then the app is gone before it can store the answer. A dead generation's
	 * calls never settle, as nothing runs in a closed app.
	 */
	#instrumented(inner: SyncBackend, generation: number): SyncBackend {
		const dead = () => generation !== this.#generation || this.killPending;
		const never = new Promise<never>(() => undefined);
		const timed = async <T>(kind: 'push' | 'pull', call: () => Promise<T>): Promise<T> => {
			const started = performance.now();
			try {
				const result = await call();
				this.hooks.onCall(kind, performance.now() - started, null);
				return result;
			} catch (error) {
				this.hooks.onCall(kind, performance.now() - started, error);
				throw error;
			} finally {
				if (dead()) await never;
			}
		};
		return {
			push: async (ops: readonly Op[]): Promise<OpResult[]> => {
				if (dead()) return never;
				if (this.hooks.rng.chance(this.hooks.killChance())) {
					const sent = inner.push(ops).catch(() => undefined);
					await Promise.race([
						sent,
						new Promise((resolve) => setTimeout(resolve, this.hooks.rng.int(0, 40)))
					]);
					this.killPending = true;
					this.#markKilled();
					return never;
				}
				return timed('push', () => inner.push(ops));
			},
			pull: async (cursor: string, maxRows: number): Promise<PullResult> => {
				if (dead()) return never;
				return timed('pull', () => inner.pull(cursor, maxRows));
			},
			refreshSession: () => inner.refreshSession()
		};
	}
}

/** localStorage as the installed app has it: the session survives a relaunch. */
function memoryStorage(map: Map<string, string>): SupportedStorage {
	return {
		getItem: (key) => map.get(key) ?? null,
		setItem: (key, value) => void map.set(key, value),
		removeItem: (key) => void map.delete(key)
	};
}
