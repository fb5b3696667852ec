import { registry } from '../../src/lib/features/registry';
import { LocalDb } from '../../src/lib/local/db';
import type { NewEvent } from '../../src/lib/domain/service-record';
import { prepareForUser } from '../../src/lib/local/device-data';
import { addServiceRecordEvent, newServiceRecordEvent } from '../../src/lib/local/service-records/writes';
import { SyncEngine, type EngineOptions } from '../../src/lib/sync/engine';
import { inProcessLock } from '../../src/lib/sync/uploader-lock';
import { FakeServer, STAFF } from './fake-server';

let databases = 0;

/** A device for engine tests: its own IndexedDB (fake-indexeddb), the app's registry, signed in as STAFF. */
export async function device(
	server: FakeServer,
	options: Partial<EngineOptions> & { dbName?: string } = {}
): Promise<{ db: LocalDb; engine: SyncEngine }> {
	const db = new LocalDb(options.dbName ?? `device-${++databases}`, registry);
	await prepareForUser(db, STAFF);
	const engine = new SyncEngine({
		db,
		registry,
		backend: server,
		userId: STAFF.user_id,
		lock: inProcessLock(),
		// The middle of the jitter range: waits are predictable, and still shorter than the cap.
		random: () => 0.5,
		backoff: { baseMs: 1_000, capMs: 60_000 },
		...options
	});
	return { db, engine };
}

export const TODAY = '2026-11-25';

export function ticket(ticket_no: string): { ticket_no: string; ticket_date: string; raw_payload: string } {
	return { ticket_no, ticket_date: TODAY, raw_payload: ticket_no };
}

/** A step recorded on a record, as a tap on its page makes and stores it. */
export function addEventOn(db: LocalDb, recordId: string, input: NewEvent): Promise<void> {
	return addServiceRecordEvent(db, newServiceRecordEvent(recordId, input));
}
