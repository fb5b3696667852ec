import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '$lib/domain/sync-protocol';
import { rejectionMessage } from '$lib/sync/messages';
import { STAFF } from '$lib/sync/testing/fake-server';
import { HallDatabase } from './db';
import { prepareForUser } from './device-data';
import { addServiceRecordEvent, openServiceRecord } from './service-records';
import { LocalWriteError } from './write-error';

async function signedInDb(name: string): Promise<HallDatabase> {
	const db = new HallDatabase(name);
	await prepareForUser(db, STAFF);
	return db;
}

const ticket = { ticket_no: 'A023', ticket_date: '2026-11-25', raw_payload: 'A023' };

describe('service-record writes on the device', () => {
	it('scanning a ticket that already has a live record opens that record instead of a second one', async () => {
		const db = await signedInDb('writes-1');
		const first = await openServiceRecord(ticket, db);
		const again = await openServiceRecord(ticket, db);
		expect(again.id).toBe(first.id);
		expect(first.first_responder_name).toBe(STAFF.staff_name);
		expect(await db.outbox.count()).toBe(1);
	});

	it('bad input is refused with a typed error and stores nothing', async () => {
		const db = await signedInDb('writes-2');
		await expect(openServiceRecord({ ...ticket, ticket_no: 'a 23!' }, db)).rejects.toMatchObject({
			reason: 'invalid'
		});
		const record = await openServiceRecord(ticket, db);
		await expect(
			addServiceRecordEvent({ record_id: record.id, kind: 'guide_to_window' }, db)
		).rejects.toBeInstanceOf(LocalWriteError);
		expect(await db.outbox.count()).toBe(1);
		expect(await db.service_record_events.count()).toBe(0);
	});

	it('every rejection code the server can send has its own Chinese reason', () => {
		const messages = REJECTION_CODES.map(rejectionMessage);
		expect(new Set(messages).size).toBe(REJECTION_CODES.length);
		for (const message of messages) expect(message).toMatch(/[\u4e00-\u9fff]/);
		expect(rejectionMessage('PGRST102')).toContain('PGRST102');
	});
});
