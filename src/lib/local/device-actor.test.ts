import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { registry } from '$lib/features/registry';
import { markSynced, storePage } from '$lib/sync/pull-steps';
import { STAFF } from '../../../tests/support/fake-server';
import { LocalDb } from './db';
import { readActor } from './device-actor';
import { prepareForUser, wipeSyncedData } from './device-data';

/** Lets Dexie's live queries run what the last write woke. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the device’s actor', () => {
	it('is read without waking on the engine’s own writes: a "mine" list does not re-run on every pull', async () => {
		const db = new LocalDb('device-actor-live', registry);
		await prepareForUser(db, STAFF);
		const seen: unknown[] = [];
		const subscription = liveQuery(() => readActor(db)).subscribe((actor) => seen.push(actor));
		// A reader of the engine's row, for contrast: the same writes wake it.
		let engineReads = 0;
		const engine = liveQuery(() => db.sync_state.get('state')).subscribe(() => engineReads++);
		await settle();
		expect(seen).toEqual([STAFF]);
		expect(engineReads).toBe(1);

		// An empty pull page (the cursor moves) and the end of a sync: the engine's row changes, not the actor's.
		await storePage(
			db,
			registry,
			STAFF.user_id,
			{ changes: [], cursor: '12', has_more: false, epoch: 1 },
			'0'
		);
		await markSynced(db, new Date());
		await settle();
		expect(engineReads).toBeGreaterThan(1);
		expect(seen).toHaveLength(1);

		// Signing out forgets it, and that is seen.
		await wipeSyncedData(db);
		await settle();
		expect(seen).toEqual([STAFF, null]);
		subscription.unsubscribe();
		engine.unsubscribe();
		db.close();
	});
});
