import { SYNC_LIMITS } from '$lib/domain/sync-protocol';
import type { HeldReason, LocalDb } from '$lib/local/db';
import type { Registry } from '$lib/local/registry';
import { onLocalWrite } from '$lib/local/write-signal';
import { SyncTransportError, type SyncBackend, type TransportFailure } from './backend';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { acknowledge, countServerFailure, deadLetter, nextBatch, toWire } from './outbox-steps';
import { markSynced, readState, rereadSkippedRows, storePage, wipeForEpoch } from './pull-steps';
import { webLock, type UploaderLock } from './uploader-lock';

/** What the engine is doing now; the persistent part (pending, rejected, last synced) lives in Dexie. */
export interface EngineStatus {
	syncing: boolean;
	online: boolean;
	held: HeldReason | null;
	/** The last failure, until a sync succeeds; null when the last one did. */
	failure: TransportFailure | null;
	/** When the next retry after a failure is due (epoch ms), or null. */
	retryAt: number | null;
}

export interface EngineOptions {
	db: LocalDb;
	registry: Registry;
	backend: SyncBackend;
	userId: string;
	lock?: UploaderLock;
	random?: () => number;
	batchSize?: number;
	pullPageSize?: number;
	/** Writes in quick succession (several event taps) go out together. */
	debounceMs?: number;
	/** The safety-net timer: changes from colleagues arrive even when this device writes nothing. */
	intervalMs?: number;
	backoff?: BackoffPolicy;
	/**
	 * Only send this user's queued ops, never pull: for a colleague who handed the device over, whose work still
	 * uploads under their own session while someone else is signed in.
	 */
	pushOnly?: boolean;
	onStatus?: (status: EngineStatus) => void;
	/** After a cycle that left none of this user's ops in the outbox. */
	onDrained?: () => void;
}

/** Sentinel: the server acknowledged nothing in a batch; the push must stop instead of sending it forever. */
const NOTHING_ANSWERED = 'push answered none of the ops';

/**
 * An op whose pushes failed inside the server (HTTP 500) this often goes alone, so it cannot hold the rest of the
 * queue back; alone, after SERVER_FAILURES_TO_SET_ASIDE failures, it moves to the needs-attention list (with a
 * retry button) instead of being retried at the head of the queue for ever.
 */
const SERVER_FAILURES_TO_GO_ALONE = 3;
const SERVER_FAILURES_TO_SET_ASIDE = 5;

/**
 * Moves the outbox to the server and the server's changes to the device (DECISIONS §2.5–2.10). One cycle is: push
 * every queued op in batches, then pull until has_more is false, all under the uploader lock. Triggers (write,
 * start, online, visible, timer) only ask for a cycle; requests during a cycle run one more cycle after it.
 */
export class SyncEngine {
	readonly #options: Required<Omit<EngineOptions, 'onStatus' | 'onDrained'>> &
		Pick<EngineOptions, 'onStatus' | 'onDrained'>;
	#status: EngineStatus = { syncing: false, online: true, held: null, failure: null, retryAt: null };
	#running: Promise<void> | null = null;
	#again = false;
	#attempt = 0;
	#stopped = true;
	#debounce: ReturnType<typeof setTimeout> | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#interval: ReturnType<typeof setInterval> | undefined;
	#detach: (() => void)[] = [];

