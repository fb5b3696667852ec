-- On-site visits to key enterprises (上门 / 驻点 / 项目跟踪) and the follow-ups of what an enterprise asked for
-- (docs/VISITS.md, "Visits and follow-ups"). Columns, enums and limits mirror src/lib/domain/visit.ts; the
-- follow-up lifecycle mirrors src/lib/domain/follow-up-lifecycle.ts, checked in the same order (stale, not allowed
-- from the status, the person, the fields) so a refusal has the same code on both sides. Any staff member of the
-- hall visits (a visit is its author's alone to change) and opens follow-ups; every follow-up change writes a
-- follow_up_events row in the same transaction. Whether a visit was far from the enterprise, without a position or
-- still running is derived on the device (src/lib/domain/visit-flags.ts), never stored.

-- ─── Rules ────────────────────────────────────────────────────────────────────────────────────────────────────

/** VISIT_RULES of the client. */
create function app.visits_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object(
		'summary', 2000,
		'met', 200,
		'companions', 10,
		'demand', 500,
		'note', 500,
		'reason', 500,
		'maxAccuracyMeters', 100000,
		'demands', 20,
		'dueWithinDays', 365,
		'eventsPerFollowUp', 200,
		'farMeters', 500
	)
$$;
comment on function app.visits_rules() is 'Limits of visits and follow-ups; VISIT_RULES on the client.';

create function app.visit_limit(rule text)
returns int
language sql
immutable
set search_path = ''
as $$
	select (app.visits_rules() ->> rule)::int
$$;

/** The hall date of a moment: UTC+8, as src/lib/domain/hall-time.ts reads it (China has no daylight saving). */
create function app.hall_day(moment timestamptz)
returns date
language sql
immutable
set search_path = ''
as $$
	select ((moment at time zone 'UTC') + interval '8 hours')::date
$$;

-- ─── Enums ────────────────────────────────────────────────────────────────────────────────────────────────────

create type app.visit_kind as enum ('onsite', 'stationed', 'project');
comment on type app.visit_kind is '上门, 驻点, 项目跟踪 (names the project).';
create type app.geo_status as enum ('fix', 'denied', 'unavailable', 'timeout');
comment on type app.geo_status is 'What asking the phone for a position gave: a fix, or why there is none.';
create type app.follow_up_status as enum ('open', 'in_progress', 'done', 'cannot_solve');
create type app.follow_up_action as enum ('start', 'done', 'cannot', 'reopen', 'reassign', 'due');
create type app.follow_up_event_kind as enum (
	'opened', 'started', 'done', 'cannot_solve', 'reopened', 'reassigned', 'due_changed', 'note'
);

-- ─── Tables ───────────────────────────────────────────────────────────────────────────────────────────────────

create table app.visits (
	id uuid primary key,
	hall_id uuid not null,
	enterprise_id uuid not null,
	project_id uuid,
	kind app.visit_kind not null,
	staff_id uuid not null references app.staff (id),
	staff_name text not null,
	companion_ids uuid[] not null constraint visits_companions_count
		check (cardinality(companion_ids) <= app.visit_limit('companions')),
	met text constraint visits_met_text check (met is null or app.is_visible_text(met, app.visit_limit('met'))),
	check_in_at timestamptz not null,
	check_in_geo app.geo_status not null,
	check_in_latitude double precision constraint visits_check_in_latitude_range
		check (check_in_latitude between -90 and 90),
	check_in_longitude double precision constraint visits_check_in_longitude_range
		check (check_in_longitude between -180 and 180),
	check_in_accuracy_m double precision constraint visits_check_in_accuracy_range
		check (check_in_accuracy_m between 0 and app.visit_limit('maxAccuracyMeters')),
	check_out_at timestamptz,
	check_out_geo app.geo_status,
	check_out_latitude double precision constraint visits_check_out_latitude_range
		check (check_out_latitude between -90 and 90),
	check_out_longitude double precision constraint visits_check_out_longitude_range
		check (check_out_longitude between -180 and 180),
	check_out_accuracy_m double precision constraint visits_check_out_accuracy_range
		check (check_out_accuracy_m between 0 and app.visit_limit('maxAccuracyMeters')),
	summary text constraint visits_summary_text
		check (summary is null or app.is_visible_text(summary, app.visit_limit('summary'))),
	saved_at timestamptz not null,
	version bigint not null,
	unique (id, hall_id),
	unique (id, enterprise_id),
	foreign key (enterprise_id, hall_id) references app.enterprises (id, hall_id),
	-- A project of the visit's own enterprise (not checked while project_id is null).
	foreign key (project_id, enterprise_id) references app.enterprise_projects (id, enterprise_id),
	constraint visits_project_names_its_project check (kind <> 'project' or project_id is not null),
	constraint visits_check_in_position check ((check_in_geo = 'fix') = (check_in_latitude is not null)
		and (check_in_latitude is null) = (check_in_longitude is null)
		and (check_in_latitude is null) = (check_in_accuracy_m is null)),
	constraint visits_check_out_whole check ((check_out_at is null) = (check_out_geo is null)),
	constraint visits_check_out_position check ((check_out_geo is not distinct from 'fix') = (check_out_latitude is not null)
		and (check_out_latitude is null) = (check_out_longitude is null)
		and (check_out_latitude is null) = (check_out_accuracy_m is null)),
	constraint visits_check_out_after_check_in check (check_out_at >= check_in_at)
);
comment on table app.visits is
	'走访: a visit to an enterprise, its author and companions, check-in and check-out (with the position or why '
	'none), who was met and the summary. Changed only by its author.';

create table app.follow_ups (
	id uuid primary key,
	hall_id uuid not null,
	enterprise_id uuid not null,
	visit_id uuid,
	demand text not null constraint follow_ups_demand_text
		check (app.is_visible_text(demand, app.visit_limit('demand'))),
	owner_id uuid not null references app.staff (id),
	owner_name text not null,
	due_on date not null,
	status app.follow_up_status not null,
	opened_by uuid not null references app.staff (id),
	opened_by_name text not null,
	opened_at timestamptz not null,
	closed_at timestamptz,
	reason text constraint follow_ups_reason_text
		check (reason is null or app.is_visible_text(reason, app.visit_limit('reason'))),
	version bigint not null,
	unique (id, hall_id),
	foreign key (enterprise_id, hall_id) references app.enterprises (id, hall_id),
	-- The visit it came from is a visit to the same enterprise.
	foreign key (visit_id, enterprise_id) references app.visits (id, enterprise_id),
	constraint follow_ups_due_within_a_year check (due_on between app.hall_day(opened_at)
		and app.hall_day(opened_at) + app.visit_limit('dueWithinDays')),
	constraint follow_ups_closed_when_closed check ((status in ('done', 'cannot_solve')) = (closed_at is not null)),
	constraint follow_ups_reason_when_cannot_solve check ((status = 'cannot_solve') = (reason is not null))
);
comment on table app.follow_ups is
	'跟踪事项: a demand of an enterprise followed by its owner until done or found impossible (with the reason).';

create table app.follow_up_events (
	id uuid primary key,
	hall_id uuid not null,
	follow_up_id uuid not null,
	kind app.follow_up_event_kind not null,
	from_status app.follow_up_status,
	to_status app.follow_up_status,
	staff_id uuid not null references app.staff (id),
	staff_name text not null,
	owner_id uuid references app.staff (id),
	owner_name text,
	due_on date,
	note text constraint follow_up_events_note_text check (note is null or app.is_plain_text(note,
		greatest(app.visit_limit('note'), app.visit_limit('reason')))),
	occurred_at timestamptz not null,
	version bigint not null,
	foreign key (follow_up_id, hall_id) references app.follow_ups (id, hall_id),
	constraint follow_up_events_owner_named check ((owner_id is null) = (owner_name is null))
);
comment on table app.follow_up_events is
	'A follow-up''s timeline: the opening, every action (who, when, what, note) and plain notes. Append-only.';

create index visits_hall_version_id_idx on app.visits (hall_id, version, id);
create index follow_ups_hall_version_id_idx on app.follow_ups (hall_id, version, id);
create index follow_up_events_hall_version_id_idx on app.follow_up_events (hall_id, version, id);
create index visits_enterprise_idx on app.visits (enterprise_id);
create index follow_ups_visit_idx on app.follow_ups (visit_id);
create index follow_up_events_follow_up_idx on app.follow_up_events (follow_up_id);

create trigger visits_stamp_version
	before insert or update on app.visits
	for each row execute function app.stamp_version();
create trigger follow_ups_stamp_version
	before insert or update on app.follow_ups
	for each row execute function app.stamp_version();
create trigger follow_up_events_stamp_version
	before insert or update on app.follow_up_events
	for each row execute function app.stamp_version();

alter table app.visits enable row level security;
alter table app.follow_ups enable row level security;
alter table app.follow_up_events enable row level security;
-- No DELETE: visits and follow-ups are the hall's record of what was done for an enterprise.
grant select on app.visits, app.follow_ups, app.follow_up_events to authenticated;
grant select, insert, update on app.visits, app.follow_ups, app.follow_up_events to app_writer;

do $$
declare
	visit_table text;
begin
	foreach visit_table in array array['visits', 'follow_ups', 'follow_up_events'] loop
		execute format($policy$create policy "Staff can read their own hall's %1$s"
			on app.%1$I for select to authenticated, app_writer
			using (hall_id = (select app.current_hall_id()))$policy$, visit_table);
		execute format($policy$create policy "%1$s are written in the caller's own hall"
			on app.%1$I for insert to app_writer
			with check (hall_id = (select app.current_hall_id()))$policy$, visit_table);
		execute format($policy$create policy "%1$s change within the caller's own hall"
			on app.%1$I for update to app_writer
			using (hall_id = (select app.current_hall_id()))
			with check (hall_id = (select app.current_hall_id()))$policy$, visit_table);
	end loop;
end
$$;

-- ─── Field readers ────────────────────────────────────────────────────────────────────────────────────────────

/** A list of distinct uuids, at most `max_count` (companion_ids), or the op rejected naming it. */
create function app.uuid_list_field(payload jsonb, field text, max_count int)
returns uuid[]
language plpgsql
stable
set search_path = ''
as $$
declare
	given jsonb := payload -> field;
begin
	if jsonb_typeof(given) is distinct from 'array' or jsonb_array_length(given) > max_count
			or exists (select 1 from jsonb_array_elements(given) v
				where jsonb_typeof(v) <> 'string'
					or (v #>> '{}') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
		perform app.reject('validation', format('%s must be a list of at most %s ids.', field, max_count));
	end if;
	-- Compared as sent, as the device's schema compares them.
	if (select count(*) <> count(distinct v #>> '{}') from jsonb_array_elements(given) v) then
		perform app.reject('validation', format('%s must not name anyone twice.', field));
	end if;
	return array(select (v #>> '{}')::uuid from jsonb_array_elements(given) with ordinality e (v, n) order by n);
end;
$$;

/** A required YYYY-MM-DD calendar date (z.iso.date()), or the op rejected. */
create function app.day_field(payload jsonb, field text, nullable boolean)
returns date
language plpgsql
stable
set search_path = ''
as $$
declare
	problem text := app.json_day_problem(payload -> field, field, nullable);
begin
	if problem is not null then
		perform app.reject('validation', problem);
	end if;
	return (payload ->> field)::date;
end;
$$;

/** One position (check-in or check-out) fits its status: all of latitude, longitude, accuracy exactly for a fix. */
create function app.require_position_fits(side text, geo app.geo_status, latitude double precision,
	longitude double precision, accuracy double precision)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
	if (geo = 'fix') <> (latitude is not null) or (latitude is null) <> (longitude is null)
			or (latitude is null) <> (accuracy is null) then
		perform app.reject('validation', format(
			'%1$s_latitude, %1$s_longitude and %1$s_accuracy_m are all set for a fix and all null otherwise (%1$s_geo is %2$s).',
			side, coalesce(geo::text, 'null')));
	end if;
end;
$$;

-- ─── Visits ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The hall of a visits-area row of any hall (null: no such row), so an id another hall holds is refused as
 * not_found rather than on the primary key. Says only which hall.
 */
create function app.visit_row_hall(kind text, row_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
	select case kind
		when 'visit' then (select v.hall_id from app.visits v where v.id = row_id)
		when 'follow-up' then (select f.hall_id from app.follow_ups f where f.id = row_id)
		when 'follow-up event' then (select e.hall_id from app.follow_up_events e where e.id = row_id)
	end
$$;

create function app.require_visit_id_free(caller app.staff, kind text, row_id uuid)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
	owner uuid := app.visit_row_hall(kind, row_id);
begin
	if owner is not null and owner <> caller.hall_id then
		perform app.reject('not_found', format('The %s %s does not exist in your hall.', kind, row_id));
	end if;
end;
$$;

create function app.op_visit_save(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<saving>>
declare
	caller app.staff := app.require_staff();
	visit_id uuid := app.uuid_field(payload, 'id');
	enterprise_id uuid := app.uuid_field(payload, 'enterprise_id');
	project_id uuid := app.nullable_uuid_field(payload, 'project_id');
	kind app.visit_kind := app.enum_field(payload, 'kind', null::app.visit_kind, false);
	companion_ids uuid[] := app.uuid_list_field(payload, 'companion_ids', app.visit_limit('companions'));
	met text := app.incident_text_field(payload, 'met', app.visit_limit('met'), true, true);
	max_accuracy int := app.visit_limit('maxAccuracyMeters');
	check_in_at timestamptz := app.timestamp_field(payload, 'check_in_at');
	check_in_geo app.geo_status := app.enum_field(payload, 'check_in_geo', null::app.geo_status, false);
	check_in_latitude double precision := app.float_field(payload, 'check_in_latitude', -90, 90, true);
	check_in_longitude double precision := app.float_field(payload, 'check_in_longitude', -180, 180, true);
	check_in_accuracy_m double precision := app.float_field(payload, 'check_in_accuracy_m', 0, max_accuracy, true);
	check_out_at timestamptz := app.nullable_timestamp_field(payload, 'check_out_at');
	check_out_geo app.geo_status := app.enum_field(payload, 'check_out_geo', null::app.geo_status, true);
	check_out_latitude double precision := app.float_field(payload, 'check_out_latitude', -90, 90, true);
	check_out_longitude double precision := app.float_field(payload, 'check_out_longitude', -180, 180, true);
	check_out_accuracy_m double precision := app.float_field(payload, 'check_out_accuracy_m', 0, max_accuracy, true);
	summary text := app.incident_text_field(payload, 'summary', app.visit_limit('summary'), true, true);
	saved_at timestamptz := app.timestamp_field(payload, 'saved_at');
	existing app.visits;
	project app.enterprise_projects;
	unknown_companions text;
begin
	-- The payload's own rules (refused on the device too).
	if kind = 'project' and project_id is null then
		perform app.reject('validation', 'A project visit names its project (project_id).');
	end if;
	perform app.require_position_fits('check_in', check_in_geo, check_in_latitude, check_in_longitude,
		check_in_accuracy_m);
	if (check_out_at is null) <> (check_out_geo is null) then
		perform app.reject('validation', 'A check-out has its time and its position status (check_out_geo), or neither.');
	end if;
	perform app.require_position_fits('check_out', check_out_geo, check_out_latitude, check_out_longitude,
		check_out_accuracy_m);
	if check_out_at < check_in_at then
		perform app.reject('validation', format('check_out_at (%s) is before check_in_at (%s).', check_out_at,
			check_in_at));
	end if;

	perform app.next_version(caller.hall_id);
	perform app.require_visit_id_free(caller, 'visit', visit_id);
	select v.* into existing from app.visits v where v.id = visit_id for update;
	if existing.id is not null and existing.staff_id <> caller.id then
		perform app.reject('forbidden', format('The visit %s is %s''s: only its author may change it.', visit_id,
			existing.staff_name));
	end if;
	if existing.id is not null and existing.enterprise_id <> enterprise_id then
		perform app.reject('conflict', format('The visit %s is a visit to another enterprise.', visit_id));
	end if;
	-- An archived enterprise or project is accepted: it may have been archived while the visit was offline.
	perform app.hall_enterprise(caller, enterprise_id);
	if project_id is not null then
		select p.* into project from app.enterprise_projects p
		where p.id = saving.project_id and p.hall_id = caller.hall_id;
		if project.id is null then
			perform app.reject('not_found', format('Project %s does not exist in your hall.', project_id));
		end if;
		-- Not `validation`: the payload alone cannot show it (the device checks it against its rows when writing).
		if project.enterprise_id <> enterprise_id then
			perform app.reject('conflict', format('Project %s (%s) is another enterprise''s project.', project_id,
				project.name));
		end if;
	end if;
	if caller.id = any (companion_ids) then
		perform app.reject('conflict', 'The author of a visit is not one of its companions.');
	end if;
	-- Staff of the hall, active or not: a colleague may have left while the visit was offline.
	select string_agg(c::text, ', ') into unknown_companions from unnest(companion_ids) c
	where not exists (select 1 from app.staff_directory s where s.id = c and s.hall_id = caller.hall_id);
	if unknown_companions is not null then
		perform app.reject('not_found', format('Companion(s) %s are not staff of your hall.', unknown_companions));
	end if;

	insert into app.visits (id, hall_id, enterprise_id, project_id, kind, staff_id, staff_name, companion_ids, met,
		check_in_at, check_in_geo, check_in_latitude, check_in_longitude, check_in_accuracy_m, check_out_at,
		check_out_geo, check_out_latitude, check_out_longitude, check_out_accuracy_m, summary, saved_at)
	values (visit_id, caller.hall_id, enterprise_id, project_id, kind, caller.id, caller.display_name, companion_ids,
		met, check_in_at, check_in_geo, check_in_latitude, check_in_longitude, check_in_accuracy_m, check_out_at,
		check_out_geo, check_out_latitude, check_out_longitude, check_out_accuracy_m, summary, saved_at)
	on conflict (id) do update set project_id = excluded.project_id, kind = excluded.kind,
		companion_ids = excluded.companion_ids, met = excluded.met, check_in_at = excluded.check_in_at,
		check_in_geo = excluded.check_in_geo, check_in_latitude = excluded.check_in_latitude,
		check_in_longitude = excluded.check_in_longitude, check_in_accuracy_m = excluded.check_in_accuracy_m,
		check_out_at = excluded.check_out_at, check_out_geo = excluded.check_out_geo,
		check_out_latitude = excluded.check_out_latitude, check_out_longitude = excluded.check_out_longitude,
		check_out_accuracy_m = excluded.check_out_accuracy_m, summary = excluded.summary,
		saved_at = excluded.saved_at;
end saving;
$$;

-- ─── Follow-ups ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Refuses a due date outside the opening's hall day … 365 days after it: `validation` when the opening is in the
 * same payload (follow_up.open, whose schema checks it too), `conflict` when it is the stored follow-up's (a due
 * date change: the payload alone cannot show it).
 */
create function app.require_due_date_fits(due_on date, opened_at timestamptz, code text)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
	opened date := app.hall_day(opened_at);
begin
	if due_on < opened or due_on > opened + app.visit_limit('dueWithinDays') then
		perform app.reject(code, format('due_on (%s) must be from the opening day %s to %s days after it (%s).',
			due_on, opened, app.visit_limit('dueWithinDays'), opened + app.visit_limit('dueWithinDays')));
	end if;
end;
$$;

create function app.op_follow_up_open(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<opening>>
declare
	caller app.staff := app.require_staff();
	follow_up_id uuid := app.uuid_field(payload, 'id');
	event_id uuid := app.uuid_field(payload, 'event_id');
	enterprise_id uuid := app.uuid_field(payload, 'enterprise_id');
	visit_id uuid := app.nullable_uuid_field(payload, 'visit_id');
	demand text := app.incident_text_field(payload, 'demand', app.visit_limit('demand'), true, false);
	owner_id uuid := app.uuid_field(payload, 'owner_id');
	due_on date := app.day_field(payload, 'due_on', false);
	opened_at timestamptz := app.timestamp_field(payload, 'opened_at');
	owner_name text;
	visit app.visits;
begin
	perform app.require_due_date_fits(due_on, opened_at, 'validation');
	perform app.next_version(caller.hall_id);
	perform app.require_visit_id_free(caller, 'follow-up', follow_up_id);
	perform app.require_visit_id_free(caller, 'follow-up event', event_id);
	if exists (select 1 from app.follow_ups f where f.id = follow_up_id) then
		return; -- the same follow-up sent again under a new op id: it is stored
	end if;
	perform app.hall_enterprise(caller, enterprise_id);
	if visit_id is not null then
		select v.* into visit from app.visits v where v.id = opening.visit_id and v.hall_id = caller.hall_id;
		if visit.id is null then
			perform app.reject('not_found', format('Visit %s does not exist in your hall.', visit_id));
		end if;
		if visit.enterprise_id <> enterprise_id then
			perform app.reject('conflict', format('Visit %s is a visit to another enterprise.', visit_id));
		end if;
		if (select count(*) from app.follow_ups f where f.visit_id = opening.visit_id)
				>= app.visit_limit('demands') then
			perform app.reject('conflict', format('The visit already has %s demands, the most one visit may have.',
				app.visit_limit('demands')));
		end if;
	end if;
	owner_name := app.hall_staff_name(caller.hall_id, owner_id);
	if owner_name is null then
		perform app.reject('not_found', format('Staff member %s is not active in your hall.', owner_id));
	end if;
	insert into app.follow_ups (id, hall_id, enterprise_id, visit_id, demand, owner_id, owner_name, due_on, status,
		opened_by, opened_by_name, opened_at)
	values (follow_up_id, caller.hall_id, enterprise_id, visit_id, demand, owner_id, owner_name, due_on, 'open',
		caller.id, caller.display_name, opened_at);
	insert into app.follow_up_events (id, hall_id, follow_up_id, kind, from_status, to_status, staff_id, staff_name,
		owner_id, owner_name, due_on, occurred_at)
	values (event_id, caller.hall_id, follow_up_id, 'opened', null, 'open', caller.id, caller.display_name, owner_id,
		owner_name, due_on, opened_at);
end opening;
$$;

/**
 * Loads the follow-up an action or note names, for update, in the caller's hall (not_found otherwise), and refuses
 * one more entry on a full timeline (conflict).
 */
create function app.follow_up_for_change(follow_up_id uuid)
returns app.follow_ups
language plpgsql
set search_path = ''
as $$
declare
	found app.follow_ups;
begin
	select f.* into found from app.follow_ups f
	where f.id = follow_up_id and f.hall_id = (select app.current_hall_id()) for update;
	if found.id is null then
		perform app.reject('not_found', format('Follow-up %s does not exist in your hall.', follow_up_id));
	end if;
	if (select count(*) from app.follow_up_events e where e.follow_up_id = found.id)
			>= app.visit_limit('eventsPerFollowUp') then
		perform app.reject('conflict', format('The follow-up''s timeline is full (%s entries).',
			app.visit_limit('eventsPerFollowUp')));
	end if;
	return found;
end;
$$;

/**
 * One step of the lifecycle, checked as followUpRefusal() of src/lib/domain/follow-up-lifecycle.ts checks it: a
 * stale view (from_status is not the current status) and an action not allowed from the status (conflict), then
 * the person (forbidden), then the fields (validation; not_found for a new owner who is not active staff).
 */
create function app.op_follow_up_act(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<acting>>
declare
	caller app.staff := app.require_staff();
	event_id uuid := app.uuid_field(payload, 'id');
	follow_up_id uuid := app.uuid_field(payload, 'follow_up_id');
	action app.follow_up_action := app.enum_field(payload, 'action', null::app.follow_up_action, false);
	from_status app.follow_up_status := app.enum_field(payload, 'from_status', null::app.follow_up_status, false);
	owner_id uuid := app.nullable_uuid_field(payload, 'owner_id');
	due_on date := app.day_field(payload, 'due_on', true);
	note text := app.incident_text_field(payload, 'note', app.visit_limit('note'), false, true);
	occurred_at timestamptz := app.timestamp_field(payload, 'occurred_at');
	follow_up app.follow_ups;
	allowed_from app.follow_up_status[];
	next_status app.follow_up_status;
	kind app.follow_up_event_kind;
	by_owner boolean;
	by_managers boolean;
	owner_name text;
	manager boolean := caller.post = 'manager';
	-- The payload schema's rules across fields, refused after the lifecycle's checks (the contract's order), or
	-- first for a replay: a stored action is answered as stored only when the device could have sent it.
	fields_problem text := case
		when (action = 'reassign') <> (owner_id is not null) then
			'A reassign names the new owner (owner_id), and only a reassign does.'
		when (action = 'due') <> (due_on is not null) then
			'A due date change names the new date (due_on), and only it does.'
		when action in ('done', 'cannot', 'reopen') and coalesce(note, '') !~ '[^ \t\r\n]' then
			format('A %s needs a note saying what was done or why.', action)
	end;
begin
	perform app.next_version(caller.hall_id);
	perform app.require_visit_id_free(caller, 'follow-up event', event_id);
	if exists (select 1 from app.follow_up_events e where e.id = event_id) then
		if fields_problem is not null then
			perform app.reject('validation', fields_problem);
		end if;
		return; -- the same action sent again under a new op id: it is stored
	end if;
	follow_up := app.follow_up_for_change(follow_up_id);

	-- The lifecycle table (FOLLOW_UP_TRANSITIONS of follow-up-lifecycle.ts).
	select t.allowed, t.next, t.kind, t.by_owner, t.by_managers
		into allowed_from, next_status, kind, by_owner, by_managers
	from (values
		('start'::app.follow_up_action, array['open']::app.follow_up_status[], 'in_progress'::app.follow_up_status,
			'started'::app.follow_up_event_kind, true, false),
		('done', array['open', 'in_progress']::app.follow_up_status[], 'done', 'done', true, true),
		('cannot', array['open', 'in_progress']::app.follow_up_status[], 'cannot_solve', 'cannot_solve', true, true),
		('reopen', array['done', 'cannot_solve']::app.follow_up_status[], 'in_progress', 'reopened', false, true),
		('reassign', array['open', 'in_progress']::app.follow_up_status[], null, 'reassigned', true, true),
		('due', array['open', 'in_progress']::app.follow_up_status[], null, 'due_changed', false, true)
	) t (action, allowed, next, kind, by_owner, by_managers)
	where t.action = acting.action;

	if from_status <> follow_up.status then
		perform app.reject('conflict', format(
			'Stale transition: the follow-up is now %s, not %s as your device saw; nothing was changed.',
			follow_up.status, from_status));
	end if;
	if not follow_up.status = any (allowed_from) then
		perform app.reject('conflict', format('A follow-up that is %s cannot be given the action %s.',
			follow_up.status, action));
	end if;
	if not ((by_owner and follow_up.owner_id = caller.id) or (by_managers and manager)) then
		perform app.reject('forbidden', case
			when not by_owner then format('Only a manager may %s a follow-up.', action)
			when not by_managers then format('Only the follow-up''s owner (%s) may %s it.', follow_up.owner_name, action)
			else format('Only the follow-up''s owner (%s) or a manager may %s it.', follow_up.owner_name, action) end);
	end if;

	-- The fields (the payload schema's rules on the device).
	if fields_problem is not null then
		perform app.reject('validation', fields_problem);
	end if;
	if action = 'cannot' and char_length(note) > app.visit_limit('reason') then
		perform app.reject('validation', format('The reason is longer than %s characters.', app.visit_limit('reason')));
	end if;
	if action = 'reassign' then
		if owner_id = follow_up.owner_id then
			perform app.reject('validation', format('The follow-up is already %s''s.', follow_up.owner_name));
		end if;
		owner_name := app.hall_staff_name(caller.hall_id, owner_id);
		if owner_name is null then
			perform app.reject('not_found', format('Staff member %s is not active in your hall.', owner_id));
		end if;
	end if;
	if action = 'due' then
		perform app.require_due_date_fits(due_on, follow_up.opened_at, 'conflict');
	end if;

	update app.follow_ups f set
		status = coalesce(next_status, f.status),
		owner_id = case when action = 'reassign' then acting.owner_id else f.owner_id end,
		owner_name = case when action = 'reassign' then acting.owner_name else f.owner_name end,
		due_on = case when action = 'due' then acting.due_on else f.due_on end,
		closed_at = case when action in ('done', 'cannot') then acting.occurred_at when action = 'reopen' then null
			else f.closed_at end,
		reason = case when action = 'cannot' then acting.note when action = 'reopen' then null else f.reason end
	where f.id = follow_up.id;
	insert into app.follow_up_events (id, hall_id, follow_up_id, kind, from_status, to_status, staff_id, staff_name,
		owner_id, owner_name, due_on, note, occurred_at)
	values (event_id, follow_up.hall_id, follow_up.id, kind, follow_up.status,
		coalesce(next_status, follow_up.status), caller.id, caller.display_name, acting.owner_id, acting.owner_name,
		acting.due_on, nullif(acting.note, ''), occurred_at);
end acting;
$$;

create function app.op_follow_up_note(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<noting>>
declare
	caller app.staff := app.require_staff();
	event_id uuid := app.uuid_field(payload, 'id');
	follow_up_id uuid := app.uuid_field(payload, 'follow_up_id');
	note text := app.incident_text_field(payload, 'note', app.visit_limit('note'), true, false);
	occurred_at timestamptz := app.timestamp_field(payload, 'occurred_at');
	follow_up app.follow_ups;
begin
	perform app.next_version(caller.hall_id);
	perform app.require_visit_id_free(caller, 'follow-up event', event_id);
	if exists (select 1 from app.follow_up_events e where e.id = event_id) then
		return;
	end if;
	follow_up := app.follow_up_for_change(follow_up_id);
	insert into app.follow_up_events (id, hall_id, follow_up_id, kind, from_status, to_status, staff_id, staff_name,
		note, occurred_at)
	values (event_id, follow_up.hall_id, follow_up.id, 'note', null, null, caller.id, caller.display_name, note,
		occurred_at);
end noting;
$$;

-- ─── Registration ─────────────────────────────────────────────────────────────────────────────────────────────

do $$
declare
	fn regprocedure;
begin
	for fn in
		select p.oid::regprocedure from pg_proc p
		where p.pronamespace = 'app'::regnamespace and p.proname in ('visits_rules', 'visit_limit', 'hall_day',
			'uuid_list_field', 'day_field', 'require_position_fits', 'visit_row_hall', 'require_visit_id_free',
			'op_visit_save', 'require_due_date_fits', 'op_follow_up_open', 'follow_up_for_change', 'op_follow_up_act',
			'op_follow_up_note')
	loop
		execute format('grant execute on function %s to app_writer', fn);
	end loop;
end
$$;

select app.register_synced_table('visits', 'visits');
select app.register_synced_table('visits', 'follow_ups');
select app.register_synced_table('visits', 'follow_up_events');

select app.register_op_type('visits', 'visit.save', 'app.op_visit_save(jsonb)',
	required => array['id', 'enterprise_id', 'project_id', 'kind', 'companion_ids', 'met', 'check_in_at',
		'check_in_geo', 'check_in_latitude', 'check_in_longitude', 'check_in_accuracy_m', 'check_out_at',
		'check_out_geo', 'check_out_latitude', 'check_out_longitude', 'check_out_accuracy_m', 'summary', 'saved_at']);
select app.register_op_type('visits', 'follow_up.open', 'app.op_follow_up_open(jsonb)',
	required => array['id', 'event_id', 'enterprise_id', 'visit_id', 'demand', 'owner_id', 'due_on', 'opened_at']);
select app.register_op_type('visits', 'follow_up.act', 'app.op_follow_up_act(jsonb)',
	required => array['id', 'follow_up_id', 'action', 'from_status', 'owner_id', 'due_on', 'note', 'occurred_at']);
select app.register_op_type('visits', 'follow_up.note', 'app.op_follow_up_note(jsonb)',
	required => array['id', 'follow_up_id', 'note', 'occurred_at']);

-- A visit's photos (what was seen, the enterprise's papers) through the photos module.
select app.register_photo_owner('visit', 'app.visits');
