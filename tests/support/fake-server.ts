import type { Op, OpResult, PullResult, PulledChange } from '../../src/lib/domain/sync-protocol';
import { SyncTransportError, type SyncBackend, type TransportFailure } from '../../src/lib/sync/backend';

/**
 * A server for engine tests that keeps the protocol, not the business rules: exactly-once by op_id (a replay
 * answers `duplicate`, or repeats its rejection), results in order, pulls of whatever rows a test put there by
 * version. What an op does to data is the real stack's job and is tested there (tests/integration/sync/); here a
 * test decides results with `judge` and states the server's rows with `put`. Faults are queued per call.
 */
export type Fault =
	| { kind: 'request_lost' } // the request never reached the server
	| { kind: 'response_lost' } // the server committed, the answer never came back
	| { kind: 'http'; failure: TransportFailure; status: number; code: string };

export const STAFF = {
	user_id: '0190a000-0000-7000-8000-000000000001',
	staff_id: '0190a000-0000-7000-8000-000000000002',
	staff_name: '王芳',
	hall_id: '0190a000-0000-7000-8000-000000000003'
};

interface StoredRow {
	table: string;
	row: Record<string, unknown> & { id: string };
	version: number;
}

export class FakeServer implements SyncBackend {
	/** Every op that took effect, once each, in the order it arrived. */
	readonly received: Op[] = [];
	readonly results = new Map<string, OpResult>();
	readonly pushFaults: Fault[] = [];
	readonly pullFaults: Fault[] = [];
	/** Every op_id each push carried, in order: shows retries and duplicates. */
	readonly pushed: string[][] = [];
	/** Decides a new op's fate: a rejection code, or null for applied. */
	judge: (op: Op) => string | null = () => null;
	/** An op the server fails on (HTTP 500) every time it is in a push, e.g. one that trips a server bug. */
	breaksServer: (op: Op) => boolean = () => false;
	pulls = 0;
	epoch = 1;
	refreshes = 0;
	refreshWorks = true;
	/** Runs at the start of each pull, e.g. to let the "user" write while a sync is under way. */
	onPull: (() => Promise<void>) | null = null;
	/** Wait inside push, to overlap two uploaders; concurrent calls are counted. */
	pushDelay: (() => Promise<void>) | null = null;
	concurrentPushes = 0;
	maxConcurrentPushes = 0;
	#rows = new Map<string, StoredRow>();
	#version = 0;

	async push(ops: readonly Op[]): Promise<OpResult[]> {
		this.concurrentPushes++;
		this.maxConcurrentPushes = Math.max(this.maxConcurrentPushes, this.concurrentPushes);
		try {
			this.pushed.push(ops.map((op) => op.op_id));
			if (this.pushDelay) await this.pushDelay();
			const fault = this.pushFaults.shift();
			if (fault) this.#failBefore(fault);
			if (ops.some((op) => this.breaksServer(op)))
				throw new SyncTransportError('server', 500, 'XX000', 'internal error');
			const results = ops.map((op) => this.#once(op));
			if (fault?.kind === 'response_lost')
				throw new SyncTransportError('network', 0, 'fetch', 'response lost');
			return results;
		} finally {
			this.concurrentPushes--;
		}
	}

	async pull(cursor: string, maxRows: number): Promise<PullResult> {
		this.pulls++;
		if (this.onPull) await this.onPull();
		const fault = this.pullFaults.shift();
		if (fault) this.#failBefore(fault);
		const after = Number(cursor);
		const rows = [...this.#rows.values()]
			.filter((stored) => stored.version > after)
			.sort((a, b) => a.version - b.version);
		const page = rows.slice(0, maxRows);
		const changes: PulledChange[] = page.map(({ table, row }) => ({ table, row: { ...row } }));
		return {
			changes,
			cursor: String(page.at(-1)?.version ?? after),
			has_more: rows.length > page.length,
			epoch: this.epoch
		};
	}

	refreshSession(): Promise<boolean> {
		this.refreshes++;
		return Promise.resolve(this.refreshWorks);
	}

	/** A row as the server holds it now (written by any device); pulls return it with a new version. */
	put(table: string, row: Record<string, unknown> & { id: string }): void {
		const version = ++this.#version;
		this.#rows.set(`${table}:${row.id}`, { table, row: { ...row, version }, version });
	}

	/** Forgets every row (e.g. the user's scope moved elsewhere); versions keep counting up. */
	clearRows(): void {
		this.#rows.clear();
	}

	/** The ops of one type that took effect. */
	receivedOf(type: string): Op[] {
		return this.received.filter((op) => op.type === type);
	}

	#failBefore(fault: Fault): void {
		if (fault.kind === 'request_lost') throw new SyncTransportError('network', 0, 'fetch', 'request lost');
		if (fault.kind === 'http')
			throw new SyncTransportError(fault.failure, fault.status, fault.code, fault.code);
	}

	#once(op: Op): OpResult {
		const previous = this.results.get(op.op_id);
		if (previous) return previous.status === 'rejected' ? previous : { op_id: op.op_id, status: 'duplicate' };
		const code = this.judge(op);
		const result: OpResult = code
			? { op_id: op.op_id, status: 'rejected', code, message: `rejected: ${code}` }
			: { op_id: op.op_id, status: 'applied' };
		if (!code) this.received.push(op);
		this.results.set(op.op_id, result);
		return result;
	}
}