	constructor(options: EngineOptions) {
		this.#options = {
			lock: webLock(),
			random: Math.random,
			batchSize: SYNC_LIMITS.maxPushBatch,
			pullPageSize: 500,
			debounceMs: 800,
			intervalMs: 60_000,
			backoff: DEFAULT_BACKOFF,
			pushOnly: false,
			...options
		};
		this.#status.online = globalThis.navigator?.onLine ?? true;
	}

	get status(): EngineStatus {
		return this.#status;
	}

	/** Starts listening to the triggers and syncs once. A held queue is tried again: this may be a new app. */
	async start(): Promise<void> {
		if (!this.#stopped) return this.sync();
		this.#stopped = false;
		await this.#options.db.sync_state.update('state', { held: null });
		await rereadSkippedRows(this.#options.db, this.#options.registry);
		this.#setStatus({ held: null });
		this.#detach.push(onLocalWrite(() => this.poke()));
		this.#listen(globalThis, 'online', () => {
			this.#setStatus({ online: true });
			void this.sync();
		});
		this.#listen(globalThis, 'offline', () => this.#setStatus({ online: false }));
		if (typeof document !== 'undefined') {
			this.#listen(document, 'visibilitychange', () => {
				if (document.visibilityState === 'visible') void this.sync();
			});
		}
		this.#interval = setInterval(() => void this.sync(), this.#options.intervalMs);
		return this.sync();
	}

	/** Stops every trigger; a cycle already running finishes (its transactions are short). */
	stop(): void {
		this.#stopped = true;
		for (const detach of this.#detach.splice(0)) detach();
		clearTimeout(this.#debounce);
		clearTimeout(this.#retry);
		clearInterval(this.#interval);
		this.#setStatus({ retryAt: null });
	}

	/** A local write happened: sync soon, once the user has stopped tapping. */
	poke(): void {
		if (this.#stopped) return;
		clearTimeout(this.#debounce);
		this.#debounce = setTimeout(() => void this.sync(), this.#options.debounceMs);
	}

	/** Runs a cycle now (or one more after the current one); resolves when the engine is idle again. */
	sync(): Promise<void> {
		if (this.#stopped) return Promise.resolve();
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = this.#loop().finally(() => {
			this.#running = null;
		});
		return this.#running;
	}

	/** Resolves when no cycle is running: for tests and for sign-out, which waits for the last push. */
	async whenIdle(): Promise<void> {
		while (this.#running) await this.#running;
	}

	async #loop(): Promise<void> {
		do {
			this.#again = false;
			clearTimeout(this.#retry);
			await this.#options.lock.run(() => this.#cycle());
		} while (this.#again && !this.#stopped);
	}

	async #cycle(): Promise<void> {
		const { db } = this.#options;
		const { held } = await readState(db);
		if (held) {
			this.#setStatus({ held });
			return;
		}
		this.#setStatus({ syncing: true, retryAt: null });
		try {
			await this.#withRefresh(async () => {
				await this.#push();
				if (!this.#options.pushOnly) await this.#pull();
			});
			if (!this.#options.pushOnly) await markSynced(db, new Date());
			if ((await nextBatch(db, this.#options.userId, 1)).length === 0) this.#options.onDrained?.();
			this.#attempt = 0;
			this.#setStatus({ failure: null });
		} catch (error) {
			await this.#failed(error);
		} finally {
			this.#setStatus({ syncing: false });
		}
	}

	/** 401: refresh the session once, then run the step again; a second 401 is handled like other failures. */
	async #withRefresh(step: () => Promise<void>): Promise<void> {
		try {
			await step();
		} catch (error) {
			if (!(error instanceof SyncTransportError) || error.failure !== 'unauthorized') throw error;
			if (!(await this.#options.backend.refreshSession())) throw error;
			await step();
		}
	}

	async #push(): Promise<void> {
		const { db, backend, userId } = this.#options;
		// A whole-call 4xx cannot say which op it disliked: go on one op at a time to find it.
		let size = this.#options.batchSize;
		for (;;) {
			const batch = await nextBatch(db, userId, size);
			const [head] = batch;
			if (!head) return;
			if (batch.length > 1 && (head.server_failures ?? 0) >= SERVER_FAILURES_TO_GO_ALONE) {
				size = 1;
				continue;
			}
			let results;
			try {
				results = await backend.push(batch.map(toWire));
			} catch (error) {
				if (!(error instanceof SyncTransportError)) throw error;
				if (error.failure === 'client') {
					if (batch.length > 1) size = 1;
					else await deadLetter(db, head, error.code || `http_${error.status}`, error.message);
					continue;
				}
				// A 500 is the server failing on what it was sent; a gateway's 502-504 says nothing about the ops.
				if (error.failure === 'server' && error.status === 500) {
					const failures = await countServerFailure(db, batch);
					if (batch.length === 1 && failures >= SERVER_FAILURES_TO_SET_ASIDE) {
						await deadLetter(db, head, error.code || 'http_500', error.message);
						continue;
					}
				}
				throw error;
			}
			if ((await acknowledge(db, batch, results)) === 0) {
				throw new SyncTransportError('server', 200, 'no_results', NOTHING_ANSWERED);
			}
		}
	}

	async #pull(): Promise<void> {
		const { db, registry, backend, userId, pullPageSize } = this.#options;
		for (;;) {
			const state = await readState(db);
			const page = await backend.pull(state.cursor, pullPageSize);
			if (state.epoch !== null && page.epoch !== state.epoch) {
				// This page is relative to a cursor of the old scope: drop it and pull the new scope from the start.
				await wipeForEpoch(db, registry, userId, page.epoch);
				continue;
			}
			const skipped = await storePage(db, registry, userId, page, state.cursor);
			// The cursor moved while the page was on its way (an op was discarded): pull from where it is now.
			if (skipped === 'stale') continue;
			if (skipped > 0) console.warn(`sync: skipped ${skipped} pulled rows this app version cannot read`);
			if (!page.has_more) return;
		}
	}

	async #failed(error: unknown): Promise<void> {
		if (!(error instanceof SyncTransportError)) {
			console.error('sync: unexpected failure', error);
		}
		const failure = error instanceof SyncTransportError ? error.failure : 'server';
		if (failure === 'version_skew') {
			// The server lacks our functions: nothing goes out until a new app version is loaded.
			await this.#options.db.sync_state.update('state', { held: 'update_required' });
			this.#setStatus({ failure, held: 'update_required' });
			return;
		}
		const delay = backoffDelay(this.#attempt++, this.#options.backoff, this.#options.random);
		this.#setStatus({ failure, retryAt: Date.now() + delay });
		if (!this.#stopped) this.#retry = setTimeout(() => void this.sync(), delay);
	}

	#listen(target: EventTarget | undefined, type: string, handler: () => void): void {
		if (typeof target?.addEventListener !== 'function') return;
		target.addEventListener(type, handler);
		this.#detach.push(() => target.removeEventListener(type, handler));
	}

	#setStatus(change: Partial<EngineStatus>): void {
		this.#status = { ...this.#status, ...change };
		this.#options.onStatus?.(this.#status);
	}
}
