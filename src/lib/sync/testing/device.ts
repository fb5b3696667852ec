import { HallDatabase } from '$lib/local/db';
import { prepareForUser } from '$lib/local/device-data';
import { SyncEngine, type EngineOptions } from '../engine';
import { inProcessLock } from '../uploader-lock';
import { FakeServer, STAFF } from './fake-server';

let databases = 0;

/** A device for engine tests: its own IndexedDB (fake-indexeddb), signed in as STAFF, and an engine. */
export async function device(
	server: FakeServer,
	options: Partial<EngineOptions> & { dbName?: string } = {}
): Promise<{ db: HallDatabase; engine: SyncEngine }> {
	const db = new HallDatabase(options.dbName ?? `device-${++databases}`);
	await prepareForUser(db, STAFF);
	const engine = new SyncEngine({
		db,
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
