-- The managers' reports (统计报表, docs/REPORTS.md): one hall's or several halls' figures for a range of hall days,
-- computed here rather than by pulling every row to a browser. `public.hall_report` answers exactly the shape of
-- `hallReport` in src/lib/domain/report.ts (the integration tests parse every answer with it); each figure's
-- definition is written once, in that file's comments, and docs/REPORTS.md says how it is counted here.
--
-- Who: an active manager, for their own hall and, for a manager of a district center, its street stations.
--
-- Why SECURITY DEFINER: every table's RLS lets a caller read their own hall only, so a district center's manager
-- could not see the stations' rows as themselves. The public functions therefore run as their owner and hold the
-- scope themselves: they decide the caller's halls from app.current_staff() (the token's user, never an argument)
-- before reading anything, refuse any other hall without saying whether it exists, and every query below names
-- `hall_id = any (halls)` with those checked ids. The app.report_* section functions are granted to nobody: only
-- hall_report, after its checks, reaches them.
--
-- Refusals (stable messages the client maps to Chinese, src/lib/backend/hall-report.ts):
--   report_forbidden      42501 (HTTP 403): not an active manager, or a hall the caller may not report on;
--   report_invalid_range  22023 (HTTP 400): no halls, a missing day, `to` before `from`, or more than maxDays.

-- ─── Rules ────────────────────────────────────────────────────────────────────────────────────────────────────

/** REPORT_LIMITS of the client (src/lib/domain/report.ts); the schema agreement test compares the two. */
create function app.reports_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object('maxDays', 400, 'topRows', 10)
$$;
comment on function app.reports_rules() is 'Limits of the managers'' reports; REPORT_LIMITS on the client.';

create function app.report_limit(rule text)
returns int
language sql
immutable
set search_path = ''
as $$
	select (app.reports_rules() ->> rule)::int
$$;

/**
 * Whether the hall is open on a day: Monday to Friday. There is no holiday calendar yet; when there is one
 * (public holidays and the weekend days worked in their place, 调休), this is the one place to read it.
 */
create function app.hall_open_on(day date)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select extract(isodow from day) between 1 and 5
$$;
comment on function app.hall_open_on(date) is
	'Whether halls open on a day: Monday to Friday; the place to plug in a holiday calendar.';

/** The instant of a hall clock time (HH:MM) on a hall day: UTC+8, as hallInstant in patrol-evaluation.ts. */
create function app.hall_instant(day date, clock text)
returns timestamptz
language sql
immutable
set search_path = ''
as $$
	select ((day + clock::time) - interval '8 hours') at time zone 'UTC'
$$;

-- ─── Who may see which halls ──────────────────────────────────────────────────────────────────────────────────

/** The halls the caller may report on: a manager's own hall and, for a district center, its stations. */
create function app.reportable_halls()
returns table (id uuid, name text, kind app.hall_kind)
language sql
stable
set search_path = ''
as $$
	select h.id, h.name, h.kind
	from app.halls h, app.current_staff() s
	where s.post = 'manager' and (h.id = s.hall_id or h.parent_hall_id = s.hall_id)
	order by h.parent_hall_id is not null, h.name, h.id
$$;

create function app.refuse_report(message text, detail text, code text)
returns void
language plpgsql
set search_path = ''
as $$
begin
	raise exception using errcode = code, message = message, detail = detail;
end;
$$;

