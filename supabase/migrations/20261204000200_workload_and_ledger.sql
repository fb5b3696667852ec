-- Staff workload (业务处理量, 绩效考核) and the monthly service-quality ledger (服务质量考核 百分制台账), issue 12 parts 4
-- and 5, computed here like the managers' report (20261204000100_reports.sql, docs/REPORTS.md): security definer
-- public functions that decide the caller's halls from app.current_staff() through app.reportable_halls() before
-- reading anything, helpers granted to nobody, the same stable refusals (report_forbidden 42501,
-- report_invalid_range 22023). The answers are `staffWorkload` (src/lib/domain/assessment.ts) and `ledgerMonth`
-- (src/lib/domain/ledger.ts); the integration tests parse every answer with them.
--
-- The caller's checks move into app.report_scope, which hall_report (replaced below, same answer) and the new
-- functions call. Patrols: the report's window logic moves into two helpers, app.patrol_windows and
-- app.patrol_round_facts, which app.report_patrols (replaced below, same figures), the workload and the ledger all
-- read: one definition of a window's deadline, of on time / late / missed and of a round's missed checkpoints.

-- ─── The caller's scope, once for every report-like call ───────────────────────────────────────────────────────

/**
 * The checked, distinct halls of a call, or a refusal: not an active manager, no hall, a hall the caller may not
 * report on (or none such: the same answer), a missing or infinite day, `to` before `from`, more than maxDays.
 * hall_report (replaced below to call it), staff_workload and ledger_month all start with it.
 */
create function app.report_scope(hall_ids jsonb, from_day date, to_day date)
returns uuid[]
language plpgsql
stable
set search_path = ''
as $$
declare
	halls uuid[];
begin
	if (select (app.current_staff()).post) is distinct from 'manager' then
		perform app.refuse_report('report_forbidden', 'Only an active manager may read reports.', '42501');
	end if;
	halls := app.report_hall_ids(hall_ids);
	if exists (select 1 from unnest(halls) h (id) where h.id not in (select r.id from app.reportable_halls() r)) then
		perform app.refuse_report('report_forbidden', 'A hall named is not one you may report on.', '42501');
	end if;
	if from_day is null or to_day is null or not isfinite(from_day) or not isfinite(to_day) or to_day < from_day then
		perform app.refuse_report('report_invalid_range', 'The range needs a first day on or before its last.',
			'22023');
	end if;
	if to_day - from_day + 1 > app.report_limit('maxDays') then
		perform app.refuse_report('report_invalid_range',
			format('A report covers at most %s days.', app.report_limit('maxDays')), '22023');
	end if;
	return halls;
end;
$$;

