-- Part of supabase/demo/history.sql (docs/HISTORY.md): patrol rounds and checks.

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
