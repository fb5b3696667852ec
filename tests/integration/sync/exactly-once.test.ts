import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/lib/domain/service-record';
import { SYNC_LIMITS } from '../../../src/lib/domain/sync-protocol';
import type { UnsentOp } from './support/ops';
import { adminDb } from '../support/clients';
import { addEvent, openRecord } from './support/ops';
import { createAccount, removeAccounts, staff } from './support/people';
import { countRows } from './support/rows';
import { device, pull, pullAll, push, RpcError, type SyncClient } from './support/sync-client';

// DECISIONS §2.3–4: every op takes effect once, however often a device sends it, and one bad op never takes the
// rest of its batch down with it.

let db: pg.Pool;
let tablet: SyncClient;
beforeAll(async () => {
	db = adminDb();
	tablet = await device(staff.intake.email);
});
afterAll(async () => {
	await removeAccounts(db, ['nostaff@sync.test']);
	await db.end();
});

describe('replays', () => {
	it('an applied op sent again answers duplicate and changes nothing', async () => {
		const open = openRecord();
		expect(await push(tablet, [open])).toEqual([{ op_id: open.op_id, status: 'applied' }]);
		// To the end of the hall's changes: other test files (the fuzz suite) may have written more than a page.
		const { cursor } = await pullAll(tablet);

		expect(await push(tablet, [open])).toEqual([{ op_id: open.op_id, status: 'duplicate' }]);
		expect(await countRows(db, 'service_records', 'ticket_no', open.payload.ticket_no)).toBe(1);
		// Nothing changed, so nothing new to pull.
		expect((await pull(tablet, cursor)).changes).toEqual([]);
	});

	it('a batch whose response was lost after commit, sent again, has exactly one effect', async () => {
		const open = openRecord();
		const batch: UnsentOp[] = [
			open,
			addEvent(open.payload.id),
			addEvent(open.payload.id, { kind: 'precheck' })
		];
		await push(tablet, batch); // the device never saw this answer

		const again = await push(tablet, batch);
		expect(again.map((result) => result.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
		expect(await countRows(db, 'service_records', 'ticket_no', open.payload.ticket_no)).toBe(1);
		expect(await countRows(db, 'service_record_events', 'record_id', open.payload.id)).toBe(2);
	});

	it('a rejected op sent again is rejected the same way, and still changes nothing', async () => {
		const open = openRecord();
		const tooLong = addEvent(open.payload.id, { kind: 'note', note: '长'.repeat(LIMITS.note + 1) });
		await push(tablet, [open]);
		const first = await push(tablet, [tooLong]);
		expect(first[0]).toMatchObject({ status: 'rejected', code: 'validation' });

		expect(await push(tablet, [tooLong])).toEqual(first);
		expect(await countRows(db, 'service_record_events', 'record_id', open.payload.id)).toBe(0);
	});

	it('the same op twice in one batch takes effect once', async () => {
		const open = openRecord();
		const event = addEvent(open.payload.id);
		const results = await push(tablet, [open, event, event]);
		expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'duplicate']);
		expect(await countRows(db, 'service_record_events', 'record_id', open.payload.id)).toBe(1);
	});

	it('the same batch sent again while it is still running (a duplicated delivery, a relaunched app) has one effect', async () => {
		for (let round = 0; round < 3; round++) {
			const open = openRecord();
			const batch: UnsentOp[] = [open, ...Array.from({ length: 60 }, () => addEvent(open.payload.id))];
			const answers = await Promise.all([1, 2, 3, 4].map(() => push(tablet, batch)));

			// Each op is applied by one call and answered as a duplicate by the others; no call fails.
			for (const [index, op] of batch.entries()) {
				const statuses = answers.map((results) => results[index]?.status).sort();
				expect(statuses, op.op_id).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate']);
			}
			expect(await countRows(db, 'service_records', 'ticket_no', open.payload.ticket_no)).toBe(1);
			expect(await countRows(db, 'service_record_events', 'record_id', open.payload.id)).toBe(60);
		}
	});

	it('op ids are per user: another staff member’s op with the same id is applied, not a duplicate', async () => {
		const mine = openRecord();
		const theirs: UnsentOp = { ...openRecord(), op_id: mine.op_id };
		await push(tablet, [mine]);
		const colleague = await device(staff.assist.email);
		expect(await push(colleague, [theirs])).toEqual([{ op_id: mine.op_id, status: 'applied' }]);
	});
});

describe('a rejected op in the middle of a batch', () => {
	it('is rejected alone: the ops before and after it are applied, in order', async () => {
		const open = openRecord();
		const before = addEvent(open.payload.id, { kind: 'consult' });
		const bad = addEvent(open.payload.id, { kind: 'note', note: 'x'.repeat(LIMITS.note + 1) });
		const after = addEvent(open.payload.id, { kind: 'guide_to_window', window_no: 7 });

		const results = await push(tablet, [open, before, bad, after]);

		expect(results.map((result) => [result.op_id, result.status, result.code])).toEqual([
			[open.op_id, 'applied', undefined],
			[before.op_id, 'applied', undefined],
			[bad.op_id, 'rejected', 'validation'],
			[after.op_id, 'applied', undefined]
		]);
		expect(results[2]?.message).toMatch(/note is longer than 500/);
		const { rows } = await db.query<{ id: string }>(
			'select id from app.service_record_events where record_id = $1 order by occurred_at',
			[open.payload.id]
		);
		expect(rows.map((row) => row.id).sort()).toEqual([before.payload.id, after.payload.id].sort());
	});
});

describe('whole-call errors', () => {
	it('a batch over the limit is refused as a whole with a clear error, while a full batch is accepted', async () => {
		const limit = SYNC_LIMITS.maxPushBatch;
		const tooMany = Array.from({ length: limit + 1 }, () => openRecord());
		const error = await push(tablet, tooMany).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(RpcError);
		expect(error).toMatchObject({ code: 'P0001', message: 'batch_too_large' });
		expect((error as RpcError).details).toMatch(new RegExp(`at most ${limit} ops`));
		expect(await countRows(db, 'service_records', 'ticket_no', tooMany[0]?.payload.ticket_no ?? '')).toBe(0);

		const results = await push(tablet, tooMany.slice(0, limit));
		expect(results.filter((result) => result.status === 'applied')).toHaveLength(limit);
	});

	it('an account without a staff record gets the same not_staff error as me()', async () => {
		await createAccount(db, 'nostaff@sync.test');
		const visitor = await device('nostaff@sync.test');
		const error = await push(visitor, [openRecord()]).catch((caught: unknown) => caught);
		expect(error).toMatchObject({ code: 'P0001', message: 'not_staff' });
		const pulled = await pull(visitor, '0').catch((caught: unknown) => caught);
		expect(pulled).toMatchObject({ code: 'P0001', message: 'not_staff' });
		// Control: a staff member's push of the same kind of op works.
		expect((await push(tablet, [openRecord()]))[0]?.status).toBe('applied');
	});
});
