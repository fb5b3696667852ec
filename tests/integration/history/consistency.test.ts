import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory, hallToday, type HistoryResult } from '../../../supabase/local/demo-history';
import { adminDb, stack } from '../support/clients';
import { device, pullAll } from '../sync/support/sync-client';
import { RULE_BREAKERS } from './support/checks';
import { createTestHall, type TestHall } from './support/test-hall';

// Demo history (supabase/demo/history.sql, docs/HISTORY.md) generated into two halls of this file's own, one the
// size of the district center and one of a street station, up to now: every workflow's rules hold in it, the
// volumes and open days are as documented, and a device of the hall pulls it.

const DAYS = 28;
let db: pg.Pool;
let center: TestHall;
let station: TestHall;
let result: HistoryResult;

beforeAll(async () => {
	db = adminDb();
	center = await createTestHall(db, 'district_center');
	station = await createTestHall(db, 'street_station');
	result = await generateHistory(stack().databaseUrl, {
		anchor: hallToday(),
		days: DAYS,
		hallIds: [center.id, station.id]
	});
});
afterAll(async () => {
	await db.end();
});

describe('generated history', () => {
	it('fills every workflow of both halls', () => {
		expect(result.halls.sort()).toEqual([center.id, station.id].sort());
		for (const table of [
			'service_records',
			'service_record_events',
			'prechecks',
			'precheck_rounds',
			'patrol_rounds',
			'patrol_checks',
			'incidents',
			'incident_events',
			'visits'
		]) {
			expect(result.rows[table], table).toBeGreaterThan(0);
		}
	});

	it.each(Object.entries(RULE_BREAKERS))('%s', async (_rule, sql) => {
		const { rows } = await db.query(sql, [[center.id, station.id]]);
		expect(rows).toEqual([]);
	});

	it('has each hall’s daily volume on working days, and at most a few appointments on weekends', async () => {
		const { rows } = await db.query<{ hall_id: string; workday: boolean; low: number; high: number }>(
			`select hall_id, demo.is_workday(ticket_date) as workday, min(n)::int as low, max(n)::int as high
			 from (select hall_id, ticket_date, count(*) as n from app.service_records
			   where hall_id = any ($1) and ticket_date < app.hall_day(now()) group by 1, 2) days
			 group by 1, 2`,
			[[center.id, station.id]]
		);
		const volume = (hall: string, workday: boolean) =>
			rows.find((row) => row.hall_id === hall && row.workday === workday);
		expect(volume(center.id, true)?.low).toBeGreaterThanOrEqual(120);
		expect(volume(center.id, true)?.high).toBeLessThanOrEqual(180);
		expect(volume(station.id, true)?.low).toBeGreaterThanOrEqual(25);
		expect(volume(station.id, true)?.high).toBeLessThanOrEqual(45);
		expect(volume(center.id, false)?.high ?? 0).toBeLessThanOrEqual(3);
		expect(volume(station.id, false)?.high ?? 0).toBeLessThanOrEqual(1);
	});

	it('has the documented shares: elderly ~8 %, most special visitors in the green channel, ~60 % complete first', async () => {
		const { rows } = await db.query<{ elderly: number; green: number; first: number }>(
			`select avg(('elderly' = any (r.special_groups))::int)::float as elderly,
			   (avg(r.green_channel::int) filter (where cardinality(r.special_groups) > 0))::float as green,
			   (select avg((x.result = 'complete')::int)::float from app.precheck_rounds x
			     where x.hall_id = $1 and x.round_no = 1) as first
			 from app.service_records r where r.hall_id = $1`,
			[center.id]
		);
		expect(rows[0]?.elderly).toBeGreaterThan(0.05);
		expect(rows[0]?.elderly).toBeLessThan(0.11);
		expect(rows[0]?.green).toBeGreaterThan(0.7);
		expect(rows[0]?.first).toBeGreaterThan(0.5);
		expect(rows[0]?.first).toBeLessThan(0.7);
	});

	it('leaves some incidents and notices open, as the last days’ would be', async () => {
		const { rows } = await db.query<{ open_incidents: number; open_notices: number }>(
			`select (select count(*)::int from app.incidents where hall_id = any ($1) and status <> 'closed') as open_incidents,
			   (select count(*)::int from app.prechecks where hall_id = any ($1) and status = 'open') as open_notices`,
			[[center.id, station.id]]
		);
		expect(rows[0]?.open_incidents).toBeGreaterThan(0);
		expect(rows[0]?.open_notices).toBeGreaterThan(0);
	});

	it('is listed as generated, row for row', async () => {
		const { rows } = await db.query<{ table_name: string; n: number }>(
			`select table_name, count(*)::int as n from demo.generated where hall_id = any ($1) group by 1`,
			[[center.id, station.id]]
		);
		expect(Object.fromEntries(rows.map((row) => [row.table_name, row.n]))).toEqual(
			Object.fromEntries(Object.entries(result.rows).filter(([, n]) => n > 0))
		);
	});

	it('reaches a device of the hall: its first pull brings the last days, stamped with versions', async () => {
		const tablet = await device(station.emails[1] ?? '');
		// By table and id: an applicant's row has its pre-check's id.
		const versions = new Map<string, unknown>();
		for (const page of (await pullAll(tablet, '0', 1000)).pages) {
			for (const change of page.changes) {
				versions.set(`${change.table}/${String(change.row['id'])}`, change.row['version']);
			}
		}
		const { rows: recent } = await db.query<{ table_name: string; id: string }>(
			`select table_name, id from demo.generated where hall_id = $1 and day >= app.hall_day(now()) - 3
			 and table_name in ('service_records', 'service_record_events', 'patrol_rounds', 'prechecks')`,
			[station.id]
		);
		expect(recent.length).toBeGreaterThan(0);
		for (const row of recent) {
			expect(
				Number(versions.get(`${row.table_name}/${row.id}`)),
				`${row.table_name} ${row.id}`
			).toBeGreaterThan(0);
		}
	});
});
