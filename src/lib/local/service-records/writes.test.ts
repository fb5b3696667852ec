import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { registry } from '$lib/features/registry';
import { STAFF } from '../../../../tests/support/fake-server';
import { LocalDb } from '../db';
import { prepareForUser } from '../device-data';
import { LocalWriteError } from '../write-error';
import { serviceRecordEvents } from './tables';
import { newServiceRecordEvent, openServiceRecord } from './writes';

async function signedInDb(name: string): Promise<LocalDb> {
	const db = new LocalDb(name, registry);
	await prepareForUser(db, STAFF);
	return db;
}

const ticket = { ticket_no: 'A023', ticket_date: '2026-11-25', raw_payload: 'A023' };

describe('service-record writes on the device', () => {
	it('scanning a ticket that already has a live record opens that record instead of a second one', async () => {
		const db = await signedInDb('writes-1');
		const first = await openServiceRecord(db, ticket);
		const again = await openServiceRecord(db, ticket);
		expect(again.id).toBe(first.id);
		expect(first.first_responder_name).toBe(STAFF.staff_name);
		expect(await db.outbox.count()).toBe(1);
	});

	it('bad input is refused with a typed error and stores nothing', async () => {
		const db = await signedInDb('writes-2');
		await expect(openServiceRecord(db, { ...ticket, ticket_no: 'a 23!' })).rejects.toMatchObject({
			reason: 'invalid'
		});
		const record = await openServiceRecord(db, ticket);
		expect(() =>
			newServiceRecordEvent(record.id, { kind: 'guide_to_window', window_no: null, note: null })
		).toThrow(LocalWriteError);
		expect(await db.outbox.count()).toBe(1);
		expect(await serviceRecordEvents.of(db).count()).toBe(0);
	});
});
