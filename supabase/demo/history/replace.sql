-- Part of supabase/demo/history.sql (docs/HISTORY.md): replacing what earlier runs generated.

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
