import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnsentOp } from './support/ops';
import { adminDb } from '../support/clients';
import { addEvent, minutesAgo, openRecord, uniqueTicket } from './support/ops';
import { staff, staffIdOf } from './support/people';
import { deviceView } from './support/rows';
import { device, pullAll, push, type SyncClient } from './support/sync-client';

// Two tablets offline both scan the same queue ticket and each starts a record with its own timeline. When they
// sync, the server keeps one record with both timelines; the earlier opening wins, whoever syncs first, and both
// tablets end up showing the same thing.

let db: pg.Pool;
let tabletA: SyncClient; // 李娜, intake: scanned the ticket first
let tabletB: SyncClient; // 张敏, assist: scanned it a few seconds later
beforeAll(async () => {
	db = adminDb();
	[tabletA, tabletB] = await Promise.all([device(staff.intake.email), device(staff.assist.email)]);
});
afterAll(async () => {
	await db.end();
});

interface OfflineWork {
	ticket: string;
	a: UnsentOp[];
	b: UnsentOp[];
	recordA: string;
	recordB: string;
	openedA: string;
	eventIds: string[];
}

/** What each tablet wrote while offline: A opened two minutes ago with one event, B a minute later with two. */
function offlineWork(): OfflineWork {
	const ticket = uniqueTicket();
	const openA = openRecord({ ticket_no: ticket, category: null, opened_at: minutesAgo(2) });
	const openB = openRecord({
		ticket_no: ticket,
		ticket_date: openA.payload.ticket_date,
		category: 'credit_repair',
		special_groups: ['elderly'],
		opened_at: minutesAgo(1)
	});
	const a = [openA, addEvent(openA.payload.id, { kind: 'consult' })];
	const b = [
		openB,
		addEvent(openB.payload.id, { kind: 'precheck' }),
		addEvent(openB.payload.id, { kind: 'guide_to_window', window_no: 3 })
	];
	const eventIds = [...a, ...b].flatMap((sent) =>
		sent.type === 'service_record.add_event' ? [sent.payload.id] : []
	);
	return {
		ticket,
		a,
		b,
		recordA: openA.payload.id,
		recordB: openB.payload.id,
		openedA: openA.payload.opened_at,
		eventIds
	};
}

/** The ticket's records and events as a tablet shows them after pulling everything. */
async function ticketAsSeenBy(tablet: SyncClient, work: OfflineWork) {
	const view = deviceView((await pullAll(tablet)).pages);
	const records = [...view.service_records.values()].filter((row) => row['ticket_no'] === work.ticket);
	const ids = new Set(records.map((row) => row['id']));
	const events = [...view.service_record_events.values()].filter((row) => ids.has(row['record_id']));
	return { records, events };
}

describe.each([
	['A syncs first', (work: OfflineWork) => [[tabletA, work.a] as const, [tabletB, work.b] as const]],
	['B syncs first', (work: OfflineWork) => [[tabletB, work.b] as const, [tabletA, work.a] as const]]
])('the same ticket opened offline on two tablets, %s', (_order, syncOrder) => {
	const work = offlineWork();
	beforeAll(async () => {
		for (const [tablet, ops] of syncOrder(work)) {
			const results = await push(tablet, ops);
			expect(results.map((result) => result.status)).toEqual(ops.map(() => 'applied'));
		}
	});

	it('ends as one live record, the earlier opening, with both timelines', async () => {
		const { records, events } = await ticketAsSeenBy(tabletA, work);
		const live = records.filter((row) => row['deleted_at'] === null);
		expect(live.map((row) => row['id'])).toEqual([work.recordA]);
		expect(live[0]).toMatchObject({
			first_responder_id: await staffIdOf(db, staff.intake.userId),
			first_responder_name: staff.intake.name,
			// Blank fields of the survivor are filled from the other opening; flags are combined.
			category: 'credit_repair',
			special_groups: ['elderly']
		});
		expect(Date.parse(String(live[0]?.['opened_at']))).toBe(Date.parse(work.openedA));
		expect(events.map((row) => row['id']).sort()).toEqual([...work.eventIds].sort());
		expect(new Set(events.map((row) => row['record_id']))).toEqual(new Set([work.recordA]));
	});

	it('keeps the later opening as a tombstone that points at the survivor', async () => {
		const { records } = await ticketAsSeenBy(tabletB, work);
		const tombstone = records.find((row) => row['id'] === work.recordB);
		expect(tombstone).toMatchObject({ merged_into: work.recordA, first_responder_name: staff.assist.name });
		expect(tombstone?.['deleted_at']).not.toBeNull();
	});

	it('shows both tablets exactly the same record and timeline', async () => {
		expect(await ticketAsSeenBy(tabletB, work)).toEqual(await ticketAsSeenBy(tabletA, work));
	});

	it('sends an event B queued later for its own record id to the survivor', async () => {
		const late = addEvent(work.recordB, { kind: 'note', note: '申请人补交了身份证复印件' });
		expect((await push(tabletB, [late]))[0]?.status).toBe('applied');
		const { rows } = await db.query<{ record_id: string }>(
			'select record_id from app.service_record_events where id = $1',
			[late.payload.id]
		);
		expect(rows).toEqual([{ record_id: work.recordA }]);
	});
});

describe('two openings at the same instant', () => {
	it('are decided by record id, so the outcome still does not depend on sync order', async () => {
		const ticket = uniqueTicket();
		const at = minutesAgo(1);
		const first = openRecord({
			ticket_no: ticket,
			opened_at: at,
			id: '01900000-0000-7000-8000-00000000a001'
		});
		const second = openRecord({
			ticket_no: ticket,
			ticket_date: first.payload.ticket_date,
			opened_at: at,
			id: '01900000-0000-7000-8000-00000000a002'
		});
		await push(tabletB, [second]);
		await push(tabletA, [first]);
		const { rows } = await db.query<{ id: string }>(
			'select id from app.service_records where ticket_no = $1 and deleted_at is null',
			[ticket]
		);
		expect(rows).toEqual([{ id: first.payload.id }]);
	});
});
