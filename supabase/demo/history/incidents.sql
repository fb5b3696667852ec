-- Part of supabase/demo/history.sql (docs/HISTORY.md): incidents through their lifecycle.

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
 * ~5 % stall after the start (never resolved: overdue by now), and always each hall's latest; steps after the
 * horizon do not happen, so the last days' incidents are still open. The incident row is what the kept steps leave.
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
			-- Each hall's latest incident stalls whatever its draw, so a manager's morning always has one open
			-- (with a few dozen incidents in a short range, the ~6 % alone can leave none).
			case when row_number() over (partition by b.hall_id order by b.reported_at desc, b.k) = 1 then 0.03
				else demo.rand(b.k || '/fate') end as fate,
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