/** The report (20261204000100_reports.sql) with its checks now in app.report_scope; its answer is unchanged. */
create or replace function public.hall_report(hall_ids jsonb, from_day date, to_day date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	halls uuid[] := app.report_scope(hall_ids, from_day, to_day);
	operation jsonb := app.report_operation(halls, from_day, to_day);
	incidents jsonb := app.report_incidents(halls, from_day, to_day);
begin
	return jsonb_build_object(
		'halls', (select jsonb_agg(jsonb_build_object('id', r.id, 'name', r.name)
				order by r.kind, r.name, r.id)
			from app.reportable_halls() r where r.id = any (halls)),
		'from', from_day,
		'to', to_day,
		'generated_at', now(),
		'operation', operation -> 'operation',
		'consultations', operation -> 'consultations',
		'prechecks', app.report_prechecks(halls, from_day, to_day),
		'incidents', incidents -> 'incidents',
		'patrols', app.report_patrols(halls, from_day, to_day),
		'supervision', incidents -> 'supervision',
		'visits', app.report_visits(halls, from_day, to_day)
	);
end;
$$;

-- ─── Patrols: one definition of windows and rounds ────────────────────────────────────────────────────────────

/**
 * Each hall's plan windows on each open day of the range up to today, as patrol-evaluation.ts reads a day: the
 * deadline is the window's end plus grace; `on_time` finished rounds that started by it, `finished`, `started`
 * (any round of the window); `expected` once the deadline has passed or a round has finished (a window still open
 * today is not missed). `round_id`: the window's first finished round (its evidence), else its first round.
 */
create function app.patrol_windows(halls uuid[], from_day date, to_day date)
returns table (hall_id uuid, day date, window_key text, label text, deadline timestamptz, on_time bigint,
	finished bigint, started bigint, expected boolean, round_id uuid)
language sql
stable
set search_path = ''
as $$
	with windows as (
		select p.hall_id, d.day::date as day, w.value ->> 'key' as window_key, w.value ->> 'label_zh' as label,
			app.hall_instant(d.day::date, w.value ->> 'end') + make_interval(mins => p.grace_minutes) as deadline
		from app.patrol_plans p
		cross join jsonb_array_elements(p.windows) w
		cross join generate_series(from_day, least(to_day, app.hall_day(now())), interval '1 day') d (day)
		where p.hall_id = any (halls) and app.hall_open_on(d.day::date)
	)
	select w.hall_id, w.day, w.window_key, w.label, w.deadline,
		count(r.id) filter (where r.finished_at is not null and r.started_at <= w.deadline),
		count(r.id) filter (where r.finished_at is not null),
		count(r.id),
		w.deadline < now() or count(r.id) filter (where r.finished_at is not null) > 0,
		(array_agg(r.id order by r.finished_at is null, r.started_at, r.id) filter (where r.id is not null))[1]
	from windows w
	left join app.patrol_rounds r on r.hall_id = w.hall_id and r.day = w.day and r.window_key = w.window_key
		and r.hall_id = any (halls) and r.day between from_day and to_day
	group by w.hall_id, w.day, w.window_key, w.label, w.deadline
$$;

/**
 * Every round of the range (any day, finished or not): its window in the current plan (`deadline` and `label`
 * null for an extra round: no window, or one the plan no longer has), whether it started after the deadline, and
 * for a finished round the active (not retired) checkpoints of its hall it did not check.
 */
create function app.patrol_round_facts(halls uuid[], from_day date, to_day date)
returns table (id uuid, hall_id uuid, staff_id uuid, day date, window_key text, label text,
	started_at timestamptz, finished_at timestamptz, deadline timestamptz, late boolean, missing_checkpoints bigint)
language sql
stable
set search_path = ''
as $$
	select r.id, r.hall_id, r.staff_id, r.day, r.window_key, w.label, r.started_at, r.finished_at, w.deadline,
		coalesce(r.started_at > w.deadline, false),
		case when r.finished_at is not null then (select count(*) from app.checkpoints k
			where k.hall_id = r.hall_id and k.retired_at is null
				and not exists (select 1 from app.patrol_checks c where c.round_id = r.id and c.checkpoint_id = k.id))
		end
	from app.patrol_rounds r
	left join lateral (
		select x.value ->> 'label_zh' as label,
			app.hall_instant(r.day, x.value ->> 'end') + make_interval(mins => p.grace_minutes) as deadline
		from app.patrol_plans p cross join jsonb_array_elements(p.windows) x
		where p.hall_id = r.hall_id and x.value ->> 'key' = r.window_key
		limit 1
	) w on true
	where r.hall_id = any (halls) and r.day between from_day and to_day
$$;

/** The report's patrols (docs/REPORTS.md), now on the helpers above; the figures are those of 20261204000100. */
create or replace function app.report_patrols(halls uuid[], from_day date, to_day date)
returns jsonb
language sql
stable
set search_path = ''
as $$
	with rounds as (select * from app.patrol_round_facts(halls, from_day, to_day)),
	expected as (select * from app.patrol_windows(halls, from_day, to_day) w where w.expected),
	problems as (
		select c.checkpoint_id, count(*) as n
		from rounds r
		join app.patrol_checks c on c.round_id = r.id
		cross join jsonb_array_elements(c.results) x
		where x.value ->> 'status' = 'problem'
		group by c.checkpoint_id
	),
	top_problems as (
		select p.checkpoint_id, k.name_zh as name, p.n
		from problems p join app.checkpoints k on k.id = p.checkpoint_id
		order by p.n desc, k.name_zh, p.checkpoint_id
		limit app.report_limit('topRows')
	)
	select jsonb_build_object(
		'expected_rounds', (select count(*) from expected),
		'rounds_on_time', (select count(*) from expected e where e.on_time > 0),
		'rounds_late', (select count(*) from expected e where e.on_time = 0 and e.finished > 0),
		'rounds_missed', (select count(*) from expected e where e.started = 0),
		'extra_rounds', (select count(*) from rounds r where r.deadline is null),
		'checkpoints_missed', (select coalesce(sum(r.missing_checkpoints), 0) from rounds r),
		'problems', (select coalesce(sum(p.n), 0) from problems p),
		'problems_by_checkpoint', coalesce((select jsonb_agg(jsonb_build_object('checkpoint_id', t.checkpoint_id,
				'name', t.name, 'problems', t.n) order by t.n desc, t.name, t.checkpoint_id)
			from top_problems t), '[]'),
		'compliance_rate', (select count(*) filter (where e.on_time > 0)::numeric / nullif(count(*), 0)
			from expected e)
	)
$$;

-- ─── Staff workload ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * Per staff member and hall, what the rows of the range show they did (staffWorkload in assessment.ts says each
 * count). Every count is one grouped scan of one table by hall and day or time; the list is the halls' active
 * staff and anyone else with a count in the range (a deactivated colleague, or one who has moved on).
 */
create function app.workload_counts(halls uuid[], from_day date, to_day date)
returns table (hall_id uuid, staff_id uuid, measure text, n bigint)
language sql
stable
set search_path = ''
as $$
	with bounds as (
		select app.hall_instant(from_day, '00:00') as range_start, app.hall_instant(to_day + 1, '00:00') as range_stop
	),
	records as (
		select r.id, r.hall_id, r.first_responder_id
		from app.service_records r
		where r.hall_id = any (halls) and r.ticket_date between from_day and to_day and r.deleted_at is null
	),
	rounds as (select * from app.patrol_round_facts(halls, from_day, to_day) r where r.finished_at is not null)
	select r.hall_id, r.first_responder_id, 'records_first_responder', count(*) from records r group by 1, 2
	union all
	select r.hall_id, e.staff_id, 'record_events', count(*)
	from records r join app.service_record_events e on e.record_id = r.id group by 1, 2
	union all
	select p.hall_id, p.staff_id, m.measure, count(*) filter (where m.measure = 'prechecks' or p.notice_no is not null)
	from app.prechecks p cross join bounds b cross join (values ('prechecks'), ('notices')) m (measure)
	where p.hall_id = any (halls) and p.created_at >= b.range_start and p.created_at < b.range_stop
	group by 1, 2, 3
	union all
	select x.hall_id, x.staff_id, 'return_rounds', count(*)
	from app.precheck_rounds x, bounds b
	where x.hall_id = any (halls) and x.round_no > 1 and x.checked_at >= b.range_start and x.checked_at < b.range_stop
	group by 1, 2
	union all
	select r.hall_id, r.staff_id, m.measure, count(*) filter (where m.measure = 'patrol_rounds'
		or (m.measure = 'patrol_rounds_late' and r.late) or (m.measure = 'patrol_rounds_incomplete'
			and r.missing_checkpoints > 0))
	from rounds r
	cross join (values ('patrol_rounds'), ('patrol_rounds_late'), ('patrol_rounds_incomplete')) m (measure)
	group by 1, 2, 3
	union all
	select i.hall_id, i.reporter_id, 'incidents_reported', count(*)
	from app.incidents i, bounds b
	where i.hall_id = any (halls) and i.reported_at >= b.range_start and i.reported_at < b.range_stop
	group by 1, 2
	union all
	select i.hall_id, i.assignee_id, 'incidents_handled', count(*)
	from app.incidents i, bounds b
	where i.hall_id = any (halls) and i.resolved_at >= b.range_start and i.resolved_at < b.range_stop
	group by 1, 2
	union all
	select e.hall_id, e.staff_id, 'incident_steps', count(*)
	from app.incident_events e, bounds b
	where e.hall_id = any (halls) and e.kind <> 'reported'
		and e.occurred_at >= b.range_start and e.occurred_at < b.range_stop
	group by 1, 2
	union all
	select v.hall_id, w.staff_id, w.measure, count(*)
	from app.visits v
	cross join bounds b
	cross join lateral (select v.staff_id, 'visits' union all select c.id, 'visits_accompanied'
		from unnest(v.companion_ids) c (id) where c.id <> v.staff_id) w (staff_id, measure)
	where v.hall_id = any (halls) and v.check_in_at >= b.range_start and v.check_in_at < b.range_stop
	group by 1, 2, 3
	union all
	select f.hall_id, f.opened_by, 'follow_ups_opened', count(*)
	from app.follow_ups f, bounds b
	where f.hall_id = any (halls) and f.opened_at >= b.range_start and f.opened_at < b.range_stop
	group by 1, 2
	union all
	select e.hall_id, e.staff_id,
		case when e.kind in ('done', 'cannot_solve') then 'follow_ups_closed' else 'follow_up_steps' end, count(*)
	from app.follow_up_events e, bounds b
	where e.hall_id = any (halls) and e.kind <> 'opened'
		and e.occurred_at >= b.range_start and e.occurred_at < b.range_stop
	group by 1, 2, 3
$$;

create function public.staff_workload(hall_ids jsonb, from_day date, to_day date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	halls uuid[] := app.report_scope(hall_ids, from_day, to_day);
begin
	return (
		with counts as (select * from app.workload_counts(halls, from_day, to_day) c where c.n > 0),
		people as (
			select s.hall_id, s.id as staff_id from app.staff s where s.hall_id = any (halls) and s.active
			union
			select c.hall_id, c.staff_id from counts c
		),
		listed as (
			select p.hall_id, s.id, s.display_name, s.post, s.active,
				coalesce((select jsonb_object_agg(c.measure, c.n) from counts c
					where c.hall_id = p.hall_id and c.staff_id = p.staff_id), '{}') as n
			from people p join app.staff s on s.id = p.staff_id
		)
		select jsonb_build_object(
			'halls', (select jsonb_agg(jsonb_build_object('id', r.id, 'name', r.name) order by r.kind, r.name, r.id)
				from app.reportable_halls() r where r.id = any (halls)),
			'from', from_day,
			'to', to_day,
			'generated_at', now(),
			'staff', coalesce((select jsonb_agg(jsonb_build_object(
					'staff_id', w.id, 'name', w.display_name, 'post', w.post, 'hall_id', w.hall_id, 'active', w.active,
					'records_first_responder', coalesce((w.n ->> 'records_first_responder')::int, 0),
					'record_events', coalesce((w.n ->> 'record_events')::int, 0),
					'prechecks', coalesce((w.n ->> 'prechecks')::int, 0),
					'notices', coalesce((w.n ->> 'notices')::int, 0),
					'return_rounds', coalesce((w.n ->> 'return_rounds')::int, 0),
					'patrol_rounds', coalesce((w.n ->> 'patrol_rounds')::int, 0),
					'patrol_rounds_late', coalesce((w.n ->> 'patrol_rounds_late')::int, 0),
					'patrol_rounds_incomplete', coalesce((w.n ->> 'patrol_rounds_incomplete')::int, 0),
					'incidents_reported', coalesce((w.n ->> 'incidents_reported')::int, 0),
					'incidents_handled', coalesce((w.n ->> 'incidents_handled')::int, 0),
					'incident_steps', coalesce((w.n ->> 'incident_steps')::int, 0),
					'visits', coalesce((w.n ->> 'visits')::int, 0),
					'visits_accompanied', coalesce((w.n ->> 'visits_accompanied')::int, 0),
					'follow_ups_opened', coalesce((w.n ->> 'follow_ups_opened')::int, 0),
					'follow_ups_closed', coalesce((w.n ->> 'follow_ups_closed')::int, 0),
					'follow_up_steps', coalesce((w.n ->> 'follow_up_steps')::int, 0))
				order by h.ord, w.display_name, w.id)
			from listed w
			join (select r.id, row_number() over (order by r.kind, r.name, r.id) as ord from app.reportable_halls() r) h
				on h.id = w.hall_id), '[]')
		)
	);
end;
$$;
comment on function public.staff_workload(jsonb, date, date) is
	'Per staff member of halls, their business volume over a range of hall days (staffWorkload, assessment.ts).';

-- ─── The monthly ledger ───────────────────────────────────────────────────────────────────────────────────────

/**
 * The ledger's scale: LEDGER_SCALE of the client (src/lib/domain/ledger.ts). The purchaser scores out of 100;
 * 80 or more means no fee deduction.
 */
create function app.ledger_scale()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object('base', 100, 'passMark', 80)
$$;

/**
 * The ledger's rules until a hall configures its own (a later table replaces this one source): deductions, then
 * bonuses. `points` per occurrence (negative for a deduction), `cap` the most a rule moves the score in a month.
 * The keys are LEDGER_RULE_KEYS of the client (the integration test compares them); what each counts is written
 * in app.ledger_occurrences and docs/REPORTS.md.
 */
create function app.ledger_default_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_array(
		jsonb_build_object('key', 'patrol_window_missed', 'kind', 'deduction', 'points', -1, 'cap', -10),
		jsonb_build_object('key', 'patrol_window_late', 'kind', 'deduction', 'points', -0.5, 'cap', -5),
		jsonb_build_object('key', 'patrol_round_incomplete', 'kind', 'deduction', 'points', -0.5, 'cap', -5),
		jsonb_build_object('key', 'incident_over_limit', 'kind', 'deduction', 'points', -2, 'cap', -10),
		jsonb_build_object('key', 'complaint_reported', 'kind', 'deduction', 'points', -2, 'cap', -10),
		jsonb_build_object('key', 'complaint_open', 'kind', 'deduction', 'points', -1, 'cap', -5),
		jsonb_build_object('key', 'broken_promise', 'kind', 'deduction', 'points', -2, 'cap', -10),
		jsonb_build_object('key', 'follow_up_overdue', 'kind', 'deduction', 'points', -1, 'cap', -5),
		jsonb_build_object('key', 'patrols_all_on_time', 'kind', 'bonus', 'points', 2, 'cap', 2),
		jsonb_build_object('key', 'prechecks_complete_first', 'kind', 'bonus', 'points', 1, 'cap', 1,
			'minRate', 0.9, 'minCount', 20)
	)
$$;
comment on function app.ledger_default_rules() is
	'The monthly ledger''s rules (points, caps) until halls configure their own; LEDGER_RULE_KEYS on the client.';

/**
 * Each deduction's occurrences in one hall's month, with the evidence to link to: `month_end` is the earlier of
 * the month's last instant and now (what was open or overdue "at the month's end").
 */
create function app.ledger_occurrences(hall uuid, first_day date, last_day date, month_end timestamptz)
returns table (rule_key text, kind text, id uuid, day date, text text, window_key text)
language sql
stable
set search_path = ''
as $$
	with bounds as (
		select app.hall_instant(first_day, '00:00') as month_start, app.hall_instant(last_day + 1, '00:00') as month_stop
	),
	windows as (select * from app.patrol_windows(array[hall], first_day, last_day) w where w.expected),
	incidents as (
		select i.id, i.category, i.place, i.reported_at, i.resolved_at, i.closed_at,
			i.reported_at + make_interval(mins => case i.severity when 1 then l.resolve_minutes_1
				when 2 then l.resolve_minutes_2 when 3 then l.resolve_minutes_3 else l.resolve_minutes_4 end)
				as resolve_due
		from app.incidents i
		join app.incident_limits l on l.id = i.hall_id
		cross join bounds b
		-- A resolve limit is at most maxMinutes (30 days): an incident due this month was reported since then.
		where i.hall_id = hall and i.reported_at < b.month_stop
			and i.reported_at >= b.month_start - make_interval(mins => app.incident_limit('maxMinutes'))
	)
	select 'patrol_window_missed', 'patrol_window', null::uuid, w.day, w.label, w.window_key
	from windows w where w.started = 0
	union all
	select 'patrol_window_late', 'patrol_window', w.round_id, w.day, w.label, w.window_key
	from windows w where w.on_time = 0 and w.finished > 0
	union all
	select 'patrol_round_incomplete', 'patrol_round', r.id, r.day, r.label, r.window_key
	from app.patrol_round_facts(array[hall], first_day, last_day) r
	where r.missing_checkpoints > 0
	union all
	-- Over its limit: not resolved by its due time, counted in the month that time passed.
	select 'incident_over_limit', 'incident', i.id, app.hall_day(i.resolve_due), i.place, null
	from incidents i, bounds b
	where i.resolve_due >= b.month_start and i.resolve_due < month_end
		and (i.resolved_at is null or i.resolved_at > i.resolve_due)
	union all
	select 'complaint_reported', 'incident', i.id, app.hall_day(i.reported_at), i.place, null
	from incidents i, bounds b
	where i.category = 'complaint' and i.reported_at >= b.month_start
	union all
	select 'complaint_open', 'incident', i.id, app.hall_day(i.reported_at), i.place, null
	from incidents i, bounds b
	where i.category = 'complaint' and i.reported_at >= b.month_start
		and (i.closed_at is null or i.closed_at > month_end)
	union all
	-- A notice whose applicant came back to a new gap: once per notice, on its first such return of the month.
	(select distinct on (p.id) 'broken_promise', 'precheck', p.id, app.hall_day(x.checked_at), p.notice_no, null
	from app.precheck_rounds x
	join app.prechecks p on p.id = x.precheck_id
	cross join bounds b
	where x.hall_id = hall and x.round_no > 1 and cardinality(x.new_gap_keys) > 0
		and x.checked_at >= b.month_start and x.checked_at < month_end
		and not exists (select 1 from app.precheck_rounds e where e.precheck_id = x.precheck_id and e.round_no > 1
			and cardinality(e.new_gap_keys) > 0 and e.checked_at < b.month_start)
	-- The first such return: distinct on keeps the first row of each pre-check in this order.
	order by p.id, x.checked_at)
	union all
	-- As isFollowUpOverdue on the month's last day: due before it, not closed by its end.
	select 'follow_up_overdue', 'follow_up', f.id, f.due_on, left(f.demand, 60), null
	from app.follow_ups f
	where f.hall_id = hall and f.opened_at < month_end
		and f.due_on < app.hall_day(month_end - interval '1 microsecond')
		and (f.closed_at is null or f.closed_at >= month_end)
$$;

/**
 * The ledger of one hall's month under `rules` (ledgerMonth in ledger.ts): each rule's occurrences and points,
 * deductions first, then bonuses. Granted to nobody; ledger_month calls it with app.ledger_default_rules() after
 * its checks, and the tests with rules of their own (the clamp at 0).
 */
create function app.ledger_compute(hall uuid, month date, rules jsonb)
returns jsonb
language sql
stable
set search_path = ''
as $$
	with span as (
		select date_trunc('month', month)::date as first_day,
			(date_trunc('month', month) + interval '1 month - 1 day')::date as last_day
	),
	bounds as (
		select s.first_day, s.last_day, app.hall_instant(s.first_day, '00:00') as month_start,
			least(app.hall_instant(s.last_day + 1, '00:00'), now()) as month_end
		from span s
	),
	occurrences as (
		select o.* from bounds b, app.ledger_occurrences(hall, b.first_day, b.last_day, b.month_end) o
	),
	measured as (
		select 'patrols_all_on_time' as rule_key, count(*) filter (where w.on_time > 0) as value, count(*) as of
		from bounds b, app.patrol_windows(array[hall], b.first_day, b.last_day) w
		where w.expected
		union all
		select 'prechecks_complete_first',
			count(*) filter (where (select r.result from app.precheck_rounds r
				where r.precheck_id = p.id and r.round_no = 1) = 'complete'),
			count(*)
		from app.prechecks p, bounds b
		where p.hall_id = hall and p.created_at >= b.month_start
			and p.created_at < app.hall_instant(b.last_day + 1, '00:00')
	),
	evaluated as (
		select r.ordinality, r.rule, r.rule ->> 'key' as key, r.rule ->> 'kind' as kind,
			(r.rule ->> 'points')::numeric as points, (r.rule ->> 'cap')::numeric as cap,
			m.value, m.of,
			case
				when r.rule ->> 'kind' = 'deduction' then (select count(*) from occurrences o
					where o.rule_key = r.rule ->> 'key')
				when r.rule ->> 'key' = 'patrols_all_on_time' then (m.of > 0 and m.value = m.of)::int
				when r.rule ->> 'key' = 'prechecks_complete_first' then (m.of >= (r.rule ->> 'minCount')::int
					and m.value >= (r.rule ->> 'minRate')::numeric * m.of)::int
				else 0
			end as counted
		from jsonb_array_elements(rules) with ordinality r (rule, ordinality)
		left join measured m on m.rule_key = r.rule ->> 'key'
	),
	applied as (
		select e.*, case when e.kind = 'deduction' then greatest(e.points * e.counted, e.cap)
			else least(e.points * e.counted, e.cap) end as applied
		from evaluated e
	),
	totals as (
		select coalesce(sum(a.applied) filter (where a.kind = 'deduction'), 0) as deductions,
			coalesce(sum(a.applied) filter (where a.kind = 'bonus'), 0) as bonuses
		from applied a
	),
	scored as (
		select t.deductions, t.bonuses,
			least((app.ledger_scale() ->> 'base')::numeric,
				greatest(0, (app.ledger_scale() ->> 'base')::numeric + t.deductions) + t.bonuses) as score
		from totals t
	)
	select jsonb_build_object(
		'hall', (select jsonb_build_object('id', h.id, 'name', h.name) from app.halls h where h.id = hall),
		'month', b.first_day,
		'from', b.first_day,
		'to', b.last_day,
		'until', b.month_end,
		'complete', b.month_end >= app.hall_instant(b.last_day + 1, '00:00'),
		'generated_at', now(),
		'base', (app.ledger_scale() ->> 'base')::numeric,
		'pass_mark', (app.ledger_scale() ->> 'passMark')::numeric,
		'rules', (select jsonb_agg(jsonb_build_object(
				'key', a.key, 'kind', a.kind, 'points', a.points, 'cap', a.cap, 'counted', a.counted,
				'applied', a.applied,
				'measured', case when a.of is null then null else jsonb_build_object('value', a.value, 'of', a.of) end,
				'evidence', coalesce((select jsonb_agg(jsonb_build_object('kind', o.kind, 'id', o.id, 'day', o.day,
						'text', o.text, 'window_key', o.window_key) order by o.day, o.window_key, o.text, o.id)
					from occurrences o where o.rule_key = a.key), '[]'))
			order by a.kind = 'bonus', a.ordinality)
			from applied a),
		'deductions', s.deductions,
		'bonuses', s.bonuses,
		'score', s.score,
		'passes', s.score >= (app.ledger_scale() ->> 'passMark')::numeric
	)
	from bounds b, scored s
$$;

/** The month's ledger of one hall the caller may report on; `month` is any day of it (UTC+8 calendar month). */
create function public.ledger_month(hall_id uuid, month date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	first_day date;
begin
	if month is null or not isfinite(month) or date_trunc('month', month)::date > app.hall_day(now()) then
		-- The caller's checks come first: a non-manager learns nothing from a bad month either.
		perform app.report_scope(jsonb_build_array(hall_id), app.hall_day(now()), app.hall_day(now()));
		perform app.refuse_report('report_invalid_range', 'A ledger is of a month begun, on or before today.',
			'22023');
	end if;
	first_day := date_trunc('month', month)::date;
	perform app.report_scope(jsonb_build_array(hall_id), first_day, (first_day + interval '1 month - 1 day')::date);
	return app.ledger_compute(hall_id, first_day, app.ledger_default_rules());
end;
$$;
comment on function public.ledger_month(uuid, date) is
	'The monthly service-quality ledger (百分制台账) of a hall: rules, evidence, score (ledgerMonth, ledger.ts).';

grant execute on function public.staff_workload(jsonb, date, date) to authenticated;
grant execute on function public.ledger_month(uuid, date) to authenticated;

-- ─── Indexes: the workload's and the ledger's reads by hall and time (the others are the report's) ────────────

create index precheck_rounds_hall_returns_idx on app.precheck_rounds (hall_id, checked_at) where round_no > 1;
create index incidents_hall_resolved_idx on app.incidents (hall_id, resolved_at) where resolved_at is not null;
create index incident_events_hall_occurred_idx on app.incident_events (hall_id, occurred_at);
create index follow_up_events_hall_occurred_idx on app.follow_up_events (hall_id, occurred_at);
