import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createAccount } from '../../sync/support/people';

/** The demo station of supabase/seed.sql, whose catalog, checkpoints, plan and enterprises a test hall copies. */
const station = 'a0000000-0000-4000-8000-000000000002';
const center = 'a0000000-0000-4000-8000-000000000001';

export interface TestHall {
	id: string;
	/** Its staff's sign-in e-mails (password demo1234), the manager's first. */
	emails: string[];
}

type Post = 'intake' | 'delivery' | 'assist' | 'manager';

/**
 * A hall of its own for a history test, made as the report benchmark makes extra halls: staff, a patrol plan and
 * checkpoints, catalog items and enterprises, copied from the demo station. Nothing in it is marked demo, so the
 * tests that count the seed's demo rows per hall never see it; generating into it changes no row another test
 * file relies on.
 */
export async function createTestHall(
	db: pg.Pool,
	kind: 'district_center' | 'street_station'
): Promise<TestHall> {
	const id = randomUUID();
	const tag = id.slice(0, 8);
	await db.query(
		`insert into app.halls (id, code, name, kind, parent_hall_id, ticket_format)
		 values ($1, $2, $3, $4, $5, '{"kind": "json", "field": "ticketNo", "date_field": "date"}')`,
		[id, `history-${tag}`, `历史测试大厅 ${tag}`, kind, kind === 'street_station' ? center : null]
	);
	const people: [Post, string][] = [
		['manager', '测经理'],
		['assist', '测帮办'],
		['assist', '测导办'],
		['intake', '测受理'],
		['delivery', '测出件']
	];
	const emails: string[] = [];
	for (const [index, [post, name]] of people.entries()) {
		const email = `history-${tag}-${index}@test.hall`;
		await createAccount(db, email, { hall: id, post, name });
		emails.push(email);
	}
	await copyStation(db, id);
	return { id, emails };
}

async function copyStation(db: pg.Pool, hall: string): Promise<void> {
	await db.query(
		`insert into app.checkpoints (id, hall_id, name_zh, name_en, position, instruction_zh, items)
		 select gen_random_uuid(), $1, name_zh, name_en, position, instruction_zh, items
		 from app.checkpoints where hall_id = $2 and retired_at is null`,
		[hall, station]
	);
	await db.query(
		`insert into app.patrol_plans (id, hall_id, windows, grace_minutes, min_scan_interval_seconds)
		 select gen_random_uuid(), $1, windows, grace_minutes, min_scan_interval_seconds
		 from app.patrol_plans where hall_id = $2`,
		[hall, station]
	);
	// Items and their first versions name each other: new ids for both, mapped in one statement.
	await db.query(
		`with source as (
		   select i.code, v.*, gen_random_uuid() as new_item, gen_random_uuid() as new_version
		   from app.service_items i join app.service_item_versions v on v.id = i.current_version_id
		   where i.hall_id = $2 and i.withdrawn_at is null
		 ),
		 manager as (select id, display_name from app.staff where hall_id = $1 and post = 'manager' limit 1),
		 items as (
		   insert into app.service_items (id, hall_id, code, current_version_id)
		   select new_item, $1, code, new_version from source
		 )
		 insert into app.service_item_versions (id, item_id, hall_id, revision, name_zh, name_en, scope, legal_days,
		   promised_days, where_to_apply, online_url, fee, aliases, search_keys, situations, questions, materials,
		   published_by, published_by_name, published_at)
		 select s.new_version, s.new_item, $1, 1, s.name_zh, s.name_en, s.scope, s.legal_days, s.promised_days,
		   s.where_to_apply, s.online_url, s.fee, s.aliases, s.search_keys, s.situations, s.questions, s.materials,
		   m.id, m.display_name, s.published_at
		 from source s, manager m`,
		[hall, station]
	);
	await db.query(
		`with source as (select e.*, gen_random_uuid() as new_id from app.enterprises e where e.hall_id = $2),
		 manager as (select id, display_name from app.staff where hall_id = $1 and post = 'manager' limit 1),
		 enterprises as (
		   insert into app.enterprises (id, hall_id, name, credit_code, street_code, address, latitude, longitude,
		     industry, visit_every_days, archived_at, created_at, updated_by, updated_by_name)
		   select s.new_id, $1, s.name, s.credit_code, s.street_code, s.address, s.latitude, s.longitude, s.industry,
		     s.visit_every_days, s.archived_at, now() - interval '200 days', m.id, m.display_name
		   from source s, manager m
		 ),
		 contacts as (
		   insert into app.enterprise_contacts (id, hall_id, enterprise_id, name, role, phone, created_by, created_by_name)
		   select gen_random_uuid(), $1, s.new_id, c.name, c.role, c.phone, m.id, m.display_name
		   from app.enterprise_contacts c join source s on s.id = c.enterprise_id, manager m
		 )
		 insert into app.enterprise_projects (id, hall_id, enterprise_id, name, stage, steward_id, steward_name, milestones)
		 select gen_random_uuid(), $1, s.new_id, p.name, p.stage, m.id, m.display_name, p.milestones
		 from app.enterprise_projects p join source s on s.id = p.enterprise_id, manager m`,
		[hall, station]
	);
}
