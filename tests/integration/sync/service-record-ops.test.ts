import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallDate } from '../../../src/lib/domain/hall-time';
import type { UnsentOp } from './support/ops';
import { adminDb } from '../support/clients';
import { op, openRecord, uniqueTicket } from './support/ops';
import { staff } from './support/people';
import { device, push, type SyncClient } from './support/sync-client';

// The service_record.* writing functions beyond rejections and merges: defaults, last writer wins, and
// re-sent opens.

let db: pg.Pool;
let tablet: SyncClient;
beforeAll(async () => {
	db = adminDb();
	tablet = await device(staff.intake.email);
});
afterAll(async () => {
	await db.end();
});

async function record(id: string): Promise<Record<string, unknown> | undefined> {
	const { rows } = await db.query<Record<string, unknown>>(
		`select ticket_date::text, category, special_groups::text[], green_channel, deleted_at
		 from app.service_records where id = $1`,
		[id]
	);
	return rows[0];
}

describe('service_record.open', () => {
	it('without a ticket date is rejected, naming the field, and stores nothing', async () => {
		const open = openRecord();
		const { ticket_date: _omitted, ...payload } = open.payload;
		const [result] = await push(tablet, [{ ...open, payload }]);
		expect(result).toMatchObject({ status: 'rejected', code: 'validation' });
		expect(result?.message).toContain('ticket_date');
		expect(await record(open.payload.id)).toBeUndefined();
	});

	it('stores special groups as a set in a fixed order, so equal choices compare equal', async () => {
		const open = openRecord({ special_groups: ['foreigner', 'elderly', 'foreigner'] });
		await push(tablet, [open]);
		expect(await record(open.payload.id)).toMatchObject({ special_groups: ['elderly', 'foreigner'] });
	});

	it('sent again under a new op id (the same record) changes nothing', async () => {
		const open = openRecord({ category: 'consultation' });
		await push(tablet, [open]);
		const resent = {
			...open,
			op_id: crypto.randomUUID(),
			payload: { ...open.payload, category: 'one_thing' }
		};
		expect((await push(tablet, [resent as UnsentOp]))[0]?.status).toBe('applied');
		expect(await record(open.payload.id)).toMatchObject({ category: 'consultation' });
		const { rows } = await db.query('select 1 from app.service_records where ticket_no = $1', [
			open.payload.ticket_no
		]);
		expect(rows).toHaveLength(1);
	});

	it('the same ticket on another day is another record', async () => {
		const ticket = uniqueTicket();
		// Yesterday's ticket scanned today (a visitor back with an old slip) is not today's ticket of that number.
		const yesterday = openRecord({
			ticket_no: ticket,
			ticket_date: hallDate(new Date(Date.now() - 86_400_000))
		});
		const today = openRecord({ ticket_no: ticket });
		await push(tablet, [yesterday, today]);
		expect(await record(yesterday.payload.id)).toMatchObject({ deleted_at: null });
		expect(await record(today.payload.id)).toMatchObject({ deleted_at: null });
	});
});

describe('service_record.update', () => {
	it('changes only the fields it names; the last one the server receives wins', async () => {
		const open = openRecord({ category: 'consultation', special_groups: ['elderly'] });
		const colleague = await device(staff.assist.email);
		await push(tablet, [open, op('service_record.update', { id: open.payload.id, green_channel: true })]);
		await push(colleague, [op('service_record.update', { id: open.payload.id, category: 'credit_repair' })]);
		await push(tablet, [op('service_record.update', { id: open.payload.id, category: null })]);
		expect(await record(open.payload.id)).toMatchObject({
			category: null,
			special_groups: ['elderly'],
			green_channel: true
		});
	});
});
