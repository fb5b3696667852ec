-- Part of supabase/demo/history.sql (docs/HISTORY.md): demo.generate_history, the entry point.

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

	-- Mondays are busiest, Fridays (and a worked weekend day) quietest; each day within ±8 % of that.
	insert into demo.run_days (hall_id, day, workday, visitors)
	select r.hall_id, d::date, demo.is_workday(d::date),
		case when demo.is_workday(d::date) then round(r.visitors
			* (array[1.1, 1.03, 1.0, 0.97, 0.9])[least(extract(isodow from d)::int, 5)]
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
