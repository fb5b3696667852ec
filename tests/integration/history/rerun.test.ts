import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory, hallToday } from '../../../supabase/local/demo-history';
import { adminDb, stack } from '../support/clients';
import { createTestHall, type TestHall } from './support/test-hall';

// The generator is deterministic (the same arguments, the same rows) and a later run replaces only what earlier
// runs generated: rows people made, and generated rows a person has since added to, stay.

const DAYS = 21;
let db: pg.Pool;
let hall: TestHall;
let anchor: string;

/** Every generated row of the hall, as text, without what any write stamps (version, updated_at). */
async function snapshot(): Promise<string[]> {
	const tables = [
		'service_records',
		'service_record_events',
		'prechecks',
		'precheck_rounds',
		'precheck_applicants',
		'patrol_rounds',
		'patrol_checks',
		'incidents',
		'incident_events',
		'incident_complainants',
		'visits',
		'follow_ups',
		'follow_up_events'
	];
	const { rows } = await db.query<{ row: string }>(
		tables
			.map(
				(table) =>
					`select '${table}:' || (to_jsonb(t) - 'version' - 'updated_at')::text as row from app.${table} t
					 where t.hall_id = $1`
			)
			.join(' union all ') + ' order by 1',
		[hall.id]
	);
	return rows.map((row) => row.row);
}

const staffId = async (post: string) =>
	(
		await db.query<{ id: string }>('select id from app.staff where hall_id = $1 and post = $2 limit 1', [
			hall.id,
			post
		])
	).rows[0]?.id;

beforeAll(async () => {
	db = adminDb();
	hall = await createTestHall(db, 'street_station');
	// Yesterday: a range wholly in the past, so now() moving on between runs changes nothing.
	anchor = new Date(Date.parse(`${hallToday()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
});
afterAll(async () => {
	await db.end();
});

describe('running the generator again', () => {
	it('with the same arguments writes the same rows', async () => {
		const first = await generateHistory(stack().databaseUrl, { anchor, days: DAYS, hallIds: [hall.id] });
		const before = await snapshot();
		expect(before.length).toBeGreaterThan(1000);
		const second = await generateHistory(stack().databaseUrl, { anchor, days: DAYS, hallIds: [hall.id] });
		expect(second.rows).toEqual(first.rows);
		expect(second.removed).toBe(Object.values(first.rows).reduce((sum, n) => sum + n, 0));
		expect(await snapshot()).toEqual(before);
	});

	it('keeps a record a person made in the range, and a generated record a person added to', async () => {
		const intake = await staffId('intake');
		const { rows: days } = await db.query<{ day: string; record: string }>(
			`select ticket_date::text as day, id as record from app.service_records
			 where hall_id = $1 and demo.is_workday(ticket_date) order by ticket_date, ticket_no limit 1`,
			[hall.id]
		);
		const { day, record: generatedRecord } = days[0] ?? { day: '', record: '' };
		const ownRecord = randomUUID();
		const ownEvent = randomUUID();
		const addedEvent = randomUUID();
		await db.query(
			`insert into app.service_records (id, hall_id, ticket_date, ticket_no, raw_payload, first_responder_id,
			   first_responder_name, opened_at)
			 values ($1, $2, $3, 'P001', 'P001', $4, '测受理', demo.at($3, 600))`,
			[ownRecord, hall.id, day, intake]
		);
		await db.query(
			`insert into app.service_record_events (id, record_id, hall_id, kind, note, staff_id, staff_name, occurred_at)
			 values ($1, $2, $3, 'consult', null, $4, '测受理', demo.at($5, 601)),
			   ($6, $7, $3, 'note', '补充说明', $4, '测受理', now())`,
			[ownEvent, ownRecord, hall.id, intake, day, addedEvent, generatedRecord]
		);
		const { rows: family } = await db.query<{ id: string }>(
			'select id from app.service_record_events where record_id = $1 order by id',
			[generatedRecord]
		);

		await generateHistory(stack().databaseUrl, { anchor, days: DAYS, hallIds: [hall.id] });

		const { rows: kept } = await db.query<{ id: string }>(
			`select id from app.service_records where id = any ($1)
			 union all select id from app.service_record_events where id = any ($2)`,
			[
				[ownRecord, generatedRecord],
				[ownEvent, addedEvent]
			]
		);
		expect(kept).toHaveLength(4);
		const { rows: familyAfter } = await db.query<{ id: string }>(
			'select id from app.service_record_events where record_id = $1 order by id',
			[generatedRecord]
		);
		expect(familyAfter).toEqual(family);
		const { rows: listed } = await db.query('select 1 from demo.generated where id = any ($1)', [
			[ownRecord, ownEvent, addedEvent]
		]);
		expect(listed).toEqual([]);
	});

	it('for a later anchor replaces the overlap and keeps what came before', async () => {
		const { rows: early } = await db.query<{ n: number }>(
			`select count(*)::int as n from demo.generated where hall_id = $1 and day < $2::date - $3::int + 7`,
			[hall.id, anchor, DAYS]
		);
		const later = await generateHistory(stack().databaseUrl, {
			anchor: hallToday(),
			days: DAYS - 7,
			hallIds: [hall.id]
		});
		expect(later.removed).toBeGreaterThan(0);
		const { rows: earlyAfter } = await db.query<{ n: number }>(
			`select count(*)::int as n from demo.generated where hall_id = $1 and day < $2::date - $3::int + 7`,
			[hall.id, anchor, DAYS]
		);
		expect(earlyAfter[0]?.n).toBe(early[0]?.n);
	});
});