/** The halls the caller may report on, own hall first; report_forbidden for anyone but an active manager. */
create function public.report_halls()
returns table (id uuid, name text, kind text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if (select (app.current_staff()).post) is distinct from 'manager' then
		perform app.refuse_report('report_forbidden', 'Only an active manager may read reports.', '42501');
	end if;
	return query select r.id, r.name, r.kind::text from app.reportable_halls() r;
end;
$$;
comment on function public.report_halls() is
	'The halls the signed-in manager may report on: their own and, for a district center, its street stations.';

-- ─── Sections (each one figure set of hallReport; `halls` already checked by hall_report) ────────────────────

/** Operation and consultations: service records (live, not merged away) with a ticket date in the range. */
create function app.report_operation(halls uuid[], from_day date, to_day date)
returns jsonb
language sql
stable
set search_path = ''
as $$
	with records as (
		select r.id, r.ticket_date, r.category, r.special_groups, r.green_channel,
			extract(hour from (r.opened_at at time zone 'UTC') + interval '8 hours')::int as hour
		from app.service_records r
		where r.hall_id = any (halls) and r.ticket_date between from_day and to_day and r.deleted_at is null
	),
	events as (
		select e.record_id, e.kind from app.service_record_events e join records r on r.id = e.record_id
	),
	consulted as (
		select r.id, r.category from records r
		where r.category = 'consultation' or r.id in (select e.record_id from events e where e.kind = 'consult')
	)
	select jsonb_build_object(
		'operation', jsonb_build_object(
			'visitors', (select count(*) from records),
			'by_day', (select jsonb_agg(jsonb_build_object('day', d.day::date, 'visitors', coalesce(n.n, 0))
					order by d.day)
				from generate_series(from_day, to_day, interval '1 day') d (day)
				left join (select r.ticket_date, count(*) as n from records r group by r.ticket_date) n
					on n.ticket_date = d.day::date),
			'by_hour', (select jsonb_agg(jsonb_build_object('hour', h.hour, 'visitors', coalesce(n.n, 0))
					order by h.hour)
				from generate_series(0, 23) h (hour)
				left join (select r.hour, count(*) as n from records r group by r.hour) n on n.hour = h.hour),
			'by_category', coalesce((select jsonb_agg(jsonb_build_object('category', c.category, 'visitors', c.n)
					order by c.n desc, c.category nulls last)
				from (select r.category, count(*) as n from records r group by r.category) c), '[]'),
			'special_groups', (select jsonb_agg(jsonb_build_object('group', g.value, 'visitors', coalesce(n.n, 0))
					order by g.value)
				from unnest(enum_range(null::app.special_group)) g (value)
				left join (select s.value, count(*) as n from records r cross join unnest(r.special_groups) s (value)
					group by s.value) n on n.value = g.value),
			'special_visitors', (select count(*) from records r where cardinality(r.special_groups) > 0),
			'green_channel', (select count(*) from records r where r.green_channel),
			'events', (select jsonb_agg(jsonb_build_object('kind', k.value, 'count', coalesce(n.n, 0)) order by k.value)
				from unnest(enum_range(null::app.service_event_kind)) k (value)
				left join (select e.kind, count(*) as n from events e group by e.kind) n on n.kind = k.value)
		),
		'consultations', jsonb_build_object(
			'records', (select count(*) from consulted),
			'events', (select count(*) from events e where e.kind = 'consult'),
			'by_category', coalesce((select jsonb_agg(jsonb_build_object('category', c.category, 'records', c.n)
					order by c.n desc, c.category nulls last)
				from (select r.category, count(*) as n from consulted r group by r.category) c), '[]')
		)
	)
$$;

/** Pre-checks created in the range (hall days), their first rounds, notices and returns. */
create function app.report_prechecks(halls uuid[], from_day date, to_day date)
returns jsonb
language sql
stable
set search_path = ''
as $$
	with prechecks as (
		select p.id, p.item_id, p.item_version_id, p.notice_no, p.created_at,
			(select r.result from app.precheck_rounds r where r.precheck_id = p.id and r.round_no = 1) as first_result,
			exists (select 1 from app.precheck_rounds r where r.precheck_id = p.id and r.round_no > 1) as returned,
			exists (select 1 from app.precheck_rounds r
				where r.precheck_id = p.id and r.round_no > 1 and r.result = 'complete') as completed_on_return,
			exists (select 1 from app.precheck_rounds r
				where r.precheck_id = p.id and r.round_no > 1 and cardinality(r.new_gap_keys) > 0) as broken
		from app.prechecks p
		where p.hall_id = any (halls)
			and p.created_at >= app.hall_instant(from_day, '00:00')
			and p.created_at < app.hall_instant(to_day + 1, '00:00')
	),
	notices as (select * from prechecks p where p.notice_no is not null),
	missed as (
		select p.item_id, m.value ->> 'material_key' as material_key, count(*) as n,
			(array_agg(p.item_version_id order by p.created_at desc, p.id))[1] as version_id
		from prechecks p
		join app.precheck_rounds r on r.precheck_id = p.id and r.round_no = 1
		cross join jsonb_array_elements(r.marks) m
		where m.value ->> 'status' in ('missing', 'unacceptable')
		group by p.item_id, m.value ->> 'material_key'
	),
	top_missed as (
		select i.code as item_code, v.name_zh as item_name, m.material_key,
			coalesce((select x.value ->> 'name_zh' from jsonb_array_elements(v.materials) x
				where x.value ->> 'key' = m.material_key), m.material_key) as material_name,
			m.n
		from missed m
		join app.service_items i on i.id = m.item_id
		join app.service_item_versions v on v.id = m.version_id
		order by m.n desc, i.code, m.material_key
		limit app.report_limit('topRows')
	)
	select jsonb_build_object(
		'prechecks', (select count(*) from prechecks),
		'complete_first', (select count(*) from prechecks p where p.first_result = 'complete'),
		'complete_rate', (select count(*) filter (where p.first_result = 'complete')::numeric / nullif(count(*), 0)
			from prechecks p),
		'notices', (select count(*) from notices),
		'returned', (select count(*) from notices n where n.returned),
		'completed_on_return', (select count(*) from notices n where n.completed_on_return),
		'broken_promises', (select count(*) from notices n where n.broken),
		'promise_kept_rate', (select (count(*) filter (where n.returned) - count(*) filter (where n.broken))::numeric
				/ nullif(count(*) filter (where n.returned), 0)
			from notices n),
		'most_missed', coalesce((select jsonb_agg(jsonb_build_object('item_code', t.item_code, 'item_name',
				t.item_name, 'material_key', t.material_key, 'material_name', t.material_name, 'count', t.n)
				order by t.n desc, t.item_code, t.material_key)
			from top_missed t), '[]')
	)
$$;

/**
 * Incidents reported in the range, against the limits of their own hall (app.incident_limits). `range_end` is the
 * end of the range's last day, or now when that is still to come: what was open and overdue "at the range's end".
 */
create function app.report_incidents(halls uuid[], from_day date, to_day date)
returns jsonb
language sql
stable
set search_path = ''
as $$
	with bounds as (
		select app.hall_instant(from_day, '00:00') as range_start,
			least(app.hall_instant(to_day + 1, '00:00'), now()) as range_end
	),
	incidents as (
		select i.category, i.severity, i.status, i.reported_at, i.responded_at, i.resolved_at, i.closed_at,
			i.callback_result,
			i.reported_at + make_interval(mins => case i.severity when 1 then l.respond_minutes_1
				when 2 then l.respond_minutes_2 when 3 then l.respond_minutes_3 else l.respond_minutes_4 end)
				as respond_due,
			i.reported_at + make_interval(mins => case i.severity when 1 then l.resolve_minutes_1
				when 2 then l.resolve_minutes_2 when 3 then l.resolve_minutes_3 else l.resolve_minutes_4 end)
				as resolve_due
		from app.incidents i
		join app.incident_limits l on l.id = i.hall_id
		cross join bounds b
		where i.hall_id = any (halls) and i.reported_at >= b.range_start
			and i.reported_at < app.hall_instant(to_day + 1, '00:00')
	)
	select jsonb_build_object(
		'incidents', jsonb_build_object(
			'reported', (select count(*) from incidents),
			'by_category', (select jsonb_agg(jsonb_build_object('category', c.value, 'count',
					(select count(*) from incidents i where i.category = c.value)) order by c.value)
				from unnest(enum_range(null::app.incident_category)) c (value)),
			'by_severity', (select jsonb_agg(jsonb_build_object('severity', s.value, 'count',
					(select count(*) from incidents i where i.severity = s.value)) order by s.value)
				from generate_series(1, 4) s (value)),
			'responded', (select count(*) from incidents i where i.responded_at is not null),
			'responded_within', (select count(*) from incidents i where i.responded_at <= i.respond_due),
			'respond_median_minutes', (select round(percentile_cont(0.5) within group (
					order by extract(epoch from i.responded_at - i.reported_at) / 60)::numeric)
				from incidents i where i.responded_at is not null),
			'resolved', (select count(*) from incidents i where i.resolved_at is not null),
			'resolved_within', (select count(*) from incidents i where i.resolved_at <= i.resolve_due),
			'resolve_median_minutes', (select round(percentile_cont(0.5) within group (
					order by extract(epoch from i.resolved_at - i.reported_at) / 60)::numeric)
				from incidents i where i.resolved_at is not null),
			'overdue_open', (select count(*) from incidents i, bounds b
				where (i.resolved_at is null or i.resolved_at > b.range_end)
					and (i.closed_at is null or i.closed_at > b.range_end)
					and i.resolve_due < b.range_end)
		),
		'supervision', jsonb_build_object(
			'complaints', (select count(*) from incidents i where i.category = 'complaint'),
			'callbacks', (select count(*) from incidents i
				where i.category = 'complaint' and i.callback_result is not null),
			'closed', (select count(*) from incidents i, bounds b
				where i.category = 'complaint' and i.closed_at <= b.range_end),
			'open', (select count(*) from incidents i, bounds b
				where i.category = 'complaint' and (i.closed_at is null or i.closed_at > b.range_end))
		)
	)
$$;

/**
 * Patrols against each hall's plan, as src/lib/domain/patrol-evaluation.ts reads a day: a window is on time when a
 * finished round of it started by its end plus grace, late when its finished rounds all started after that,
 * missed when its end plus grace has passed without any round. A window counts as expected on an open day once
 * its end plus grace has passed, or earlier once a round of it has finished; one still open today is not missed.
 * Rounds naming no window of the plan are extra. Checkpoints: the active ones (not retired), as on the device.
 */
create function app.report_patrols(halls uuid[], from_day date, to_day date)
returns jsonb
language sql
stable
set search_path = ''
as $$
	with rounds as (
		select r.id, r.hall_id, r.day, r.window_key, r.started_at, r.finished_at
		from app.patrol_rounds r
		where r.hall_id = any (halls) and r.day between from_day and to_day
	),
	windows as (
		select p.hall_id, d.day::date as day, w.value ->> 'key' as window_key,
			app.hall_instant(d.day::date, w.value ->> 'end') + make_interval(mins => p.grace_minutes) as deadline
		from app.patrol_plans p
		cross join jsonb_array_elements(p.windows) w
		cross join generate_series(from_day, least(to_day, app.hall_day(now())), interval '1 day') d (day)
		where p.hall_id = any (halls) and app.hall_open_on(d.day::date)
	),
	window_states as (
		select w.deadline,
			count(r.id) filter (where r.finished_at is not null and r.started_at <= w.deadline) as on_time,
			count(r.id) filter (where r.finished_at is not null) as finished,
			count(r.id) as started
		from windows w
		left join rounds r on r.hall_id = w.hall_id and r.day = w.day and r.window_key = w.window_key
		group by w.hall_id, w.day, w.window_key, w.deadline
	),
	expected as (select * from window_states s where s.deadline < now() or s.finished > 0),
	checkpoints as (
		select c.id, c.hall_id, c.name_zh from app.checkpoints c
		where c.hall_id = any (halls) and c.retired_at is null
	),
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
		'extra_rounds', (select count(*) from rounds r where r.window_key is null or not exists (
			select 1 from app.patrol_plans p cross join jsonb_array_elements(p.windows) w
			where p.hall_id = r.hall_id and w.value ->> 'key' = r.window_key)),
		'checkpoints_missed', (select count(*) from rounds r join checkpoints k on k.hall_id = r.hall_id
			where r.finished_at is not null
				and not exists (select 1 from app.patrol_checks c where c.round_id = r.id and c.checkpoint_id = k.id)),
		'problems', (select coalesce(sum(p.n), 0) from problems p),
		'problems_by_checkpoint', coalesce((select jsonb_agg(jsonb_build_object('checkpoint_id', t.checkpoint_id,
				'name', t.name, 'problems', t.n) order by t.n desc, t.name, t.checkpoint_id)
			from top_problems t), '[]'),
		'compliance_rate', (select count(*) filter (where e.on_time > 0)::numeric / nullif(count(*), 0)
			from expected e)
	)
