-- Part of supabase/demo/history.sql (docs/HISTORY.md): visits to key enterprises and their follow-ups.

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
