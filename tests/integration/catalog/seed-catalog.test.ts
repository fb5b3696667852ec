import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { serviceItemRow, serviceItemVersionRow } from '../../../src/lib/domain/service-catalog';
import { SEED_HALLS } from '../../../scripts/catalog-seed/catalog';
import { asCaller, type Caller } from '../rls/as-caller';
import { halls, people } from '../rls/demo-people';

// The demo catalog (supabase/seed-catalog.sql) as the stack loads it after seed.sql: what staff of each hall read,
// in the shape the app's row schemas accept.

let db: pg.Pool;
beforeAll(() => {
	db = new pg.Pool({ connectionString: inject('stack').databaseUrl, max: 2 });
});
afterAll(async () => {
	await db.end();
});

const centerStaff: Caller = { role: 'authenticated', userId: people.intake.id, email: people.intake.email };
const stationStaff: Caller = {
	role: 'authenticated',
	userId: people.stationAssist.id,
	email: people.stationAssist.email
};

async function catalogOf(caller: Caller): Promise<{ items: unknown[]; versions: unknown[] }> {
	return asCaller(db, caller, async (client) => {
		// to_jsonb gives timestamps and bigints as the API sends them.
		// Only the demo items: other test files publish their own items into the same database, in any order.
		const items = await client.query<{ row: unknown }>(
			'select to_jsonb(i) as row from app.service_items i where i.is_demo'
		);
		const versions = await client.query<{ row: unknown }>(
			`select to_jsonb(v) as row from app.service_item_versions v
			 join app.service_items i on i.id = v.item_id and i.is_demo and v.revision = 1`
		);
		return { items: items.rows.map((r) => r.row), versions: versions.rows.map((r) => r.row) };
	});
}

describe('the demo catalog in the database', () => {
	it.each([
		{ hall: 'district center', caller: centerStaff, hallId: halls.center, index: 0 },
		{ hall: 'street station', caller: stationStaff, hallId: halls.station, index: 1 }
	])('gives the $hall’s staff their own demo items, each with its first version', async (c) => {
		const { items, versions } = await catalogOf(c.caller);
		const expected = SEED_HALLS[c.index]!.items;
		const itemRows = items.map((row) => serviceItemRow.parse(row));
		const versionRows = versions.map((row) => serviceItemVersionRow.parse(row));
		expect(itemRows.map((item) => item.code).sort()).toEqual(expected.map((item) => item.code).sort());
		expect(itemRows.every((item) => item.hall_id === c.hallId && item.is_demo)).toBe(true);
		// Other test files may withdraw a demo item or publish its next version: the seed's own is revision 1.
		for (const item of itemRows) {
			const first = versionRows.find((version) => version.item_id === item.id);
			expect(first?.revision, item.code).toBe(1);
			expect(first?.name_zh).toBe(expected.find((draft) => draft.code === item.code)?.name_zh);
			expect(first?.version).toBeGreaterThan(0);
		}
	});

	it('is published by the hall’s demo manager, under the name staff know', async () => {
		const { rows } = await db.query<{ hall_id: string; post: string; name: string; count: string }>(
			`select v.hall_id, s.post::text as post, v.published_by_name as name, count(*)
			 from app.service_item_versions v join app.staff s on s.id = v.published_by and s.hall_id = v.hall_id
			 join app.service_items i on i.id = v.item_id and i.is_demo and v.revision = 1
			 group by 1, 2, 3 order by 1`
		);
		expect(rows).toEqual([
			{ hall_id: halls.center, post: 'manager', name: '刘洋', count: String(SEED_HALLS[0]!.items.length) },
			{ hall_id: halls.station, post: 'manager', name: '林涛', count: String(SEED_HALLS[1]!.items.length) }
		]);
	});
});
