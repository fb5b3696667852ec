import type { ServiceRecordEventRow, ServiceRecordRow } from '$lib/domain/service-record';
import type { Op, OpResult, PullResult, PulledChange } from '$lib/domain/sync-protocol';
import { SyncTransportError, type SyncBackend, type TransportFailure } from '../backend';

/**
 * A server for engine tests that keeps the rules the engine relies on, like sync_push / sync_pull in SQL:
 * exactly-once by op_id (a replay answers `duplicate` and changes nothing), one version per write, pulls by
 * cursor, merges of a ticket opened twice (earliest (opened_at, id) survives), ops redirected to survivors.
 * Faults are queued per call and consumed in order.
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

type Row =
	| { table: 'service_records'; row: ServiceRecordRow }
	| { table: 'service_record_events'; row: ServiceRecordEventRow };

export class FakeServer implements SyncBackend {
	readonly records = new Map<string, ServiceRecordRow>();
	readonly events = new Map<string, ServiceRecordEventRow>();
	readonly applied = new Map<string, OpResult>();
	readonly pushFaults: Fault[] = [];
	readonly pullFaults: Fault[] = [];
	/** Every op_id each push carried, in order: shows retries and duplicates. */
	readonly pushed: string[][] = [];
	epoch = 1;
	refreshes = 0;
	refreshWorks = true;
	/** Runs at the start of each pull, e.g. to let the "user" write while a sync is under way. */
	onPull: (() => Promise<void>) | null = null;
	/** Wait inside push, to overlap two uploaders; concurrent calls are counted. */
	pushDelay: (() => Promise<void>) | null = null;
	concurrentPushes = 0;
	maxConcurrentPushes = 0;
	#version = 0;

	async push(ops: readonly Op[]): Promise<OpResult[]> {
		this.concurrentPushes++;
		this.maxConcurrentPushes = Math.max(this.maxConcurrentPushes, this.concurrentPushes);
		try {
			this.pushed.push(ops.map((op) => op.op_id));
			if (this.pushDelay) await this.pushDelay();
			const fault = this.pushFaults.shift();
			if (fault) this.#failBefore(fault);
			const results = ops.map((op) => this.#applyOnce(op));
			if (fault?.kind === 'response_lost')
				throw new SyncTransportError('network', 0, 'fetch', 'response lost');
			return results;
		} finally {
			this.concurrentPushes--;
		}
	}

	async pull(cursor: number, maxRows: number): Promise<PullResult> {
		if (this.onPull) await this.onPull();
		const fault = this.pullFaults.shift();
		if (fault) this.#failBefore(fault);
		const rows: Row[] = [
			...[...this.records.values()].map((row) => ({ table: 'service_records' as const, row })),
			...[...this.events.values()].map((row) => ({ table: 'service_record_events' as const, row }))
		]
			.filter(({ row }) => row.version > cursor && row.hall_id === STAFF.hall_id)
			.sort((a, b) => a.row.version - b.row.version);
		const page = rows.slice(0, maxRows);
		const changes: PulledChange[] = page.map(({ table, row }) => ({ table, row: { ...row } }));
		return {
			changes,
			cursor: page.at(-1)?.row.version ?? cursor,
			has_more: rows.length > page.length,
			epoch: this.epoch
		};
	}

	refreshSession(): Promise<boolean> {
		this.refreshes++;
		return Promise.resolve(this.refreshWorks);
	}

	/** A record written by another device, as the server stores it. */
	seedRecord(
		fields: Partial<ServiceRecordRow> & Pick<ServiceRecordRow, 'id' | 'ticket_no' | 'opened_at'>
	): void {
		this.records.set(fields.id, {
			hall_id: STAFF.hall_id,
			ticket_date: fields.opened_at.slice(0, 10),
			raw_payload: fields.ticket_no,
			category: null,
			special_groups: [],
			green_channel: false,
			first_responder_id: STAFF.staff_id,
			first_responder_name: '李娜',
			updated_at: fields.opened_at,
			deleted_at: null,
			merged_into: null,
			...fields,
			version: ++this.#version
		});
	}

	change(id: string, fields: Partial<ServiceRecordRow>): void {
		const row = this.records.get(id);
		if (row) this.records.set(id, { ...row, ...fields, version: ++this.#version });
	}

	#failBefore(fault: Fault): void {
		if (fault.kind === 'request_lost') throw new SyncTransportError('network', 0, 'fetch', 'request lost');
		if (fault.kind === 'http')
			throw new SyncTransportError(fault.failure, fault.status, fault.code, fault.code);
	}

	#applyOnce(op: Op): OpResult {
		const previous = this.applied.get(op.op_id);
		if (previous) return { ...previous, status: previous.status === 'rejected' ? 'rejected' : 'duplicate' };
		const rejection = this.#apply(op);
		const result: OpResult = rejection
			? { op_id: op.op_id, status: 'rejected', code: rejection, message: `rejected: ${rejection}` }
			: { op_id: op.op_id, status: 'applied' };
		this.applied.set(op.op_id, result);
		return result;
	}

	#survivor(id: string): ServiceRecordRow | undefined {
		let row = this.records.get(id);
		while (row?.merged_into) row = this.records.get(row.merged_into);
		return row;
	}

	#apply(op: Op): string | null {
		const now = new Date().toISOString();
		if (op.type === 'service_record.open') {
			const open = op.payload as Op<'service_record.open'>['payload'];
			if (this.records.has(open.id)) return null;
			const existing = [...this.records.values()].find(
				(row) => row.ticket_date === open.ticket_date && row.ticket_no === open.ticket_no && !row.deleted_at
			);
			const mine = { ...open, first_responder_name: STAFF.staff_name, updated_at: now };
			if (
				existing &&
				(existing.opened_at < open.opened_at ||
					(existing.opened_at === open.opened_at && existing.id < open.id))
			) {
				this.seedRecord({ ...mine, deleted_at: now, merged_into: existing.id });
				return null;
			}
			this.seedRecord(mine);
			if (existing) {
				this.change(existing.id, { deleted_at: now, merged_into: open.id });
				for (const event of this.events.values()) {
					if (event.record_id === existing.id)
						this.events.set(event.id, { ...event, record_id: open.id, version: ++this.#version });
				}
			}
			return null;
		}
		const target = this.#survivor(
			op.type === 'service_record.add_event' ? (op.payload as { record_id: string }).record_id : op.payload.id
		);
		if (!target) return 'not_found';
		if (op.type === 'service_record.delete') {
			if (!target.deleted_at) this.change(target.id, { deleted_at: now });
			return null;
		}
		if (target.deleted_at) return 'conflict';
		if (op.type === 'service_record.update') {
			const { id: _id, ...fields } = op.payload as Op<'service_record.update'>['payload'];
			this.change(target.id, fields);
			return null;
		}
		const event = op.payload as Op<'service_record.add_event'>['payload'];
		if (!this.events.has(event.id)) {
			this.events.set(event.id, {
				...event,
				record_id: target.id,
				hall_id: target.hall_id,
				staff_id: STAFF.staff_id,
				staff_name: STAFF.staff_name,
				version: ++this.#version
			});
		}
		return null;
	}
}
