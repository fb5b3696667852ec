-- DEMO DATA GENERATOR, not a migration: never deployed, run only against local or demo databases (docs/HISTORY.md).
-- `demo.generate_history(anchor, days, hall_ids)` writes a hall's past: service records with their events,
-- pre-checks with notices and return visits, patrol rounds, incidents through their lifecycle, visits to key
-- enterprises and their follow-ups, for the `days` hall days before `anchor` (and, when anchor is the hall's
-- today, today up to now()). Everything is made by the hall's demo staff (supabase/seed.sql), straight into the
-- tables as the superuser, through the tables' triggers (versions are stamped as for any write, so devices pull
-- the rows) and within their check constraints and the workflows' rules.
--
-- Deterministic: no random(); every choice is demo.rand(key), a fraction from the md5 of a key naming the hall,
-- the day, the kind and the row; ids are demo.uuid_of(key). The same arguments give the same rows. Every row is
-- listed in demo.generated; a run first deletes what earlier runs generated for its halls and days (never a row
-- a person made, nor a generated row a person has since added to).
--
-- One file, so `psql -f` loads it whole; the workflows' generators are the functions demo.gen_*.

create schema if not exists demo;
comment on schema demo is 'Demo history generator (supabase/demo/history.sql); never in production.';

create table if not exists demo.generated (
	table_name text not null,
	id uuid not null,
	hall_id uuid not null,
	-- The hall day of the activity the row belongs to (a return visit belongs to its pre-check's day).
	day date not null,
	primary key (table_name, id)
);
create index if not exists generated_hall_day_idx on demo.generated (hall_id, day);
comment on table demo.generated is 'Every row demo.generate_history wrote, so a later run can replace exactly those.';

-- ─── Determinism ──────────────────────────────────────────────────────────────────────────────────────────────

/** A fraction in [0, 1) from a key: the first 52 bits of its md5. */
create or replace function demo.rand(key text)
returns double precision
language sql
immutable
parallel safe
as $$
	select ('x' || left(md5(key), 13))::bit(52)::bigint / 4503599627370496.0
$$;

/** A version-4-shaped uuid from a key: the same key, the same id. */
create or replace function demo.uuid_of(key text)
returns uuid
language sql
immutable
parallel safe
as $$
	select overlay(overlay(md5('hall-assist-demo/' || key) placing '4' from 13) placing 'a' from 17)::uuid
$$;

/** An element of a text array chosen by a fraction. */
create or replace function demo.pick_text(choices text[], f double precision)
returns text
language sql
immutable
parallel safe
as $$
	select choices[1 + floor(f * cardinality(choices))::int]
$$;

/** The generator's open days: Monday to Friday (no holiday calendar yet). */
create or replace function demo.is_workday(day date)
returns boolean
language sql
immutable
parallel safe
as $$
	select extract(isodow from day) < 6
$$;

/** The day itself when open, else the Monday after. */
create or replace function demo.next_workday(day date)
returns date
language sql
immutable
parallel safe
as $$
	select day + case extract(isodow from day)::int when 6 then 2 when 7 then 1 else 0 end
$$;

/** `minutes` after midnight of a hall day (UTC+8), as an instant. */
create or replace function demo.at(day date, minutes double precision)
returns timestamptz
language sql
immutable
parallel safe
as $$
	select (day::timestamp at time zone 'UTC') - interval '8 hours' + minutes * interval '1 minute'
$$;

/**
 * A visitor's arrival, in minutes after midnight: the hall opens at 9:00 and closes at 17:00, with peaks from 9
 * to 11 and 14 to 16 and a lull at lunch (half-hour weights below, from 9:00).
 */
create or replace function demo.arrival_minute(slot_fraction double precision, within double precision)
returns double precision
language sql
immutable
parallel safe
as $$
	-- Half-hour slots from 9:00 with weights 14 16 16 14 10 7 3 3 5 8 13 14 14 12 8 4 (of 161), as thresholds.
	select case
		when slot_fraction * 161 < 14 then 540
		when slot_fraction * 161 < 30 then 570
		when slot_fraction * 161 < 46 then 600
		when slot_fraction * 161 < 60 then 630
		when slot_fraction * 161 < 70 then 660
		when slot_fraction * 161 < 77 then 690
		when slot_fraction * 161 < 80 then 720
		when slot_fraction * 161 < 83 then 750
		when slot_fraction * 161 < 88 then 780
		when slot_fraction * 161 < 96 then 810
		when slot_fraction * 161 < 109 then 840
		when slot_fraction * 161 < 123 then 870
		when slot_fraction * 161 < 137 then 900
		when slot_fraction * 161 < 149 then 930
		when slot_fraction * 161 < 157 then 960
		else 990 end + 30 * within
$$;

/** A made-up person's name. */
create or replace function demo.person_name(key text)
returns text
language sql
immutable
parallel safe
as $$
	select demo.pick_text(array['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'],
			demo.rand(key || '/surname'))
		|| demo.pick_text(array['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建华',
			'海燕', '志强', '丽娟', '国庆', '淑珍'], demo.rand(key || '/given'))
$$;

/** A made-up mobile number in the 138 0000 test range. */
create or replace function demo.phone(key text)
returns text
language sql
immutable
parallel safe
as $$
	select '1380000' || lpad(floor(demo.rand(key || '/phone') * 10000)::int::text, 4, '0')
$$;

-- ─── The run ──────────────────────────────────────────────────────────────────────────────────────────────────

-- What one run covers, per hall; refilled by every run (one run at a time: generate_history takes a lock).
create table if not exists demo.run (
	hall_id uuid primary key,
	kind text not null,
	ticket_format jsonb not null,
	from_day date not null,
	to_day date not null,
	-- Nothing happens after this instant: now() when the anchor is today, else the anchor day's first moment.
	horizon timestamptz not null,
	-- Visitors on an average working day, and the hall's numbered windows.
	visitors int not null,
	windows int not null
);

create table if not exists demo.run_days (
	hall_id uuid not null,
	day date not null,
	workday boolean not null,
	visitors int not null,
	primary key (hall_id, day)
);

-- ─── Who works where ──────────────────────────────────────────────────────────────────────────────────────────

-- The staff each role draws from, per hall, refilled by every run. A hall with demo staff uses only them.
create table if not exists demo.staff_pool (
	hall_id uuid not null,
	role text not null,
	k int not null,
	n int not null,
	staff_id uuid not null,
	name text not null,
	primary key (hall_id, role, k)
);

/** The staff member of `role` in `hall` a fraction picks; no row when the hall has nobody for the role. */
create or replace function demo.pick_staff(hall uuid, role text, f double precision)
returns table (staff_id uuid, name text)
language sql
stable
as $$
	select p.staff_id, p.name from demo.staff_pool p
	where p.hall_id = hall and p.role = pick_staff.role
		and p.k = (select floor(f * z.n)::int from demo.staff_pool z
			where z.hall_id = hall and z.role = pick_staff.role and z.k = 0)
$$;

/**
 * Fills demo.staff_pool for the run's halls. Roles, each with fallbacks when a hall has nobody of the post:
 * front (guidance desk and intake: assist, intake), window (intake), delivery (result delivery), manager, any
 * (everyone but managers).
 */
create or replace function demo.fill_staff_pool()
returns void
language sql
as $$
	delete from demo.staff_pool;
	with base as (
		select s.hall_id, s.id, s.display_name, s.post::text as post
		from app.staff s join demo.run r on r.hall_id = s.hall_id
		where s.active and (s.is_demo or not exists (
			select 1 from app.staff d where d.hall_id = s.hall_id and d.active and d.is_demo))
	),
	tiers (role, tier, posts) as (values
		('front', 1, array['assist', 'intake']), ('front', 2, null),
		('window', 1, array['intake']), ('window', 2, array['assist', 'delivery']), ('window', 3, null),
		('delivery', 1, array['delivery']), ('delivery', 2, array['intake', 'assist']), ('delivery', 3, null),
		('manager', 1, array['manager']),
		('any', 1, array['assist', 'intake', 'delivery']), ('any', 2, null)
	),
	candidates as (
		select t.role, t.tier, b.* from tiers t join base b on t.posts is null or b.post = any (t.posts)
	),
	chosen as (
		select c.* from candidates c
		where c.tier = (select min(o.tier) from candidates o where o.hall_id = c.hall_id and o.role = c.role)
	)
	insert into demo.staff_pool (hall_id, role, k, n, staff_id, name)
	select hall_id, role, (row_number() over w - 1)::int, (count(*) over (partition by hall_id, role))::int, id,
		display_name
	from chosen
	window w as (partition by hall_id, role order by id);
$$;

-- ─── Service records ──────────────────────────────────────────────────────────────────────────────────────────

/** A visitor's business category by a fraction: the center sees more enterprise and approval work. */
create or replace function demo.category_of(kind text, f double precision)
returns text
language sql
immutable
parallel safe
as $$
	-- Cumulative shares in percent; the last 6 % have no category yet.
	select case when kind = 'district_center' then case
			when f * 100 < 24 then 'consultation'
			when f * 100 < 44 then 'other_approval'
			when f * 100 < 59 then 'enterprise_setup'
			when f * 100 < 69 then 'unified_certificate'
			when f * 100 < 77 then 'one_thing'
			when f * 100 < 84 then 'construction_project'
			when f * 100 < 90 then 'cross_province'
			when f * 100 < 94 then 'credit_repair'
		end else case
			when f * 100 < 35 then 'consultation'
			when f * 100 < 65 then 'other_approval'
			when f * 100 < 69 then 'enterprise_setup'
			when f * 100 < 75 then 'unified_certificate'
			when f * 100 < 85 then 'one_thing'
			when f * 100 < 86 then 'construction_project'
			when f * 100 < 92 then 'cross_province'
			when f * 100 < 94 then 'credit_repair'
		end end
$$;

/** The queue machine's letter of a category (Y: a weekend appointment). */
create or replace function demo.ticket_prefix(category text, workday boolean)
returns text
language sql
immutable
parallel safe
as $$
	select case when not workday then 'Y' else case category
		when 'enterprise_setup' then 'A' when 'construction_project' then 'B' when 'cross_province' then 'C'
		when 'one_thing' then 'D' when 'other_approval' then 'E' when 'unified_certificate' then 'F'
		when 'credit_repair' then 'G' when 'consultation' then 'Z' else 'H' end end
$$;

/** What the hall's queue machine prints in the ticket's QR code (its ticket_format). */
create or replace function demo.ticket_payload(format jsonb, ticket_no text, day date)
returns text
language sql
immutable
parallel safe
as $$
	select case format ->> 'kind'
		when 'url' then format('https://qh.hbzwfw.tj.cn/q?%s=%s', format ->> 'param', ticket_no)
			|| coalesce(format('&%s=%s', format ->> 'date_param', day), '')
		when 'json' then (jsonb_build_object(format ->> 'field', ticket_no)
			|| coalesce(jsonb_build_object(format ->> 'date_field', day::text), '{}'))::text
		else ticket_no end
$$;

/**
 * g_sr: the visitors of each day, one service record per ticket. Workdays: the hall's volume on the arrival
 * curve; weekends: a few 7×24 appointments in the center. Special groups in believable shares (elderly ~8 %),
 * the green channel for most of them; ~20 % of business visitors are pre-checked at the desk (gen_prechecks).
 */
create or replace function demo.gen_service_records()
returns void
language plpgsql
set search_path = ''
as $$
begin
	drop table if exists g_sr;
	create temp table g_sr on commit drop as
	with visitors as (
		select d.hall_id, d.day, d.workday, r.kind, r.ticket_format, r.horizon, n,
			concat_ws('/', d.hall_id, d.day, 'record', n) as k
		from demo.run_days d join demo.run r using (hall_id) cross join generate_series(1, d.visitors) n
	),
	drawn as (
		select v.*,
			case when v.workday then demo.category_of(v.kind, demo.rand(v.k || '/category'))
				else demo.pick_text(array['enterprise_setup', 'cross_province', 'one_thing'], demo.rand(v.k || '/category'))
			end as category,
			demo.at(v.day, case when v.workday
				then demo.arrival_minute(demo.rand(v.k || '/slot'), demo.rand(v.k || '/minute'))
				else 600 + 120 * demo.rand(v.k || '/slot') end) as opened_at,
			array_remove(array[
				case when demo.rand(v.k || '/elderly') < 0.08 then 'elderly' end,
				case when demo.rand(v.k || '/disabled') < 0.02 then 'disabled' end,
				case when demo.rand(v.k || '/pregnant') < 0.015 then 'pregnant' end,
				case when demo.rand(v.k || '/foreigner') < case when v.kind = 'district_center' then 0.01 else 0.003 end
					then 'foreigner' end
			], null)::app.special_group[] as special_groups
		from visitors v
	),
	numbered as (
		select d.*, demo.ticket_prefix(d.category, d.workday)
			|| lpad((row_number() over (partition by d.hall_id, d.day, demo.ticket_prefix(d.category, d.workday)
				order by d.opened_at, d.n))::text, 3, '0') as ticket_no
		from drawn d
	)
	select demo.uuid_of(n.k) as id, n.hall_id, n.day, n.k, n.ticket_no,
		demo.ticket_payload(n.ticket_format, n.ticket_no, n.day) as raw_payload,
		n.category::app.business_category as category, n.special_groups,
		case when cardinality(n.special_groups) > 0 then demo.rand(n.k || '/green') < 0.85
			else demo.rand(n.k || '/green') < 0.01 end as green_channel,
		f.staff_id as first_responder_id, f.name as first_responder_name, n.opened_at,
		n.workday and n.category not in ('consultation') and demo.rand(n.k || '/precheck') < 0.2 as wants_precheck
	from numbered n
	cross join lateral demo.pick_staff(n.hall_id, 'front', demo.rand(n.k || '/responder')) f
	where n.opened_at <= n.horizon
		-- A ticket a person already recorded that day keeps its record: the generated visitor stays away.
		and not exists (select 1 from app.service_records r where r.hall_id = n.hall_id and r.ticket_date = n.day
			and r.ticket_no = n.ticket_no and r.deleted_at is null);
end;
$$;

/**
 * g_sre: each record's timeline, in time order. First a consult (or the pre-check), then for business visitors
 * the guidance to a window and the acceptance there; results handed out later (notify_pickup, picked_up) or
 * mailed; now and then a note. An incomplete pre-check ends the visit: the applicant leaves with the notice.
 */
create or replace function demo.gen_record_events()
returns void
language plpgsql
set search_path = ''
as $$
begin
	drop table if exists g_sre;
	create temp table g_sre on commit drop as
	with flow as (
		select s.*, r.windows, r.horizon, p.created_at as precheck_at,
			p.event_note as precheck_note,
			case when s.category = 'consultation' then demo.rand(s.k || '/onward') < 0.15
				when p.id is not null then p.first_result = 'complete'
				else demo.rand(s.k || '/onward') < 0.9 end as guided,
			demo.rand(s.k || '/accepted') < 0.93 as accepted,
			s.category::text in ('unified_certificate', 'other_approval', 'enterprise_setup', 'construction_project',
				'credit_repair') as has_result,
			demo.rand(s.k || '/handout') as handout
		from g_sr s
		join demo.run r using (hall_id)
		left join g_pc p on p.record_id = s.id
	),
	timed as (
		select f.*,
			coalesce(f.precheck_at, f.opened_at + (1 + 3 * demo.rand(f.k || '/t1')) * interval '1 minute') as t1,
			(1 + 4 * demo.rand(f.k || '/t2')) * interval '1 minute' as guide_after,
			(5 + 35 * demo.rand(f.k || '/t3')) * interval '1 minute' as accept_after
		from flow f
	),
	stepped as (
		select t.*, t.t1 + t.guide_after as t2, t.t1 + t.guide_after + t.accept_after as t3 from timed t
	),
	handouts as (
		select t.*,
			case when t.handout < 0.5 then t.t3 + (60 + 150 * demo.rand(t.k || '/t4')) * interval '1 minute'
				else demo.at(demo.next_workday(t.day + 1 + floor(4 * demo.rand(t.k || '/d4'))::int),
					570 + 420 * demo.rand(t.k || '/t4')) end as t4
		from stepped t
	),
	events (hall_id, record_id, k, kind, window_no, note, role, occurred_at) as (
		select h.hall_id, h.id, h.k || '/e1', case when h.precheck_at is null then 'consult' else 'precheck' end,
			null::int, h.precheck_note, 'responder', h.t1
		from handouts h
		union all
		select h.hall_id, h.id, h.k || '/e2', 'guide_to_window', 1 + floor(h.windows * demo.rand(h.k || '/window'))::int,
			null, 'responder', h.t2
		from handouts h where h.guided
		union all
		select h.hall_id, h.id, h.k || '/e3', 'accept', null, null, 'window', h.t3
		from handouts h where h.guided and h.accepted
		union all
		select h.hall_id, h.id, h.k || '/e4', case when h.handout < 0.4 then 'notify_pickup' else 'mail' end, null, null,
			'delivery', h.t4
		from handouts h where h.guided and h.accepted and h.has_result and h.handout < 0.45
		union all
		select h.hall_id, h.id, h.k || '/e5', 'picked_up', null, null, 'delivery',
			h.t4 + (30 + 2000 * demo.rand(h.k || '/t5')) * interval '1 minute'
		from handouts h where h.guided and h.accepted and h.has_result and h.handout < 0.32
		union all
		select h.hall_id, h.id, h.k || '/e6', 'note', null,
			demo.pick_text(array['申请人需补充身份证原件，已告知', '申请人咨询办理进度，已答复', '已协助申请人网上预约',
				'老年人办事，已全程帮办', '申请人对办理时限有疑问，已解释', '材料已扫描留存'], demo.rand(h.k || '/note')),
			'responder', h.t1 + interval '30 seconds'
		from handouts h where demo.rand(h.k || '/noted') < 0.05
	)
	select demo.uuid_of(e.k) as id, e.record_id, e.hall_id, s.day, e.kind::app.service_event_kind as kind, e.window_no,
		e.note, coalesce(w.staff_id, s.first_responder_id) as staff_id, coalesce(w.name, s.first_responder_name) as staff_name,
		e.occurred_at
	from events e
	join g_sr s on s.id = e.record_id
	join demo.run r on r.hall_id = e.hall_id
	left join lateral demo.pick_staff(e.hall_id, e.role, demo.rand(e.k || '/staff')) w on e.role <> 'responder'
	where e.occurred_at <= r.horizon;
end;
$$;

-- ─── Pre-checks ───────────────────────────────────────────────────────────────────────────────────────────────

/** The catalog scope of a business category. */
create or replace function demo.scope_of(category text)
returns text
language sql
immutable
parallel safe
as $$
	select case category when 'construction_project' then 'investment_project'
		when 'other_approval' then 'administrative_approval' else category end
$$;

/** The notice code of the tablet each demo staff member numbers notices on, claimed once as a device would. */
create or replace function demo.device_code_of(hall uuid, staff uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
	device uuid := demo.uuid_of(concat_ws('/', 'device', hall, staff));
	code text;
	next_seq int;
begin
	select d.code into code from app.device_codes d where d.hall_id = hall and d.device_id = device;
	if code is null then
		select coalesce(max(d.seq) + 1, 0) into next_seq from app.device_codes d where d.hall_id = hall;
		code := app.device_code(next_seq);
		insert into app.device_codes (hall_id, device_id, seq, code, claimed_by)
		values (hall, device, next_seq, code, staff);
	end if;
	return code;
end;
$$;

/**
 * g_pc and g_pm: pre-checks on the hall's current catalog versions, from ~20 % of business visitors' records and a
 * few at the desk without a ticket; the situation and answers chosen, the materials that apply (as
 * applicableMaterials of src/lib/domain/precheck-rules.ts) marked: ~60 % complete the first time. g_pm holds each
 * material's mark for the first visit and, should they happen, the return visits (gen_precheck_rounds).
 */
create or replace function demo.gen_prechecks()
returns void
language plpgsql
set search_path = ''
as $$
begin
	drop table if exists g_items;
	create temp table g_items on commit drop as
	select i.hall_id, i.id as item_id, v.id as version_id, v.scope::text as scope, v.name_zh, v.materials,
		v.situations, v.questions,
		(row_number() over (partition by i.hall_id, v.scope order by i.code) - 1)::int as k_scope,
		(count(*) over (partition by i.hall_id, v.scope))::int as n_scope,
		(row_number() over (partition by i.hall_id order by i.code) - 1)::int as k_all,
		(count(*) over (partition by i.hall_id))::int as n_all
	from app.service_items i
	join app.service_item_versions v on v.id = i.current_version_id
	join demo.run r on r.hall_id = i.hall_id
	where i.withdrawn_at is null;

	drop table if exists g_pc;
	create temp table g_pc on commit drop as
	with at_records as (
		select s.hall_id, s.day, s.id as record_id, s.k || '/precheck' as k, s.first_responder_id as staff_id,
			s.opened_at + (2 + 8 * demo.rand(s.k || '/precheck/t')) * interval '1 minute' as created_at,
			s.category::text as category, 'foreigner' = any (s.special_groups) as foreigner
		from g_sr s where s.wants_precheck
	),
	at_desk as (
		select d.hall_id, d.day, null::uuid as record_id, concat_ws('/', d.hall_id, d.day, 'precheck', n) as k,
			null::uuid as staff_id, null::timestamptz as created_at, null::text as category, false as foreigner
		from demo.run_days d join demo.run r using (hall_id)
		cross join generate_series(1, case when r.kind = 'district_center' then 6 else 2 end) n
		where d.workday and demo.rand(concat_ws('/', d.hall_id, d.day, 'precheck', n, 'happens')) < 0.6
	),
	desk_drawn as (
		select a.hall_id, a.day, a.record_id, a.k, f.staff_id,
			demo.at(a.day, demo.arrival_minute(demo.rand(a.k || '/slot'), demo.rand(a.k || '/minute'))) as created_at,
			coalesce(nullif(demo.category_of(r.kind, demo.rand(a.k || '/category')), 'consultation'), 'other_approval')
				as category,
			demo.rand(a.k || '/foreigner') < 0.01 as foreigner
		from at_desk a join demo.run r using (hall_id)
		cross join lateral demo.pick_staff(a.hall_id, 'front', demo.rand(a.k || '/staff')) f
	),
	base as (
		select * from at_records
		union all
		select * from desk_drawn
	),
	picked as (
		select b.*, coalesce(
			(select i.version_id from g_items i where i.hall_id = b.hall_id and i.scope = demo.scope_of(b.category)
				and i.k_scope = floor(demo.rand(b.k || '/item') * i.n_scope)),
			(select i.version_id from g_items i where i.hall_id = b.hall_id
				and i.k_all = floor(demo.rand(b.k || '/item') * i.n_all))) as version_id
		from base b join demo.run r using (hall_id)
		where b.created_at <= r.horizon
	)
	select demo.uuid_of(p.k) as id, p.hall_id, p.day, p.k, p.record_id, i.item_id, i.version_id as item_version_id,
		i.name_zh, i.materials,
		case when jsonb_array_length(i.situations) > 0 then
			i.situations -> floor(demo.rand(p.k || '/situation') * jsonb_array_length(i.situations))::int ->> 'key'
		end as situation_key,
		(select coalesce(jsonb_object_agg(q.value ->> 'key', demo.rand(p.k || '/answer/' || (q.value ->> 'key')) < 0.3),
			'{}'::jsonb) from jsonb_array_elements(i.questions) q) as answers,
		(case when p.foreigner then 'zh_en' else 'zh' end)::app.notice_language as language,
		p.staff_id, s.display_name as staff_name, s.post::text as staff_post, p.created_at,
		demo.rand(p.k || '/first') < 0.6 as complete_first,
		demo.rand(p.k || '/returns') < 0.7 as returns,
		demo.rand(p.k || '/broken') < 0.1 as breaks_promise,
		demo.rand(p.k || '/again') < 0.6 as returns_again,
		demo.at(demo.next_workday(p.day + 1 + floor(5 * demo.rand(p.k || '/r2/day'))::int),
			570 + 420 * demo.rand(p.k || '/r2/minute')) as r2_at,
		null::timestamptz as r3_at,
		null::app.round_result as first_result,
		null::text as notice_no
	from picked p
	join g_items i on i.version_id = p.version_id
	join app.staff s on s.id = p.staff_id;
	update g_pc set r3_at = demo.at(demo.next_workday(r2_at::date + 2 + floor(5 * demo.rand(k || '/r3/day'))::int),
		570 + 420 * demo.rand(k || '/r3/minute'));

	drop table if exists g_pm;
	create temp table g_pm on commit drop as
	with applicable as (
		select p.id as precheck_id, p.k || '/m/' || (m.value ->> 'key') as k, p.k as precheck_k, p.complete_first,
			p.returns, p.breaks_promise, m.ordinality as ord, m.value ->> 'key' as material_key,
			m.value ->> 'requirement' <> 'optional' as required, m.value -> 'rejection_reasons' as own_reasons
		from g_pc p cross join lateral jsonb_array_elements(p.materials) with ordinality m
		where (jsonb_array_length(m.value -> 'situations') = 0
				or (p.situation_key is not null and m.value -> 'situations' ? p.situation_key))
			and (m.value ->> 'requirement' <> 'conditional'
				or p.answers -> (m.value -> 'condition' ->> 'question') = m.value -> 'condition' -> 'answer')
	),
	ranked as (
		select a.*,
			row_number() over (partition by a.precheck_id, a.required order by a.ord) as rank_in_kind,
			count(*) filter (where a.required) over (partition by a.precheck_id) as required_count
		from applicable a
	),
	first_marks as (
		select r.*,
			not r.complete_first and r.required and (r.rank_in_kind = 1 + floor(demo.rand(r.precheck_k || '/primary')
				* r.required_count) or demo.rand(r.k || '/gap') < 0.15) as gap1,
			demo.rand(r.k || '/how') as how
		from ranked r
	),
	with_status as (
		select f.*,
			case when f.gap1 then case when f.how < 0.65 then 'missing' else 'unacceptable' end
				when not f.required and demo.rand(f.k || '/optional') < 0.25 then 'missing'
				else 'present' end as status1,
			-- After a first visit with gaps, a required material it did not name is the broken promise's candidate.
			row_number() over (partition by f.precheck_id, (f.required and not f.gap1) order by f.ord) as fresh_rank,
			count(*) filter (where f.required and not f.gap1) over (partition by f.precheck_id) as fresh_count
		from first_marks f
	)
	select w.precheck_id, w.k, w.ord, w.material_key, w.required, w.status1,
		case when w.status1 = 'unacceptable' then
			case when jsonb_array_length(w.own_reasons) > 0 and demo.rand(w.k || '/own') < 0.4 then 'other'
				else demo.pick_text(array['expired', 'unsigned', 'unclear', 'wrong_version', 'incomplete', 'mismatch'],
					demo.rand(w.k || '/reason')) end end as reason,
		case when w.status1 = 'unacceptable' and jsonb_array_length(w.own_reasons) > 0 and demo.rand(w.k || '/own') < 0.4
			then w.own_reasons ->> floor(demo.rand(w.k || '/own/which') * jsonb_array_length(w.own_reasons))::int
		end as reason_text,
		-- The first return visit marks the open points again; most are brought.
		case when w.gap1 then case when demo.rand(w.k || '/r2') < 0.88 then 'present' else w.status1 end
			when w.breaks_promise and w.required and w.fresh_rank = 1 + floor(demo.rand(w.precheck_id::text || '/fresh')
				* w.fresh_count) then 'missing' end as status2,
		not w.gap1 and w.breaks_promise and w.required
			and w.fresh_rank = 1 + floor(demo.rand(w.precheck_id::text || '/fresh') * w.fresh_count) as new_gap,
		null::text as status3
	from with_status w;
	update g_pm set status3 = case when demo.rand(k || '/r3') < 0.92 then 'present' else status2 end
	where status2 is not null and status2 <> 'present';

	-- The first visit's result, and the notice number of an incomplete one: YYMMDD-<device code>-NN, counted per
	-- device and day as src/lib/local/prechecks/numbering.ts counts.
	update g_pc p set first_result = case when exists (select 1 from g_pm m where m.precheck_id = p.id
		and m.required and m.status1 <> 'present') then 'incomplete' else 'complete' end::app.round_result;
	perform demo.device_code_of(authors.hall_id, authors.staff_id)
	from (select distinct q.hall_id, q.staff_id from g_pc q where q.first_result = 'incomplete'
		order by q.hall_id, q.staff_id) authors;
	update g_pc p set notice_no = numbered.notice_no
	from (
		select q.id, to_char(q.day, 'YYMMDD') || '-' || d.code || '-'
			|| lpad((row_number() over (partition by q.hall_id, q.staff_id, q.day order by q.created_at, q.id))::text,
				2, '0') as notice_no
		from g_pc q
		join app.device_codes d on d.hall_id = q.hall_id
			and d.device_id = demo.uuid_of(concat_ws('/', 'device', q.hall_id, q.staff_id))
		where q.first_result = 'incomplete'
	) numbered
	where numbered.id = p.id;
end;
$$;

/** A round's marks as the client writes them: {material_key, status, reason, reason_text}, reason only when not acceptable. */
create or replace function demo.mark(material_key text, status text, reason text, reason_text text)
returns jsonb
language sql
immutable
parallel safe
as $$
	select jsonb_build_object('material_key', material_key, 'status', status,
		'reason', case when status = 'unacceptable' then reason end,
		'reason_text', case when status = 'unacceptable' and reason = 'other' then reason_text end)
$$;

/**
 * g_pr and g_pa: the rounds of each pre-check and its applicant. ~70 % of notices come back within a few working
 * days; a return marks the open points (the last round's gaps), and ~8 % of returns find a required material the
 * notice did not name: a broken promise (new_gap_keys, the reason, promise_staff_id = the notice's author). A
 * return still short may come back once more. Rounds after the horizon do not happen (the notice stays open).
 * Then each pre-check's status is what precheck.record / precheck.recheck would have left.
 */
create or replace function demo.gen_precheck_rounds()
returns void
language plpgsql
set search_path = ''
as $$
begin
	drop table if exists g_pr;
	create temp table g_pr on commit drop as
	with rounds as (
		select p.id as precheck_id, p.hall_id, p.day, p.k, 1 as round_no, p.created_at as checked_at,
			p.staff_id, p.staff_name
		from g_pc p
		union all
		select p.id, p.hall_id, p.day, p.k, 2, p.r2_at, f.staff_id, f.name
		from g_pc p join demo.run r using (hall_id)
		cross join lateral demo.pick_staff(p.hall_id, 'front', demo.rand(p.k || '/r2/staff')) f
		where p.first_result = 'incomplete' and p.returns and p.r2_at <= r.horizon
		union all
		select p.id, p.hall_id, p.day, p.k, 3, p.r3_at, f.staff_id, f.name
		from g_pc p join demo.run r using (hall_id)
		cross join lateral demo.pick_staff(p.hall_id, 'front', demo.rand(p.k || '/r3/staff')) f
		where p.first_result = 'incomplete' and p.returns and p.returns_again and p.r3_at <= r.horizon
			and exists (select 1 from g_pm m where m.precheck_id = p.id and m.status2 <> 'present')
	),
	marked as (
		select r.*,
			jsonb_agg(demo.mark(m.material_key, case r.round_no when 1 then m.status1 when 2 then m.status2
				else m.status3 end, m.reason, m.reason_text) order by m.ord) as marks,
			bool_or(m.required and case r.round_no when 1 then m.status1 when 2 then m.status2 else m.status3 end
				<> 'present') as has_gaps,
			coalesce(array_agg(m.material_key order by m.ord) filter (where r.round_no = 2 and m.new_gap), '{}')
				as new_gap_keys
		from rounds r
		join g_pm m on m.precheck_id = r.precheck_id
			and case r.round_no when 1 then true when 2 then m.status2 is not null else m.status3 is not null end
		group by r.precheck_id, r.hall_id, r.day, r.k, r.round_no, r.checked_at, r.staff_id, r.staff_name
	)
	select demo.uuid_of(m.k || '/round/' || m.round_no) as id, m.precheck_id, m.hall_id, m.day, m.round_no, m.marks,
		(case when m.has_gaps then 'incomplete' else 'complete' end)::app.round_result as result, m.new_gap_keys,
		case when cardinality(m.new_gap_keys) > 0 then demo.pick_text(array['首次预审时漏告知该材料，已向申请人致歉',
			'窗口审核口径调整，需补充该材料', '申请人情况变化后该材料成为必需', '告知单未写明该材料的具体要求'],
			demo.rand(m.k || '/promise')) end as broken_promise_reason,
		case when cardinality(m.new_gap_keys) > 0 then p.staff_id end as promise_staff_id,
		m.staff_id, m.staff_name, m.checked_at
	from marked m join g_pc p on p.id = m.precheck_id;

	alter table g_pc add column status app.precheck_status, add column completed_at timestamptz,
		add column event_note text;
	update g_pc p set status = last.status, completed_at = last.completed_at,
		event_note = p.name_zh || case when p.first_result = 'complete' then '：材料齐全' else '：一次性告知 ' || p.notice_no end
	from (
		select distinct on (r.precheck_id) r.precheck_id,
			(case when r.result = 'complete' then 'complete' else 'open' end)::app.precheck_status as status,
			case when r.result = 'complete' then r.checked_at end as completed_at
		from g_pr r order by r.precheck_id, r.round_no desc
	) last
	where last.precheck_id = p.id;

	-- The applicant's name and phone are optional: given for ~15 % of pre-checks.
	drop table if exists g_pa;
	create temp table g_pa on commit drop as
	select p.id, p.hall_id, p.day, p.staff_id,
		case when demo.rand(p.k || '/applicant/name') < 0.7 then demo.person_name(p.k || '/applicant') end as name,
		case when demo.rand(p.k || '/applicant/name') >= 0.7 or demo.rand(p.k || '/applicant/phone') < 0.6
			then demo.phone(p.k || '/applicant') end as phone
	from g_pc p
	where demo.rand(p.k || '/applicant') < 0.15;
end;
$$;

-- ─── Patrols ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * g_round and g_check: the rounds of each working day's plan windows, as patrol-evaluation.ts reads them. Most
 * start within their window; ~8 % start after the end plus grace (late), ~6 % of windows have no round (missed);
 * now and then an extra round. A round visits the active checkpoints in order, 35–150 s apart (now and then too
 * fast), a few picked from the list (the poster damaged), item problems now and then with a note; ~10 % of
 * rounds finish without every checkpoint, with the comment the server asks for.
 */
create or replace function demo.gen_patrols()
returns void
language plpgsql
set search_path = ''
as $$
begin
	drop table if exists g_round;
	create temp table g_round on commit drop as
	with planned as (
		select d.hall_id, d.day, w.value ->> 'key' as window_key,
			concat_ws('/', d.hall_id, d.day, 'round', w.value ->> 'key') as k,
			split_part(w.value ->> 'start', ':', 1)::int * 60 + split_part(w.value ->> 'start', ':', 2)::int as starts,
			split_part(w.value ->> 'end', ':', 1)::int * 60 + split_part(w.value ->> 'end', ':', 2)::int as ends,
			p.grace_minutes
		from demo.run_days d
		join app.patrol_plans p on p.hall_id = d.hall_id
		cross join lateral jsonb_array_elements(p.windows) w
		where d.workday and exists (select 1 from app.checkpoints c where c.hall_id = d.hall_id and c.retired_at is null)
	),
	outcome as (
		select p.*, demo.rand(p.k || '/outcome') as f from planned p
	),
	started as (
		select o.hall_id, o.day, o.window_key, o.k,
			demo.at(o.day, case when o.f < 0.86 then o.starts + (o.ends - o.starts - 3) * demo.rand(o.k || '/start')
				else o.ends + o.grace_minutes + 5 + 55 * demo.rand(o.k || '/start') end) as started_at
		from outcome o where o.f < 0.94
		union all
		select d.hall_id, d.day, null, concat_ws('/', d.hall_id, d.day, 'round', 'extra'),
			demo.at(d.day, 600 + 360 * demo.rand(concat_ws('/', d.hall_id, d.day, 'round', 'extra', 'start')))
		from demo.run_days d
		where d.workday and demo.rand(concat_ws('/', d.hall_id, d.day, 'round', 'extra')) < 0.06
			and exists (select 1 from app.checkpoints c where c.hall_id = d.hall_id and c.retired_at is null)
	)
	select demo.uuid_of(s.k) as id, s.hall_id, s.day, s.k, s.window_key, a.staff_id, a.name as staff_name, s.started_at,
		demo.rand(s.k || '/incomplete') < 0.1 as skips
	from started s
	join demo.run r using (hall_id)
	cross join lateral demo.pick_staff(s.hall_id, 'any', demo.rand(s.k || '/staff')) a
	where s.started_at <= r.horizon;

	drop table if exists g_check;
	create temp table g_check on commit drop as
	with visits as (
		select g.id as round_id, g.hall_id, g.day, g.k || '/check/' || c.id as k, g.k as round_k, g.skips,
			g.started_at, c.id as checkpoint_id, c.name_zh, c.items,
			row_number() over (partition by g.id order by c.position, c.name_zh) as rank,
			count(*) over (partition by g.id) as active_count
		from g_round g
		join app.checkpoints c on c.hall_id = g.hall_id and (c.retired_at is null or c.retired_at > g.started_at)
	),
	kept as (
		select v.* from visits v
		where not (v.skips and (v.rank = 1 + floor(demo.rand(v.round_k || '/skip') * v.active_count)
			or demo.rand(v.k || '/skip') < 0.12))
	),
	spaced as (
		select k.*, k.started_at + sum(case when demo.rand(k.k || '/fast') < 0.03 then 8 + 11 * demo.rand(k.k || '/gap')
				else 35 + 115 * demo.rand(k.k || '/gap') end) over (partition by k.round_id order by k.rank)
			* interval '1 second' as checked_at
		from kept k
	)
	select demo.uuid_of(s.k) as id, s.round_id, s.hall_id, s.day, s.checkpoint_id, s.name_zh,
		(case when demo.rand(s.k || '/listed') < 0.03 then 'list' else 'scan' end)::app.patrol_identified_by
			as identified_by,
		case when demo.rand(s.k || '/listed') < 0.03 then demo.pick_text(array['二维码海报破损，无法扫描',
			'海报缺失，已通知管理岗补贴', '手机摄像头对焦失败'], demo.rand(s.k || '/list_reason')) end as list_reason,
		s.checked_at, results.results, results.problems,
		results.problems = 0 and demo.rand(s.k || '/same') < 0.2 as same_as_last
	from spaced s
	cross join lateral (
		select jsonb_agg(jsonb_build_object('item_key', i.value ->> 'key',
				'status', case when demo.rand(s.k || '/' || (i.value ->> 'key')) < 0.012 then 'problem' else 'ok' end,
				'note', case when demo.rand(s.k || '/' || (i.value ->> 'key')) < 0.012 then
					(i.value ->> 'label_zh') || '：' || demo.pick_text(array['不符合要求，已报修', '已现场整改',
						'需后勤处理', '已拍照记录'], demo.rand(s.k || '/' || (i.value ->> 'key') || '/note')) end)
				order by i.ordinality) as results,
			count(*) filter (where demo.rand(s.k || '/' || (i.value ->> 'key')) < 0.012) as problems
		from jsonb_array_elements(s.items) with ordinality i
	) results
	join demo.run r on r.hall_id = s.hall_id
	where s.checked_at <= r.horizon;

	-- Finished a few minutes after the last check; a round that missed checkpoints says why.
	alter table g_round add column finished_at timestamptz, add column comment text;
	update g_round g set
		finished_at = last.checked_at + (60 + 180 * demo.rand(g.k || '/finish')) * interval '1 second',
		comment = case when last.missed then demo.pick_text(array['卫生间维修封闭，未能检查',
			'母婴室有人使用，未进入检查', '临时接待上级检查，部分巡查点未完成', '消防通道施工围挡，无法进入'],
			demo.rand(g.k || '/comment')) end
	from (
		select c.round_id, max(c.checked_at) as checked_at,
			count(*) < (select count(*) from app.checkpoints p join g_round q on q.id = c.round_id
				where p.hall_id = q.hall_id and (p.retired_at is null or p.retired_at > q.started_at)) as missed
		from g_check c group by c.round_id
	) last
	where last.round_id = g.id;
	update g_round g set finished_at = null, comment = null
	from demo.run r where r.hall_id = g.hall_id and g.finished_at > r.horizon;
end;
$$;

-- ─── Incidents ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * g_inc_base: a few incidents a week (the center ~3, the station ~1.5) across categories and severities, plus
 * ~12 % of the patrol checks that found a problem, reported from the checkpoint (checkpoint_id, source_check_id).
 */
create or replace function demo.gen_incident_reports()
returns void
language plpgsql
set search_path = ''
as $$
begin
	drop table if exists g_inc_base;
	create temp table g_inc_base on commit drop as
	with random_reports as (
		select d.hall_id, d.day, concat_ws('/', d.hall_id, d.day, 'incident', n) as k
		from demo.run_days d join demo.run r using (hall_id)
		cross join generate_series(1, case when r.kind = 'district_center' then 3 else 2 end) n
		where d.workday and demo.rand(concat_ws('/', d.hall_id, d.day, 'incident', n)) <
			case when r.kind = 'district_center' then 0.2 else 0.15 end
	),
	categorised as (
		select x.*, c.category from random_reports x
		cross join lateral (
			select c.category from unnest(array['complaint', 'equipment', 'environment', 'order', 'system', 'hazard',
				'emergency'], array[28, 50, 64, 76, 90, 97, 100]) c (category, cum)
			where demo.rand(x.k || '/category') * 100 < c.cum limit 1
		) c
	)
	select c.hall_id, c.day, c.k, c.category,
		case c.category
			when 'emergency' then 1 + floor(demo.rand(c.k || '/severity') * 1.7)::int
			when 'hazard' then 2 + floor(demo.rand(c.k || '/severity') * 2)::int
			when 'complaint' then demo.pick_text(array['2', '2', '3', '3', '3', '3', '3', '4'], demo.rand(c.k || '/severity'))::int
			when 'equipment' then demo.pick_text(array['2', '3', '3', '3', '4', '4'], demo.rand(c.k || '/severity'))::int
			else 3 + floor(demo.rand(c.k || '/severity') * 2)::int end as severity,
		case c.category
			when 'complaint' then demo.pick_text(array['综合受理区', '咨询导办台', '出件区', '等候区', '自助服务区'], demo.rand(c.k || '/place'))
			when 'equipment' then demo.pick_text(array['取号机', '自助服务区 2 号终端', '叫号屏', '打印复印区复印机', '评价器'], demo.rand(c.k || '/place'))
			when 'environment' then demo.pick_text(array['卫生间', '等候区', '母婴室', '大厅入口'], demo.rand(c.k || '/place'))
			when 'order' then demo.pick_text(array['取号区', '等候区', '综合受理区'], demo.rand(c.k || '/place'))
			when 'system' then demo.pick_text(array['综合受理系统', '统一身份认证平台', '电子证照库', '排队叫号系统'], demo.rand(c.k || '/place'))
			when 'hazard' then demo.pick_text(array['安全出口', '无障碍通道', '大厅入口台阶', '配电间门口'], demo.rand(c.k || '/place'))
			else demo.pick_text(array['等候区', '综合受理区', '大厅入口'], demo.rand(c.k || '/place')) end as place,
		null::uuid as checkpoint_id, null::uuid as source_check_id,
		case c.category
			when 'complaint' then demo.pick_text(array['办事群众反映窗口等候时间过长', '群众投诉工作人员解释不清、态度生硬',
				'群众反映同一事项多次往返补充材料', '群众对办理时限不满，要求说明原因'], demo.rand(c.k || '/what'))
			when 'equipment' then demo.pick_text(array['设备无法正常使用，已挂暂停使用提示', '设备频繁卡纸', '设备黑屏无响应'], demo.rand(c.k || '/what'))
			when 'environment' then demo.pick_text(array['地面湿滑有积水', '空调温度过低，群众反映寒冷', '垃圾未及时清理'], demo.rand(c.k || '/what'))
			when 'order' then demo.pick_text(array['有人插队引发争执', '群众在等候区大声喧哗', '代办人员在大厅揽客'], demo.rand(c.k || '/what'))
			when 'system' then demo.pick_text(array['系统登录缓慢，业务无法受理', '电子签章调用失败', '数据推送失败，需重新提交'], demo.rand(c.k || '/what'))
			when 'hazard' then demo.pick_text(array['通道堆放杂物', '扶手松动', '应急照明不亮'], demo.rand(c.k || '/what'))
			else demo.pick_text(array['群众突发身体不适，已拨打 120', '群众晕倒，已现场救助'], demo.rand(c.k || '/what')) end
			as description,
		demo.at(c.day, 555 + 450 * demo.rand(c.k || '/at')) as reported_at,
		null::uuid as reporter_id, null::text as reporter_name
	from categorised c
	union all
	select c.hall_id, c.day, concat_ws('/', c.hall_id, c.day, 'incident', c.id), pick.category,
		case pick.category when 'hazard' then 2 else 3 end, c.name_zh, c.checkpoint_id, c.id,
		'巡查发现：' || (select string_agg(r.value ->> 'note', '；') from jsonb_array_elements(c.results) r
			where r.value ->> 'status' = 'problem'),
		c.checked_at + (60 + 120 * demo.rand(c.id::text || '/incident/at')) * interval '1 second', g.staff_id,
		g.staff_name
	from g_check c
	join g_round g on g.id = c.round_id
	cross join lateral (select demo.pick_text(array['equipment', 'equipment', 'equipment', 'environment', 'environment',
		'hazard'], demo.rand(c.id::text || '/incident/category')) as category) pick
	where c.problems > 0 and demo.rand(c.id::text || '/incident') < 0.12;
end;
$$;

/**
 * g_inc, g_inc_ev and g_inc_cmp: each incident's lifecycle as incident.act allows it (incident-lifecycle.ts):
 * reported → assigned (by a manager) → in_progress (the assignee starts, most of the time) → resolved (with a
 * note) → for a complaint the callback (回访) and its result → closed (by a manager); ~4 % reopened by a manager
 * and resolved and closed again. Respond and resolve times mostly within the hall's incident_limits, ~15 % over.
 * ~5 % stall after the start (never resolved: overdue by now); steps after the horizon do not happen, so the
 * last days' incidents are still open. The incident row is what the kept steps leave.
 */
create or replace function demo.gen_incidents()
returns void
language plpgsql
set search_path = ''
as $$
begin
	drop table if exists g_inc_ev;
	create temp table g_inc_ev on commit drop as
	with incidents as (
		select b.*, demo.uuid_of(b.k) as id,
			coalesce(b.reporter_id, rep.staff_id) as reporter, coalesce(b.reporter_name, rep.name) as reporter_display,
			m.staff_id as manager_id, m.name as manager_name, a.staff_id as assignee_id, a.name as assignee_name,
			case b.severity when 1 then l.respond_minutes_1 when 2 then l.respond_minutes_2 when 3 then l.respond_minutes_3
				else l.respond_minutes_4 end as respond_limit,
			case b.severity when 1 then l.resolve_minutes_1 when 2 then l.resolve_minutes_2 when 3 then l.resolve_minutes_3
				else l.resolve_minutes_4 end as resolve_limit,
			demo.rand(b.k || '/fate') as fate,
			demo.rand(b.k || '/by_manager') < 0.1 as manager_acts
		from g_inc_base b
		join demo.run r using (hall_id)
		join app.incident_limits l on l.id = b.hall_id
		left join lateral demo.pick_staff(b.hall_id, 'any', demo.rand(b.k || '/reporter')) rep on true
		left join lateral demo.pick_staff(b.hall_id, 'manager', demo.rand(b.k || '/manager')) m on true
		left join lateral demo.pick_staff(b.hall_id, 'any', demo.rand(b.k || '/assignee')) a on true
		where b.reported_at <= r.horizon
	),
	timed as (
		select i.*,
			i.reported_at + (case when demo.rand(i.k || '/respond_late') < 0.15 then 1.1 + 2 * demo.rand(i.k || '/respond')
				else 0.1 + 0.8 * demo.rand(i.k || '/respond') end) * i.respond_limit * interval '1 minute' as t_assign,
			demo.rand(i.k || '/starts') < 0.85 as starts
		from incidents i
	),
	timed2 as (
		select t.*, t.t_assign + (3 + 37 * demo.rand(t.k || '/start')) * interval '1 minute' as t_start from timed t
	),
	timed3 as (
		select t.*, greatest(
			t.reported_at + (case when demo.rand(t.k || '/resolve_late') < 0.15 then 1.05 + 1.5 * demo.rand(t.k || '/resolve')
				else 0.3 + 0.65 * demo.rand(t.k || '/resolve') end) * t.resolve_limit * interval '1 minute',
			case when t.starts then t.t_start else t.t_assign end + (5 + 55 * demo.rand(t.k || '/work')) * interval '1 minute'
		) as t_resolve
		from timed2 t
	),
	timed4 as (
		select t.*, t.t_resolve + (30 + 1400 * demo.rand(t.k || '/callback')) * interval '1 minute' as t_callback,
			(t.category <> 'complaint' and demo.rand(t.k || '/reopen') < 0.04) as reopens
		from timed3 t
	),
	timed5 as (
		select t.*, case when t.category = 'complaint' then t.t_callback else t.t_resolve end
			+ (10 + 1400 * demo.rand(t.k || '/close')) * interval '1 minute' as t_close
		from timed4 t
	),
	timed6 as (
		select t.*, t.t_close + (1440 + 2880 * demo.rand(t.k || '/reopen_at')) * interval '1 minute' as t_reopen
		from timed5 t
	),
	steps as (
		select t.id, t.hall_id, t.day, t.k, t.category, s.n, s.kind, s.from_status, s.to_status, s.at, s.note,
			s.by, s.assigned,
			case s.by when 'reporter' then t.reporter when 'manager' then t.manager_id
				else case when t.manager_acts then t.manager_id else t.assignee_id end end as staff_id,
			case s.by when 'reporter' then t.reporter_display when 'manager' then t.manager_name
				else case when t.manager_acts then t.manager_name else t.assignee_name end end as staff_name,
			case when s.assigned then t.assignee_id end as assignee_id,
			case when s.assigned then t.assignee_name end as assignee_name
		from timed6 t
		cross join lateral (values
			(1, 'reported', null, 'reported', t.reported_at, null, 'reporter', false),
			(2, 'assigned', 'reported', 'assigned', t.t_assign, null, 'manager', true),
			(3, 'note', null, null, t.t_assign + interval '2 minutes',
				demo.pick_text(array['已联系相关科室协同处理', '已电话联系维保单位', '已向当事群众了解情况'],
					demo.rand(t.k || '/note')), 'assignee', false),
			(4, 'started', 'assigned', 'in_progress', t.t_start, null, 'assignee', false),
			(5, 'resolved', case when t.starts then 'in_progress' else 'assigned' end, 'resolved', t.t_resolve,
				demo.pick_text(array['已处理完毕，现场恢复正常', '已维修并测试正常', '已向群众解释说明并妥善处理',
					'已协调相关科室解决'], demo.rand(t.k || '/resolved')), 'assignee', false),
			(6, 'callback', 'resolved', 'resolved', t.t_callback,
				demo.pick_text(array['已电话回访，群众表示满意', '已回访，群众对处理结果基本满意',
					'已回访，群众理解并接受说明'], demo.rand(t.k || '/callback_result')), 'assignee', false),
			(7, 'closed', 'resolved', 'closed', t.t_close, null, 'manager', false),
			(8, 'reopened', 'closed', 'in_progress', t.t_reopen, '同类问题再次出现，重新处理', 'manager', false),
			(9, 'resolved', 'in_progress', 'resolved', t.t_reopen + (60 + 300 * demo.rand(t.k || '/resolve2')) * interval '1 minute',
				'已彻底修复并复查', 'assignee', false),
			(10, 'closed', 'resolved', 'closed', t.t_reopen + (400 + 1000 * demo.rand(t.k || '/close2')) * interval '1 minute',
				null, 'manager', false)
		) s (n, kind, from_status, to_status, at, note, by, assigned)
		where s.n = 1 or (t.manager_id is not null and t.fate >= 0.01 and case s.n
			when 3 then demo.rand(t.k || '/noted') < 0.1
			when 4 then t.starts
			when 6 then t.category = 'complaint'
			when 8 then t.reopens when 9 then t.reopens when 10 then t.reopens
			else true end
			-- ~5 % stall once started or assigned: never resolved.
			and (s.n <= 4 or t.fate >= 0.06))
	)
	select demo.uuid_of(s.k || '/event/' || s.n) as id, s.id as incident_id, s.hall_id, s.day, s.n,
		s.kind::app.incident_event_kind as kind, s.from_status::app.incident_status as from_status,
		s.to_status::app.incident_status as to_status, s.staff_id, s.staff_name, s.assignee_id, s.assignee_name, s.note,
		s.at as occurred_at
	from steps s join demo.run r using (hall_id)
	where s.at <= r.horizon;

	drop table if exists g_inc;
	create temp table g_inc on commit drop as
	with final as (
		select e.incident_id,
			(array_agg(e.to_status order by e.n desc) filter (where e.to_status is not null))[1] as status,
			min(e.occurred_at) filter (where e.kind in ('assigned', 'started')) as responded_at,
			max(e.occurred_at) filter (where e.kind = 'resolved') as last_resolved,
			max(e.occurred_at) filter (where e.kind = 'closed') as last_closed,
			max(e.note) filter (where e.kind = 'callback') as callback_result,
			max(e.assignee_id::text) filter (where e.kind = 'assigned')::uuid as assignee_id,
			max(e.assignee_name) filter (where e.kind = 'assigned') as assignee_name
		from g_inc_ev e group by e.incident_id
	)
	select b.id, b.hall_id, b.day, b.category::app.incident_category as category, b.severity, b.place, b.checkpoint_id,
		b.description, rep.staff_id as reporter_id, rep.staff_name as reporter_name, b.reported_at, f.status,
		f.assignee_id, f.assignee_name, f.responded_at,
		case when f.status in ('resolved', 'closed') then f.last_resolved end as resolved_at,
		case when f.status = 'closed' then f.last_closed end as closed_at,
		case when f.status in ('resolved', 'closed') then f.callback_result end as callback_result,
		b.source_check_id, b.k
	from (select demo.uuid_of(x.k) as id, x.* from g_inc_base x) b
	join final f on f.incident_id = b.id
	join g_inc_ev rep on rep.incident_id = b.id and rep.n = 1;

	drop table if exists g_inc_cmp;
	create temp table g_inc_cmp on commit drop as
	select i.id, i.hall_id, i.day, i.reporter_id,
		case when demo.rand(i.k || '/complainant') < 0.8 then demo.person_name(i.k || '/complainant') end as name,
		case when demo.rand(i.k || '/complainant') >= 0.8 or demo.rand(i.k || '/complainant/phone') < 0.75
			then demo.phone(i.k || '/complainant') end as phone
	from g_inc i where i.category = 'complaint';
end;
$$;

-- ─── Visits and follow-ups ────────────────────────────────────────────────────────────────────────────────────

/**
 * g_visit: visits to the hall's enterprises per their visit plans: in each stretch of `visit_every_days` one
 * visit (~85 %; the stretch of the horizon ~50 %, so some enterprises are overdue), enterprises without a plan
 * now and then; never before the enterprise was created nor after it was archived. Kinds on site, stationed or
 * project (naming the enterprise's project); check-in and check-out with a fix near the enterprise, ~4 % far,
 * some without a position (denied, unavailable, timeout). A visit running at the horizon has no check-out yet.
 */
create or replace function demo.gen_visits()
returns void
language plpgsql
set search_path = ''
as $$
begin
	drop table if exists g_visit;
	create temp table g_visit on commit drop as
	with plans as (
		select e.id as enterprise_id, e.hall_id, e.latitude, e.longitude, e.archived_at, e.created_at, r.from_day,
			r.to_day, r.horizon, coalesce(e.visit_every_days, 60) as every, e.visit_every_days is null as no_plan
		from app.enterprises e join demo.run r using (hall_id)
	),
	stretches as (
		select p.*, s, concat_ws('/', p.enterprise_id, 'visit', p.from_day + s * p.every) as k
		from plans p cross join generate_series(0, (p.to_day - p.from_day) / p.every) s
	),
	dated as (
		select t.*, demo.next_workday(t.from_day + t.s * t.every + floor(demo.rand(t.k || '/day') * t.every)::int) as day,
			demo.rand(t.k || '/happens') as happens
		from stretches t
	),
	chosen as (
		select d.*, demo.at(d.day, 570 + 390 * demo.rand(d.k || '/at')) as check_in_at,
			demo.rand(d.k || '/kind') as kind_f, demo.rand(d.k || '/geo') as geo_f
		from dated d
		where d.day between d.from_day and d.to_day
			and d.happens < case when d.no_plan then 0.4 when d.from_day + (d.s + 1) * d.every > d.to_day then 0.5 else 0.85 end
	)
	select demo.uuid_of(c.k) as id, c.hall_id, c.day, c.k, c.enterprise_id,
		case when c.kind_f >= 0.85 then pr.id end as project_id,
		(case when c.kind_f >= 0.85 and pr.id is not null then 'project' when c.kind_f >= 0.7 then 'stationed'
			else 'onsite' end)::app.visit_kind as kind,
		a.staff_id, a.name as staff_name,
		case when demo.rand(c.k || '/companion') < 0.3 and mate.staff_id <> a.staff_id then array[mate.staff_id]
			else '{}'::uuid[] end as companion_ids,
		case when contact.name is not null then contact.name || coalesce('（' || contact.role || '）', '') end as met,
		c.check_in_at,
		(case when c.geo_f < 0.05 then 'denied' when c.geo_f < 0.08 then 'unavailable' when c.geo_f < 0.1 then 'timeout'
			else 'fix' end)::app.geo_status as geo,
		-- Near: within ~100 m; far (~4 %): 0.7–2 km away.
		case when c.geo_f >= 0.96 then 0.006 + 0.012 * demo.rand(c.k || '/offset') else 0.0009 * demo.rand(c.k || '/offset')
			end as offset_deg,
		coalesce(c.latitude, 39.16) as latitude, coalesce(c.longitude, 117.21) as longitude,
		c.check_in_at + (case when c.kind_f >= 0.7 and c.kind_f < 0.85 then 150 + 90 * demo.rand(c.k || '/length')
			else 30 + 90 * demo.rand(c.k || '/length') end) * interval '1 minute' as planned_out,
		c.horizon,
		demo.pick_text(array['了解企业生产经营情况，宣讲惠企政策', '走访企业，收集发展中遇到的困难和诉求',
			'现场指导企业办理相关审批事项', '回访前期诉求办理情况，企业表示满意', '驻点服务，现场解答企业咨询'],
			demo.rand(c.k || '/summary')) as summary
	from chosen c
	cross join lateral demo.pick_staff(c.hall_id, 'any', demo.rand(c.k || '/staff')) a
	left join lateral demo.pick_staff(c.hall_id, 'any', demo.rand(c.k || '/mate')) mate on true
	left join lateral (select p.id from app.enterprise_projects p where p.enterprise_id = c.enterprise_id
		order by p.archived_at is not null, p.id limit 1) pr on true
	left join lateral (select t.name, t.role from app.enterprise_contacts t where t.enterprise_id = c.enterprise_id
		and t.removed_at is null order by md5(t.id::text || c.k) limit 1) contact on true
	where c.check_in_at <= c.horizon
		and c.day >= app.hall_day(c.created_at)
		and (c.archived_at is null or c.check_in_at < c.archived_at);
	alter table g_visit add column check_out_at timestamptz;
	update g_visit set check_out_at = planned_out where planned_out <= horizon;
end;
$$;

/**
 * g_fu and g_fu_ev: demands raised on visits (~35 % of visits one, ~10 % two) become follow-ups with an owner (the
 * visitor or a colleague) and a due date 7–30 days on. Their lifecycle as follow_up.act allows it
 * (follow-up-lifecycle.ts): opened → now and then reassigned or given a new date by a manager → started by the
 * owner → done (~72 %) or cannot_solve with the reason (~10 %), by the owner or a manager; the rest stay open,
 * overdue once their date passes. Steps after the horizon do not happen.
 */
create or replace function demo.gen_follow_ups()
returns void
language plpgsql
set search_path = ''
as $$
begin
	drop table if exists g_fu_ev;
	create temp table g_fu_ev on commit drop as
	with demands as (
		select v.*, n, v.k || '/demand/' || n as fk, coalesce(v.check_out_at, v.check_in_at) as opened_at
		from g_visit v cross join generate_series(1, 2) n
		where demo.rand(v.k || '/demands') < case n when 1 then 0.35 else 0.1 end
	),
	people as (
		select d.*, demo.uuid_of(d.fk) as follow_up_id,
			case when demo.rand(d.fk || '/own') < 0.6 then d.staff_id else o.staff_id end as owner_id,
			case when demo.rand(d.fk || '/own') < 0.6 then d.staff_name else o.name end as owner_name,
			m.staff_id as manager_id, m.name as manager_name, other.staff_id as other_id, other.name as other_name,
			app.hall_day(d.opened_at) + 7 + floor(23 * demo.rand(d.fk || '/due'))::int as due_on,
			demo.rand(d.fk || '/fate') as fate, demo.rand(d.fk || '/reassign') < 0.05 as reassigned,
			demo.rand(d.fk || '/redate') < 0.05 as redated, demo.rand(d.fk || '/by_manager') < 0.15 as manager_closes,
			demo.pick_text(array['协调解决企业用电增容需求', '咨询研发费用加计扣除政策', '申请人才公寓',
				'办理厂区消防验收', '对接银行融资需求', '协助招聘技术工人', '咨询老旧厂房改造补贴', '协调周边道路停车问题'],
				demo.rand(d.fk || '/text')) as demand
		from demands d
		cross join lateral demo.pick_staff(d.hall_id, 'any', demo.rand(d.fk || '/owner')) o
		left join lateral demo.pick_staff(d.hall_id, 'manager', demo.rand(d.fk || '/manager')) m on true
		left join lateral demo.pick_staff(d.hall_id, 'any', demo.rand(d.fk || '/other')) other on true
	),
	shaped as (
		select p.*,
			p.reassigned and p.manager_id is not null and p.other_id <> p.owner_id as moves,
			p.redated and p.manager_id is not null as redates,
			p.opened_at + (600 + 3000 * demo.rand(p.fk || '/start')) * interval '1 minute' as t_start,
			demo.at(p.due_on - 6 + floor(10 * demo.rand(p.fk || '/finish'))::int, 570 + 420 * demo.rand(p.fk || '/finish_at'))
				as t_finish
		from people p
	),
	timed as (
		select s.*, greatest(s.t_start, s.opened_at + interval '2 hours') as t_started,
			greatest(s.t_finish, greatest(s.t_start, s.opened_at + interval '2 hours') + interval '1 day 1 hour') as t_closed
		from shaped s
	),
	steps as (
		select s.follow_up_id, s.hall_id, s.day, s.fk, x.n, x.kind, x.from_status, x.to_status, x.at, x.note,
			x.staff_id, x.staff_name, x.owner_id, x.owner_name, x.due_on, s.demand, s.id as visit_id, s.enterprise_id
		from timed s
		cross join lateral (values
			(1, 'opened', null, 'open', s.opened_at, null, s.staff_id, s.staff_name, s.owner_id, s.owner_name, s.due_on),
			(2, 'reassigned', 'open', 'open', s.opened_at + interval '1 hour', '原负责人工作调整', s.manager_id,
				s.manager_name, s.other_id, s.other_name, null),
			(3, 'started', 'open', 'in_progress', s.t_started, null,
				case when s.moves then s.other_id else s.owner_id end,
				case when s.moves then s.other_name else s.owner_name end, null, null, null),
			(4, 'due_changed', 'in_progress', 'in_progress', s.t_started + interval '1 day', '企业补充材料需要时间，延期办理', s.manager_id, s.manager_name, null, null, s.due_on + 10),
			(5, case when s.fate < 0.72 then 'done' else 'cannot_solve' end, 'in_progress',
				case when s.fate < 0.72 then 'done' else 'cannot_solve' end,
				s.t_closed,
				case when s.fate < 0.72 then demo.pick_text(array['已协调办结，企业确认', '已答复企业并提供政策文件',
					'已对接相关部门，问题解决'], demo.rand(s.fk || '/done'))
					else demo.pick_text(array['不符合政策条件，已向企业解释', '超出本级权限，已建议企业向市级部门反映'],
						demo.rand(s.fk || '/cannot')) end,
				case when s.manager_closes and s.manager_id is not null then s.manager_id
					when s.moves then s.other_id else s.owner_id end,
				case when s.manager_closes and s.manager_id is not null then s.manager_name
					when s.moves then s.other_name else s.owner_name end, null, null, null)
		) x (n, kind, from_status, to_status, at, note, staff_id, staff_name, owner_id, owner_name, due_on)
		where case x.n when 2 then s.moves when 4 then s.redates when 5 then s.fate < 0.82 else true end
	)
	select demo.uuid_of(s.fk || '/event/' || s.n) as id, s.hall_id, s.follow_up_id, s.day, s.n,
		s.kind::app.follow_up_event_kind as kind, s.from_status::app.follow_up_status as from_status,
		s.to_status::app.follow_up_status as to_status, s.staff_id, s.staff_name, s.owner_id, s.owner_name, s.due_on,
		s.note, s.at as occurred_at, s.fk, s.demand, s.visit_id, s.enterprise_id
	from steps s join demo.run r using (hall_id)
	where s.at <= r.horizon;

	drop table if exists g_fu;
	create temp table g_fu on commit drop as
	with final as (
		select e.follow_up_id,
			(array_agg(e.to_status order by e.n desc))[1] as status,
			(array_agg(e.owner_id order by e.n desc) filter (where e.owner_id is not null))[1] as owner_id,
			(array_agg(e.owner_name order by e.n desc) filter (where e.owner_id is not null))[1] as owner_name,
			(array_agg(e.due_on order by e.n desc) filter (where e.due_on is not null))[1] as due_on,
			max(e.occurred_at) filter (where e.kind in ('done', 'cannot_solve')) as closed_at,
			max(e.note) filter (where e.kind = 'cannot_solve') as reason
		from g_fu_ev e group by e.follow_up_id
	)
	select o.follow_up_id as id, o.hall_id, o.day, o.enterprise_id, o.visit_id, o.demand, f.status, f.owner_id,
		f.owner_name, f.due_on, o.staff_id as opened_by, o.staff_name as opened_by_name, o.occurred_at as opened_at,
		f.closed_at, f.reason
	from g_fu_ev o
	join final f on f.follow_up_id = o.follow_up_id
	where o.n = 1;
end;
$$;

-- ─── Replacing an earlier run ─────────────────────────────────────────────────────────────────────────────────

/** True when a row of `table_name` is one the generator wrote. */
create or replace function demo.is_generated(table_name text, id uuid)
returns boolean
language sql
stable
as $$
	select exists (select 1 from demo.generated g where g.table_name = is_generated.table_name and g.id = is_generated.id)
$$;

/**
 * Deletes what earlier runs generated for the run's halls and days. A family a person has since added to (an
 * event on a generated record, a return visit to a generated notice, an action on a generated incident, a check
 * in a generated round, a follow-up or a photo on a generated visit) is kept whole, as are rows people made.
 * Returns how many rows went.
 */
create or replace function demo.forget_generated()
returns int
language plpgsql
set search_path = ''
as $$
declare
	removed int := 0;
	n int;
	family record;
begin
	-- Fresh statistics first: right after an earlier run the planner may still think these tables empty, and a
	-- nested loop over tens of thousands of rows takes minutes instead of a second.
	analyze demo.generated, app.service_records, app.service_record_events, app.prechecks, app.precheck_rounds,
		app.incidents, app.incident_events, app.patrol_rounds, app.patrol_checks, app.visits, app.follow_ups,
		app.follow_up_events, app.photos;
	drop table if exists g_old;
	create temp table g_old on commit drop as
	select g.table_name, g.id from demo.generated g
	join demo.run r on r.hall_id = g.hall_id and g.day between r.from_day and r.to_day;
	create index on g_old (table_name, id);
	analyze g_old;

	drop table if exists g_keep;
	create temp table g_keep (table_name text, id uuid) on commit drop;
	-- Pre-checks and records, whose families hold each other (a pre-check names its record).
	insert into g_keep select 'prechecks', o.id from g_old o where o.table_name = 'prechecks'
		and exists (select 1 from app.precheck_rounds r where r.precheck_id = o.id
			and not demo.is_generated('precheck_rounds', r.id));
	insert into g_keep select 'service_records', o.id from g_old o where o.table_name = 'service_records'
		and (exists (select 1 from app.service_record_events e where e.record_id = o.id
				and not demo.is_generated('service_record_events', e.id))
			or exists (select 1 from app.prechecks p where p.record_id = o.id and not demo.is_generated('prechecks', p.id))
			or exists (select 1 from app.service_records m where m.merged_into = o.id
				and not demo.is_generated('service_records', m.id))
			or exists (select 1 from app.prechecks p join g_keep k on k.table_name = 'prechecks' and k.id = p.id
				where p.record_id = o.id));
	insert into g_keep select 'prechecks', p.id from app.prechecks p
		join g_keep k on k.table_name = 'service_records' and k.id = p.record_id;
	insert into g_keep select 'service_record_events', e.id from app.service_record_events e
		join g_keep k on k.table_name = 'service_records' and k.id = e.record_id;
	insert into g_keep select t.table_name, x.id from g_keep k, lateral (values ('precheck_rounds'), ('precheck_applicants')) t (table_name),
		lateral (select r.id from app.precheck_rounds r where t.table_name = 'precheck_rounds' and r.precheck_id = k.id
			union all select a.id from app.precheck_applicants a where t.table_name = 'precheck_applicants' and a.id = k.id) x
		where k.table_name = 'prechecks';
	-- Incidents.
	insert into g_keep select 'incidents', o.id from g_old o where o.table_name = 'incidents'
		and (exists (select 1 from app.incident_events e where e.incident_id = o.id
				and not demo.is_generated('incident_events', e.id))
			or exists (select 1 from app.photos p where p.owner_kind = 'incident' and p.owner_id = o.id));
	insert into g_keep select 'incident_events', e.id from app.incident_events e
		join g_keep k on k.table_name = 'incidents' and k.id = e.incident_id;
	insert into g_keep select 'incident_complainants', k.id from g_keep k where k.table_name = 'incidents';
	-- Patrol rounds.
	insert into g_keep select 'patrol_rounds', o.id from g_old o where o.table_name = 'patrol_rounds'
		and exists (select 1 from app.patrol_checks c where c.round_id = o.id
			and (not demo.is_generated('patrol_checks', c.id)
				or exists (select 1 from app.photos p where p.owner_kind = 'patrol_check' and p.owner_id = c.id)));
	insert into g_keep select 'patrol_checks', c.id from app.patrol_checks c
		join g_keep k on k.table_name = 'patrol_rounds' and k.id = c.round_id;
	-- Visits and follow-ups.
	insert into g_keep select 'follow_ups', o.id from g_old o where o.table_name = 'follow_ups'
		and exists (select 1 from app.follow_up_events e where e.follow_up_id = o.id
			and not demo.is_generated('follow_up_events', e.id));
	insert into g_keep select 'visits', o.id from g_old o where o.table_name = 'visits'
		and (exists (select 1 from app.follow_ups f where f.visit_id = o.id
				and (not demo.is_generated('follow_ups', f.id)
					or exists (select 1 from g_keep k where k.table_name = 'follow_ups' and k.id = f.id)))
			or exists (select 1 from app.photos p where p.owner_kind = 'visit' and p.owner_id = o.id));
	insert into g_keep select 'follow_ups', f.id from app.follow_ups f
		join g_keep k on k.table_name = 'visits' and k.id = f.visit_id;
	insert into g_keep select 'follow_up_events', e.id from app.follow_up_events e
		join g_keep k on k.table_name = 'follow_ups' and k.id = e.follow_up_id;

	delete from g_old o using g_keep k where k.table_name = o.table_name and k.id = o.id;
	-- Children before parents.
	for family in select * from unnest(array['precheck_applicants', 'precheck_rounds', 'prechecks',
		'service_record_events', 'service_records', 'incident_events', 'incident_complainants', 'incidents',
		'patrol_checks', 'patrol_rounds', 'follow_up_events', 'follow_ups', 'visits']) t (table_name) loop
		execute format('delete from app.%I x using g_old o where o.table_name = %L and o.id = x.id',
			family.table_name, family.table_name);
		get diagnostics n = row_count;
		removed := removed + n;
	end loop;
	delete from demo.generated g using g_old o where o.table_name = g.table_name and o.id = g.id;
	return removed;
end;
$$;

-- ─── Storing ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Writes the run's rows into the app's tables (parents first; a row whose id or unique key is already taken is
 * skipped, and so are its children) and lists them in demo.generated. Returns the rows written per table.
 */
create or replace function demo.store()
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
	counts jsonb := '{}';
	n int;
begin
	with written as (
		insert into app.service_records (id, hall_id, ticket_date, ticket_no, raw_payload, category, special_groups,
			green_channel, first_responder_id, first_responder_name, opened_at)
		select id, hall_id, day, ticket_no, raw_payload, category, special_groups, green_channel, first_responder_id,
			first_responder_name, opened_at
		from g_sr order by hall_id, opened_at
		on conflict do nothing returning id, hall_id, ticket_date
	)
	insert into demo.generated select 'service_records', id, hall_id, ticket_date from written;
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('service_records', n);

	with written as (
		insert into app.service_record_events (id, record_id, hall_id, kind, window_no, note, staff_id, staff_name,
			occurred_at)
		select e.id, e.record_id, e.hall_id, e.kind, e.window_no, e.note, e.staff_id, e.staff_name, e.occurred_at
		from g_sre e where exists (select 1 from app.service_records r where r.id = e.record_id)
		order by e.hall_id, e.occurred_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'service_record_events', w.id, e.hall_id, e.day from written w join g_sre e using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('service_record_events', n);

	with written as (
		insert into app.prechecks (id, hall_id, item_id, item_version_id, record_id, situation_key, answers, language,
			status, notice_no, public_token, staff_id, staff_name, staff_post, created_at, completed_at)
		select p.id, p.hall_id, p.item_id, p.item_version_id, p.record_id, p.situation_key, p.answers, p.language,
			p.status, p.notice_no,
			case when p.notice_no is not null then
				translate(rtrim(encode(decode(md5('hall-assist-demo/token/' || p.k), 'hex'), 'base64'), '='), '+/', '-_')
			end,
			p.staff_id, p.staff_name, p.staff_post, p.created_at, p.completed_at
		from g_pc p
		where p.record_id is null or exists (select 1 from app.service_records r where r.id = p.record_id)
		order by p.hall_id, p.created_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'prechecks', w.id, p.hall_id, p.day from written w join g_pc p using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('prechecks', n);

	with written as (
		insert into app.precheck_rounds (id, precheck_id, hall_id, round_no, marks, result, new_gap_keys,
			broken_promise_reason, promise_staff_id, staff_id, staff_name, checked_at)
		select r.id, r.precheck_id, r.hall_id, r.round_no, r.marks, r.result, r.new_gap_keys, r.broken_promise_reason,
			r.promise_staff_id, r.staff_id, r.staff_name, r.checked_at
		from g_pr r where exists (select 1 from app.prechecks p where p.id = r.precheck_id)
		order by r.hall_id, r.checked_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'precheck_rounds', w.id, r.hall_id, r.day from written w join g_pr r using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('precheck_rounds', n);

	with written as (
		insert into app.precheck_applicants (id, hall_id, staff_id, name, phone)
		select a.id, a.hall_id, a.staff_id, a.name, a.phone
		from g_pa a where exists (select 1 from app.prechecks p where p.id = a.id)
		on conflict do nothing returning id
	)
	insert into demo.generated select 'precheck_applicants', w.id, a.hall_id, a.day from written w join g_pa a using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('precheck_applicants', n);

	with written as (
		insert into app.patrol_rounds (id, hall_id, staff_id, staff_name, day, window_key, started_at, finished_at, comment)
		select id, hall_id, staff_id, staff_name, day, window_key, started_at, finished_at, comment
		from g_round order by hall_id, started_at
		on conflict do nothing returning id, hall_id, day
	)
	insert into demo.generated select 'patrol_rounds', id, hall_id, day from written;
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('patrol_rounds', n);

	with written as (
		insert into app.patrol_checks (id, round_id, hall_id, checkpoint_id, identified_by, list_reason, checked_at,
			results, same_as_last)
		select c.id, c.round_id, c.hall_id, c.checkpoint_id, c.identified_by, c.list_reason, c.checked_at, c.results,
			c.same_as_last
		from g_check c where exists (select 1 from app.patrol_rounds r where r.id = c.round_id)
		order by c.hall_id, c.checked_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'patrol_checks', w.id, c.hall_id, c.day from written w join g_check c using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('patrol_checks', n);

	with written as (
		insert into app.incidents (id, hall_id, category, severity, place, checkpoint_id, description, reporter_id,
			reporter_name, reported_at, status, assignee_id, assignee_name, responded_at, resolved_at, closed_at,
			callback_result, source_check_id)
		select id, hall_id, category, severity, place, checkpoint_id, description, reporter_id, reporter_name,
			reported_at, status, assignee_id, assignee_name, responded_at, resolved_at, closed_at, callback_result,
			source_check_id
		from g_inc order by hall_id, reported_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'incidents', w.id, i.hall_id, i.day from written w join g_inc i using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('incidents', n);

	with written as (
		insert into app.incident_events (id, incident_id, hall_id, kind, from_status, to_status, staff_id, staff_name,
			assignee_id, assignee_name, note, occurred_at)
		select e.id, e.incident_id, e.hall_id, e.kind, e.from_status, e.to_status, e.staff_id, e.staff_name,
			e.assignee_id, e.assignee_name, e.note, e.occurred_at
		from g_inc_ev e where exists (select 1 from app.incidents i where i.id = e.incident_id)
		order by e.hall_id, e.occurred_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'incident_events', w.id, e.hall_id, e.day from written w join g_inc_ev e using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('incident_events', n);

	with written as (
		insert into app.incident_complainants (id, hall_id, reporter_id, name, phone)
		select c.id, c.hall_id, c.reporter_id, c.name, c.phone
		from g_inc_cmp c where exists (select 1 from app.incidents i where i.id = c.id)
		on conflict do nothing returning id
	)
	insert into demo.generated select 'incident_complainants', w.id, c.hall_id, c.day from written w join g_inc_cmp c using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('incident_complainants', n);

	with written as (
		insert into app.visits (id, hall_id, enterprise_id, project_id, kind, staff_id, staff_name, companion_ids, met,
			check_in_at, check_in_geo, check_in_latitude, check_in_longitude, check_in_accuracy_m, check_out_at,
			check_out_geo, check_out_latitude, check_out_longitude, check_out_accuracy_m, summary, saved_at)
		select v.id, v.hall_id, v.enterprise_id, case when v.kind = 'project' then v.project_id end, v.kind, v.staff_id,
			v.staff_name, v.companion_ids, v.met, v.check_in_at, v.geo,
			case when v.geo = 'fix' then v.latitude + v.offset_deg end,
			case when v.geo = 'fix' then v.longitude + v.offset_deg * 0.8 end,
			case when v.geo = 'fix' then 8 + round(40 * demo.rand(v.k || '/accuracy')) end,
			v.check_out_at, case when v.check_out_at is not null then v.geo end,
			case when v.check_out_at is not null and v.geo = 'fix' then v.latitude + v.offset_deg * 0.9 end,
			case when v.check_out_at is not null and v.geo = 'fix' then v.longitude + v.offset_deg * 0.7 end,
			case when v.check_out_at is not null and v.geo = 'fix' then 8 + round(40 * demo.rand(v.k || '/accuracy_out')) end,
			case when v.check_out_at is not null then v.summary end, coalesce(v.check_out_at, v.check_in_at)
		from g_visit v order by v.hall_id, v.check_in_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'visits', w.id, v.hall_id, v.day from written w join g_visit v using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('visits', n);

	with written as (
		insert into app.follow_ups (id, hall_id, enterprise_id, visit_id, demand, owner_id, owner_name, due_on, status,
			opened_by, opened_by_name, opened_at, closed_at, reason)
		select f.id, f.hall_id, f.enterprise_id, f.visit_id, f.demand, f.owner_id, f.owner_name, f.due_on, f.status,
			f.opened_by, f.opened_by_name, f.opened_at, f.closed_at, f.reason
		from g_fu f where exists (select 1 from app.visits v where v.id = f.visit_id)
		order by f.hall_id, f.opened_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'follow_ups', w.id, f.hall_id, f.day from written w join g_fu f using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('follow_ups', n);

	with written as (
		insert into app.follow_up_events (id, hall_id, follow_up_id, kind, from_status, to_status, staff_id, staff_name,
			owner_id, owner_name, due_on, note, occurred_at)
		select e.id, e.hall_id, e.follow_up_id, e.kind, e.from_status, e.to_status, e.staff_id, e.staff_name, e.owner_id,
			e.owner_name, e.due_on, e.note, e.occurred_at
		from g_fu_ev e where exists (select 1 from app.follow_ups f where f.id = e.follow_up_id)
		order by e.hall_id, e.occurred_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'follow_up_events', w.id, e.hall_id, e.day from written w join g_fu_ev e using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('follow_up_events', n);
	return counts;
end;
$$;

-- ─── The entry point ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * Generates `days` hall days of activity before `anchor` (and, when anchor is the hall's today, today up to
 * now()) for each hall of `hall_ids`, or, when null, every hall with active staff. Replaces what earlier runs
 * generated for those halls and days. Returns the rows written per table, with the halls, the days and the time
 * it took. Working days (Monday to Friday, demo.is_workday) get the hall's full activity, weekends a few
 * appointments.
 */
create or replace function demo.generate_history(anchor date, days int default 90, hall_ids uuid[] default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
	today date := app.hall_day(now());
	started timestamptz := clock_timestamp();
	step timestamptz;
	generator text;
	timings jsonb;
	removed int;
	counts jsonb;
begin
	if anchor is null or anchor > today then
		raise exception 'demo.generate_history: anchor must be a hall day up to today (%), not %', today, anchor;
	end if;
	if days is null or days < 1 or days > 3660 then
		raise exception 'demo.generate_history: days must be 1 to 3660, not %', days;
	end if;
	-- One run at a time: the run tables below are shared.
	perform pg_advisory_xact_lock(hashtext('demo.generate_history'));
	delete from demo.run;
	delete from demo.run_days;

	insert into demo.run (hall_id, kind, ticket_format, from_day, to_day, horizon, visitors, windows)
	select h.id, h.kind::text, h.ticket_format, anchor - days, case when anchor = today then anchor else anchor - 1 end,
		case when anchor = today then now() else demo.at(anchor, 0) end,
		case when h.kind = 'district_center' then 150 else 35 end,
		case when h.kind = 'district_center' then 24 else 4 end
	from app.halls h
	where case when hall_ids is null then exists (select 1 from app.staff s where s.hall_id = h.id and s.active)
		else h.id = any (hall_ids) end;

	-- Mondays are busiest, Fridays quietest; each day within ±8 % of that.
	insert into demo.run_days (hall_id, day, workday, visitors)
	select r.hall_id, d::date, demo.is_workday(d::date),
		case when demo.is_workday(d::date) then round(r.visitors
			* (array[1.1, 1.03, 1.0, 0.97, 0.9])[extract(isodow from d)::int]
			* (0.92 + 0.16 * demo.rand(concat_ws('/', r.hall_id, d::date, 'visitors'))))::int
		when r.kind = 'district_center' then floor(4 * demo.rand(concat_ws('/', r.hall_id, d::date, 'visitors')))::int
		else (demo.rand(concat_ws('/', r.hall_id, d::date, 'visitors')) < 0.3)::int end
	from demo.run r cross join generate_series(r.from_day, r.to_day, interval '1 day') d;

	perform demo.fill_staff_pool();
	removed := demo.forget_generated();
	step := clock_timestamp();
	timings := jsonb_build_object('forget', round(extract(epoch from step - started) * 1000));
	foreach generator in array array['gen_service_records', 'gen_prechecks', 'gen_precheck_rounds', 'gen_record_events',
		'gen_patrols', 'gen_incident_reports', 'gen_incidents', 'gen_visits', 'gen_follow_ups'] loop
		execute format('select demo.%I()', generator);
		timings := timings || jsonb_build_object(generator, round(extract(epoch from clock_timestamp() - step) * 1000));
		step := clock_timestamp();
	end loop;
	counts := demo.store();
	timings := timings || jsonb_build_object('store', round(extract(epoch from clock_timestamp() - step) * 1000));
	return jsonb_build_object(
		'halls', (select coalesce(jsonb_agg(r.hall_id order by r.hall_id), '[]') from demo.run r),
		'from', anchor - days,
		'to', case when anchor = today then anchor else anchor - 1 end,
		'removed', removed,
		'rows', counts,
		'step_ms', timings,
		'ms', round(extract(epoch from clock_timestamp() - started) * 1000)
	);
end;
$$;
