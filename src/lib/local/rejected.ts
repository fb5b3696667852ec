import { OP_PAYLOADS, SCHEMA_VERSION, type OpPayload, type OpType } from '$lib/domain/sync-protocol';
import { uuidv7 } from '$lib/domain/uuid';
import { applyOp } from './apply';
import { SYNCED_TABLE_NAMES, type HallDatabase, type OutboxEntry, type RejectedEntry } from './db';
import { LocalWriteError } from './write-error';
import { signalLocalWrite } from './write-signal';

/**
 * What a person can do with an op the server refused (DESIGN §2.4): send it again (after editing its payload,
 * or as it is once the cause is gone) or give it up. Nothing leaves the list any other way.
 */

/**
 * Queues the op again under a new op id: the server remembers the old id's rejection and would repeat it.
 * `payload` replaces the old one after the same validation as a fresh write.
 */
export async function retryRejected(db: HallDatabase, seq: number, payload?: unknown): Promise<void> {
	await db.transaction('rw', [...SYNCED_TABLE_NAMES, 'outbox', 'rejected'], async () => {
		const entry = await db.rejected.get(seq);
		if (!entry) return;
		const checked = OP_PAYLOADS[entry.type].safeParse(payload ?? entry.payload);
		if (!checked.success) {
			throw new LocalWriteError(
				'invalid',
				`Invalid ${entry.type} payload`,
				checked.error.issues.map((issue) => issue.path.join('.'))
			);
		}
		const { seq: _seq, code: _code, message: _message, rejected_at: _at, ...op } = entry;
		const again = {
			...op,
			payload: checked.data as OpPayload<OpType>,
			op_id: uuidv7(),
			created_at: new Date().toISOString(),
			schema_version: SCHEMA_VERSION
		} as OutboxEntry; // the payload was checked against this entry's own type just above
		await applyOp(db, again);
		await db.outbox.add(again);
		await db.rejected.delete(seq);
	});
	signalLocalWrite();
}

/**
 * Gives the op up, after the user confirmed. Rows that exist only because of it (never acknowledged, version 0)
 * go; for a change to a synced record the device pulls again from the start, so the server's value returns.
 */
export async function discardRejected(db: HallDatabase, seq: number): Promise<void> {
	await db.transaction('rw', [...SYNCED_TABLE_NAMES, 'rejected', 'sync_state'], async () => {
		const entry: RejectedEntry | undefined = await db.rejected.get(seq);
		if (!entry) return;
		await db.rejected.delete(seq);
		if (entry.type === 'service_record.open' || entry.type === 'service_record.add_event') {
			const table = entry.type === 'service_record.open' ? db.service_records : db.service_record_events;
			const row = await table.get(entry.payload.id);
			if (row?.version === 0) await table.delete(entry.payload.id);
		} else {
			await db.sync_state.update('state', { cursor: 0 });
		}
	});
}