$$;

/** Visits checked in within the range and follow-ups opened, closed and overdue. */
create function app.report_visits(halls uuid[], from_day date, to_day date)
returns jsonb
language sql
stable
set search_path = ''
as $$
	with bounds as (
		select app.hall_instant(from_day, '00:00') as range_start, app.hall_instant(to_day + 1, '00:00') as range_stop,
			least(app.hall_instant(to_day + 1, '00:00'), now()) as range_end
	),
	visits as (
		select v.kind, v.enterprise_id from app.visits v, bounds b
		where v.hall_id = any (halls) and v.check_in_at >= b.range_start and v.check_in_at < b.range_stop
	)
	select jsonb_build_object(
		'visits', (select count(*) from visits),
		'by_kind', (select jsonb_agg(jsonb_build_object('kind', k.value, 'count',
				(select count(*) from visits v where v.kind = k.value)) order by k.value)
			from unnest(enum_range(null::app.visit_kind)) k (value)),
		'enterprises_visited', (select count(distinct v.enterprise_id) from visits v),
		'follow_ups_opened', (select count(*) from app.follow_ups f, bounds b
			where f.hall_id = any (halls) and f.opened_at >= b.range_start and f.opened_at < b.range_stop),
		'follow_ups_done', (select count(*) from app.follow_ups f, bounds b
			where f.hall_id = any (halls) and f.status = 'done'
				and f.closed_at >= b.range_start and f.closed_at < b.range_stop),
		'follow_ups_cannot_solve', (select count(*) from app.follow_ups f, bounds b
			where f.hall_id = any (halls) and f.status = 'cannot_solve'
				and f.closed_at >= b.range_start and f.closed_at < b.range_stop),
		-- As isFollowUpOverdue (follow-up-lifecycle.ts) on the range's last day: due before it, not closed by then.
		'follow_ups_overdue', (select count(*) from app.follow_ups f, bounds b
			where f.hall_id = any (halls) and f.opened_at < b.range_end
				and f.due_on < app.hall_day(b.range_end - interval '1 microsecond')
				and (f.closed_at is null or f.closed_at >= b.range_end))
	)
