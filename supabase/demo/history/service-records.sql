-- Part of supabase/demo/history.sql (docs/HISTORY.md): service records and their timelines.

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
