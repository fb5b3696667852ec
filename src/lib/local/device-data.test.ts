import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { FIRST_CURSOR } from '$lib/domain/sync-protocol';
import { registry } from '$lib/features/registry';
import { STAFF } from '../../../tests/support/fake-server';
import { LocalDb } from './db';
import { readActor } from './device-actor';
import { prepareForUser } from './device-data';
import { serviceRecords } from './service-records/tables';
import { openServiceRecord } from './service-records/writes';

const COLLEAGUE = {
	user_id: '0190a000-0000-7000-8000-000000000011',
	staff_id: '0190a000-0000-7000-8000-000000000012',
	staff_name: '李静',
	hall_id: STAFF.hall_id
};
const ticket = { ticket_no: 'A023', ticket_date: '2026-11-25', raw_payload: 'A023' };

describe('whose data the device holds', () => {
	it('a device never used stores its first user and pulls from the start', async () => {
		const db = new LocalDb('device-data-1', registry);
		await prepareForUser(db, STAFF);
		expect(await readActor(db)).toMatchObject({ staff_id: STAFF.staff_id });
		expect(await db.sync_state.get('state')).toMatchObject({ user_id: STAFF.user_id, cursor: FIRST_CURSOR });
	});

	it('the same user keeps the rows; another starts clean, and the unsent work stays with its author', async () => {
		const db = new LocalDb('device-data-2', registry);
		await prepareForUser(db, STAFF);
		const record = await openServiceRecord(db, ticket);
		await db.sync_state.update('state', { cursor: '42' });
		await prepareForUser(db, STAFF);
		expect(await serviceRecords.of(db).get(record.id)).toBeDefined();
		expect((await db.sync_state.get('state'))?.cursor).toBe('42');
		await prepareForUser(db, COLLEAGUE);
		expect(await serviceRecords.of(db).count()).toBe(0);
		expect(await db.sync_state.get('state')).toMatchObject({
			user_id: COLLEAGUE.user_id,
			cursor: FIRST_CURSOR
		});
		expect(await readActor(db)).toMatchObject({ staff_id: COLLEAGUE.staff_id });
		expect((await db.outbox.toArray()).map((entry) => entry.actor.user_id)).toEqual([STAFF.user_id]);
	});
});