$$;

-- ─── The report ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The halls a call names, distinct, or report_invalid_range: a JSON array of hall ids. Taken as jsonb rather than
 * uuid[] so that any JSON a client sends gets an answer of ours: a uuid[] parameter turns an array nested seven
 * deep into PostgreSQL's "too complex" (54000), which PostgREST answers with a 500 (found by the fuzz suite).
 */
create function app.report_hall_ids(hall_ids jsonb)
returns uuid[]
language plpgsql
immutable
set search_path = ''
as $$
begin
	if jsonb_typeof(hall_ids) is distinct from 'array' or jsonb_array_length(hall_ids) = 0 or exists (
		select 1 from jsonb_array_elements(hall_ids) e (id)
		where jsonb_typeof(e.id) <> 'string'
			or (e.id #>> '{}') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
	) then
		perform app.refuse_report('report_invalid_range', 'Name at least one hall, as an array of hall ids.', '22023');
	end if;
	return array(select distinct (e.id #>> '{}')::uuid from jsonb_array_elements(hall_ids) e (id));
end;
$$;

create function public.hall_report(hall_ids jsonb, from_day date, to_day date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	halls uuid[];
	operation jsonb;
	incidents jsonb;
begin
	if (select (app.current_staff()).post) is distinct from 'manager' then
		perform app.refuse_report('report_forbidden', 'Only an active manager may read reports.', '42501');
	end if;
	halls := app.report_hall_ids(hall_ids);
	-- One answer for a hall that exists elsewhere and one that does not: nothing to learn about other halls.
	if exists (select 1 from unnest(halls) h (id) where h.id not in (select r.id from app.reportable_halls() r)) then
		perform app.refuse_report('report_forbidden', 'A hall named is not one you may report on.', '42501');
	end if;
	if from_day is null or to_day is null or to_day < from_day then
		perform app.refuse_report('report_invalid_range', 'The range needs a first day on or before its last.',
			'22023');
	end if;
	if to_day - from_day + 1 > app.report_limit('maxDays') then
		perform app.refuse_report('report_invalid_range',
			format('A report covers at most %s days.', app.report_limit('maxDays')), '22023');
	end if;

	operation := app.report_operation(halls, from_day, to_day);
	incidents := app.report_incidents(halls, from_day, to_day);
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
comment on function public.hall_report(jsonb, date, date) is
	'The managers'' report of halls over a range of hall days (hallReport in src/lib/domain/report.ts).';

grant execute on function public.report_halls() to authenticated;
grant execute on function public.hall_report(jsonb, date, date) to authenticated;

-- ─── Indexes: each section reads its rows by hall and by day or time ──────────────────────────────────────────
-- service_records use service_records_one_live_record_per_ticket (hall_id, ticket_date, ticket_no) where not
-- deleted; their events come by record (service_record_events_record_id_idx), rounds and checks by their parent's
-- unique keys (precheck_id, round_no) and (round_id, checkpoint_id).

create index prechecks_hall_created_idx on app.prechecks (hall_id, created_at);
create index incidents_hall_reported_idx on app.incidents (hall_id, reported_at);
create index patrol_rounds_hall_day_idx on app.patrol_rounds (hall_id, day);
create index visits_hall_check_in_idx on app.visits (hall_id, check_in_at);
create index follow_ups_hall_opened_idx on app.follow_ups (hall_id, opened_at);
create index follow_ups_hall_closed_idx on app.follow_ups (hall_id, closed_at) where closed_at is not null;
