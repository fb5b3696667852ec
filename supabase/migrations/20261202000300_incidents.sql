-- Incident reports (事件上报) and their closed loop: reported by any staff member, assigned, worked on, resolved and
-- closed by role, with reopen (docs/PATROL.md, "Incidents"). Columns, enums and limits mirror
-- src/lib/domain/incident.ts; the lifecycle mirrors src/lib/domain/incident-lifecycle.ts, checked in the same order
-- so a refusal has the same code on both sides. Every change writes an incident_events row in the same transaction.
-- A complaint's complainant lives in incident_complainants, which only the incident's reporter and the hall's
-- managers can read: sync_pull reads through RLS as the caller, so those rows never reach another colleague's
-- device. checkpoint_id is a plain uuid here: the patrols area adds the "checkpoint of the caller's hall" check.

-- ─── Rules ────────────────────────────────────────────────────────────────────────────────────────────────────

/** INCIDENT_RULES of the client. */
create function app.incidents_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object(
		'place', 100,
		'description', 1000,
		'note', 500,
		'complainantName', 50,
		'callbackResult', 500,
		'minMinutes', 1,
		'maxMinutes', 43200,
		'eventsPerIncident', 200,
		'phonePattern', '^[0-9+() -]{3,20}$'
	)
$$;
comment on function app.incidents_rules() is 'Limits and patterns of incidents; INCIDENT_RULES on the client.';

create function app.incident_limit(rule text)
returns int
language sql
immutable
set search_path = ''
as $$
	select (app.incidents_rules() ->> rule)::int
$$;

-- ─── Enums ────────────────────────────────────────────────────────────────────────────────────────────────────

create type app.incident_category as enum (
	'emergency', 'complaint', 'equipment', 'hazard', 'order', 'environment', 'system'
);
comment on type app.incident_category is '突发事件, 投诉, 设备故障, 安全隐患, 秩序, 环境, 系统故障.';
create type app.incident_status as enum ('reported', 'assigned', 'in_progress', 'resolved', 'closed');
create type app.incident_action as enum ('assign', 'start', 'resolve', 'close', 'reopen', 'callback');
create type app.incident_event_kind as enum (
	'reported', 'assigned', 'started', 'resolved', 'closed', 'reopened', 'callback', 'note'
);

-- ─── Tables ───────────────────────────────────────────────────────────────────────────────────────────────────

create table app.incidents (
	id uuid primary key,
	hall_id uuid not null references app.halls (id),
	category app.incident_category not null,
	severity int not null constraint incidents_severity_range check (severity between 1 and 4),
	place text not null constraint incidents_place_text check (app.is_visible_text(place, app.incident_limit('place'))),
	-- A checkpoint of the hall (patrols); a plain uuid until the patrols area's follow-up checks it.
	checkpoint_id uuid,
	description text not null constraint incidents_description_text
		check (app.is_visible_text(description, app.incident_limit('description'))),
	reporter_id uuid not null references app.staff (id),
	reporter_name text not null,
	reported_at timestamptz not null,
	status app.incident_status not null,
	assignee_id uuid references app.staff (id),
	assignee_name text,
	responded_at timestamptz,
	resolved_at timestamptz,
	closed_at timestamptz,
	callback_result text constraint incidents_callback_result_text
		check (callback_result is null or app.is_visible_text(callback_result, app.incident_limit('callbackResult'))),
	source_check_id uuid,
	version bigint not null,
	unique (id, hall_id),
	constraint incidents_assignee_named check ((assignee_id is null) = (assignee_name is null)),
	-- Past reported, someone is responsible: only a manager's assign leaves `reported`.
	constraint incidents_assigned_after_reported check (status = 'reported' or assignee_id is not null),
	constraint incidents_resolved_when_resolved check ((status in ('resolved', 'closed')) = (resolved_at is not null)),
	constraint incidents_closed_when_closed check ((status = 'closed') = (closed_at is not null)),
	constraint incidents_callback_for_complaints check (callback_result is null or category = 'complaint')
);
comment on table app.incidents is
	'事件: a problem reported in the hall and followed until closed. Written only through incident.* ops.';

create index incidents_hall_version_id_idx on app.incidents (hall_id, version, id);

create table app.incident_events (
	id uuid primary key,
	incident_id uuid not null,
	hall_id uuid not null,
	kind app.incident_event_kind not null,
	from_status app.incident_status,
	to_status app.incident_status,
	staff_id uuid not null references app.staff (id),
	staff_name text not null,
	assignee_id uuid references app.staff (id),
	assignee_name text,
	note text constraint incident_events_note_text
		check (note is null or app.is_plain_text(note, greatest(app.incident_limit('note'),
			app.incident_limit('callbackResult')))),
	occurred_at timestamptz not null,
	version bigint not null,
	foreign key (incident_id, hall_id) references app.incidents (id, hall_id)
);
comment on table app.incident_events is
	'An incident''s timeline: the report, every action (who, when, what, note) and plain notes. Append-only.';

create index incident_events_hall_version_id_idx on app.incident_events (hall_id, version, id);
create index incident_events_incident_idx on app.incident_events (incident_id);

create table app.incident_complainants (
	-- The incident's id: one complainant per complaint.
	id uuid primary key,
	hall_id uuid not null,
	-- The incident's reporter, who (with the hall's managers) alone may read the row.
	reporter_id uuid not null references app.staff (id),
	name text constraint incident_complainants_name_text
		check (name is null or app.is_visible_text(name, app.incident_limit('complainantName'))),
	phone text constraint incident_complainants_phone_format
		check (phone is null or phone ~ (app.incidents_rules() ->> 'phonePattern')),
	version bigint not null,
	foreign key (id, hall_id) references app.incidents (id, hall_id),
	constraint incident_complainants_someone check (name is not null or phone is not null)
);
comment on table app.incident_complainants is
	'Personal data: a complainant''s name and/or phone, for the callback. Readable by the incident''s reporter and '
	'the hall''s managers only.';

create index incident_complainants_hall_version_id_idx on app.incident_complainants (hall_id, version, id);

create table app.incident_limits (
	-- The hall's id: one row per hall.
	id uuid primary key,
	hall_id uuid not null references app.halls (id),
	respond_minutes_1 int not null,
	resolve_minutes_1 int not null,
	respond_minutes_2 int not null,
	resolve_minutes_2 int not null,
	respond_minutes_3 int not null,
	resolve_minutes_3 int not null,
	respond_minutes_4 int not null,
	resolve_minutes_4 int not null,
	version bigint not null,
	constraint incident_limits_one_per_hall check (id = hall_id),
	constraint incident_limits_in_range check (
		least(respond_minutes_1, resolve_minutes_1, respond_minutes_2, resolve_minutes_2, respond_minutes_3,
			resolve_minutes_3, respond_minutes_4, resolve_minutes_4) >= app.incident_limit('minMinutes')
		and greatest(respond_minutes_1, resolve_minutes_1, respond_minutes_2, resolve_minutes_2, respond_minutes_3,
			resolve_minutes_3, respond_minutes_4, resolve_minutes_4) <= app.incident_limit('maxMinutes')),
	constraint incident_limits_respond_within_resolve check (respond_minutes_1 <= resolve_minutes_1
		and respond_minutes_2 <= resolve_minutes_2 and respond_minutes_3 <= resolve_minutes_3
		and respond_minutes_4 <= resolve_minutes_4)
);
comment on table app.incident_limits is
	'A hall''s incident time limits per severity (1 most severe), in calendar minutes: respond (reported → first '
	'assign or start) and resolve (reported → resolved). Its id is the hall''s.';

create index incident_limits_hall_version_id_idx on app.incident_limits (hall_id, version, id);

create trigger incidents_stamp_version
	before insert or update on app.incidents
	for each row execute function app.stamp_version();
create trigger incident_events_stamp_version
	before insert or update on app.incident_events
	for each row execute function app.stamp_version();
create trigger incident_complainants_stamp_version
	before insert or update on app.incident_complainants
	for each row execute function app.stamp_version();
create trigger incident_limits_stamp_version
	before insert or update on app.incident_limits
	for each row execute function app.stamp_version();

alter table app.incidents enable row level security;
alter table app.incident_events enable row level security;
alter table app.incident_complainants enable row level security;
alter table app.incident_limits enable row level security;
-- No DELETE: an incident and its timeline are the hall's record of what happened and who did what.
grant select on app.incidents, app.incident_events, app.incident_complainants, app.incident_limits to authenticated;
grant select, insert, update on app.incidents, app.incident_events, app.incident_complainants, app.incident_limits
	to app_writer;

create policy "Staff can read their own hall's incidents"
	on app.incidents for select to authenticated, app_writer
	using (hall_id = (select app.current_hall_id()));
create policy "Incidents are reported in the caller's own hall"
	on app.incidents for insert to app_writer
	with check (hall_id = (select app.current_hall_id()));
create policy "Incidents change within the caller's own hall"
	on app.incidents for update to app_writer
	using (hall_id = (select app.current_hall_id()))
	with check (hall_id = (select app.current_hall_id()));

create policy "Staff can read their own hall's incident timelines"
	on app.incident_events for select to authenticated, app_writer
	using (hall_id = (select app.current_hall_id()));
create policy "Incident events are written in the caller's own hall"
	on app.incident_events for insert to app_writer
	with check (hall_id = (select app.current_hall_id()));
create policy "Incident events stay in the caller's own hall"
	on app.incident_events for update to app_writer
	using (hall_id = (select app.current_hall_id()))
	with check (hall_id = (select app.current_hall_id()));

-- The same rule as a pre-check's applicant (app.may_read_applicant): the author, or a manager of the hall.
create policy "The reporter and the hall's managers can read a complainant"
	on app.incident_complainants for select to authenticated, app_writer
	using (app.may_read_applicant(hall_id, reporter_id));
create policy "Complainants are recorded by the incident's reporter in the caller's own hall"
	on app.incident_complainants for insert to app_writer
	with check (hall_id = (select app.current_hall_id()) and reporter_id = (select (app.current_staff()).id));
create policy "Complainants change only for their reporter and the hall's managers"
	on app.incident_complainants for update to app_writer
	using (app.may_read_applicant(hall_id, reporter_id))
	with check (app.may_read_applicant(hall_id, reporter_id));

create policy "Staff can read their own hall's incident limits"
	on app.incident_limits for select to authenticated, app_writer
	using (hall_id = (select app.current_hall_id()));
create policy "Incident limits are set in the caller's own hall"
	on app.incident_limits for insert to app_writer
	with check (hall_id = (select app.current_hall_id()));
create policy "Incident limits change within the caller's own hall"
	on app.incident_limits for update to app_writer
	using (hall_id = (select app.current_hall_id()))
	with check (hall_id = (select app.current_hall_id()));

-- ─── Default limits for every hall ────────────────────────────────────────────────────────────────────────────

/** DEFAULT_INCIDENT_LIMITS of src/lib/domain/incident-sla.ts: what a hall starts with. */
create function app.add_incident_limits()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	insert into app.incident_limits (id, hall_id, respond_minutes_1, resolve_minutes_1, respond_minutes_2,
		resolve_minutes_2, respond_minutes_3, resolve_minutes_3, respond_minutes_4, resolve_minutes_4)
	values (new.id, new.id, 15, 120, 30, 480, 120, 1440, 480, 4320)
	on conflict (id) do nothing;
	return new;
end;
$$;

-- After halls_have_a_version (triggers fire in name order): the row's version needs the hall's counter.
create trigger halls_have_incident_limits
	after insert on app.halls
	for each row execute function app.add_incident_limits();

insert into app.incident_limits (id, hall_id, respond_minutes_1, resolve_minutes_1, respond_minutes_2,
	resolve_minutes_2, respond_minutes_3, resolve_minutes_3, respond_minutes_4, resolve_minutes_4)
select h.id, h.id, 15, 120, 30, 480, 120, 1440, 480, 4320 from app.halls h;

-- ─── Field readers ────────────────────────────────────────────────────────────────────────────────────────────

/** A text field read as plainText / visibleText (nullable: JSON null is null), or the op rejected naming it. */
create function app.incident_text_field(payload jsonb, field text, max_length int, visible boolean, nullable boolean)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
	problem text := app.json_text_problem(payload -> field, field, max_length, visible, nullable);
begin
	if problem is not null then
		perform app.reject('validation', problem);
	end if;
	return payload ->> field;
end;
$$;

/** A uuid field that may be JSON null. */
create function app.nullable_uuid_field(payload jsonb, field text)
returns uuid
language plpgsql
stable
set search_path = ''
as $$
begin
	if jsonb_typeof(payload -> field) = 'null' then
		return null;
	end if;
	return app.uuid_field(payload, field);
end;
$$;

/** A whole number from low to high, as z.int() reads it (5 and 5.0 alike), never null. */
create function app.incident_int_field(payload jsonb, field text, low int, high int)
returns int
language plpgsql
stable
set search_path = ''
as $$
declare
	problem text := app.json_int_problem(payload -> field, field, low, high, false);
begin
	if problem is not null then
		perform app.reject('validation', problem);
	end if;
	return (payload ->> field)::numeric::int;
end;
$$;

/**
 * The name of an active staff member of `hall`, or null. Security definer: a device's assign names a colleague
 * whose staff row the writing role does not read; this answers only for the caller's own hall.
 */
create function app.hall_staff_name(hall uuid, staff uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
	select s.display_name from app.staff s
	where s.id = staff and s.hall_id = hall and s.active and hall = (select app.current_hall_id())
$$;

-- ─── Ops ──────────────────────────────────────────────────────────────────────────────────────────────────────

create function app.op_incident_report(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<reporting>>
declare
	caller app.staff := app.require_staff();
	incident_id uuid := app.uuid_field(payload, 'id');
	event_id uuid := app.uuid_field(payload, 'event_id');
	category app.incident_category := app.enum_field(payload, 'category', null::app.incident_category, false);
	severity int := app.incident_int_field(payload, 'severity', 1, 4);
	place text := app.incident_text_field(payload, 'place', app.incident_limit('place'), true, false);
	checkpoint_id uuid := app.nullable_uuid_field(payload, 'checkpoint_id');
	description text := app.incident_text_field(payload, 'description', app.incident_limit('description'), true,
		false);
	complainant_name text := app.incident_text_field(payload, 'complainant_name',
		app.incident_limit('complainantName'), true, true);
	complainant_phone text := app.pattern_field(payload, 'complainant_phone',
		app.incidents_rules() ->> 'phonePattern', 'a phone number (digits, +, -, spaces and brackets, 3 to 20)', true);
	source_check_id uuid := app.nullable_uuid_field(payload, 'source_check_id');
	reported_at timestamptz := app.timestamp_field(payload, 'reported_at');
begin
	if category = 'complaint' and complainant_name is null and complainant_phone is null then
		perform app.reject('validation', 'A complaint names someone to call back: the complainant''s name or phone.');
	end if;
	if category <> 'complaint' and (complainant_name is not null or complainant_phone is not null) then
		perform app.reject('validation', 'Only a complaint records a complainant''s name or phone.');
	end if;
	perform app.next_version(caller.hall_id);

	if exists (select 1 from app.incidents i where i.id = incident_id) then
		return; -- the same report sent again under a new op id: it is stored
	end if;
	insert into app.incidents (id, hall_id, category, severity, place, checkpoint_id, description, reporter_id,
		reporter_name, reported_at, status, source_check_id)
	values (incident_id, caller.hall_id, category, severity, place, checkpoint_id, description, caller.id,
		caller.display_name, reported_at, 'reported', source_check_id);
	insert into app.incident_events (id, incident_id, hall_id, kind, from_status, to_status, staff_id, staff_name,
		occurred_at)
	values (event_id, incident_id, caller.hall_id, 'reported', null, 'reported', caller.id, caller.display_name,
		reported_at);
	-- Personal data only for a complaint, and only what was given.
	if category = 'complaint' then
		insert into app.incident_complainants (id, hall_id, reporter_id, name, phone)
		values (incident_id, caller.hall_id, caller.id, complainant_name, complainant_phone);
	end if;
end reporting;
$$;

/**
 * Loads the incident an action or note names, for update, in the caller's hall (not_found otherwise), and refuses
 * one more entry on a full timeline (conflict).
 */
create function app.incident_for_change(incident_id uuid)
returns app.incidents
language plpgsql
set search_path = ''
as $$
declare
	found app.incidents;
begin
	select i.* into found from app.incidents i
	where i.id = incident_id and i.hall_id = (select app.current_hall_id()) for update;
	if found.id is null then
		perform app.reject('not_found', format('Incident %s does not exist in your hall.', incident_id));
	end if;
	if (select count(*) from app.incident_events e where e.incident_id = found.id)
			>= app.incident_limit('eventsPerIncident') then
		perform app.reject('conflict', format('The incident''s timeline is full (%s entries).',
			app.incident_limit('eventsPerIncident')));
	end if;
	return found;
end;
$$;

/**
 * One step of the lifecycle, checked as src/lib/domain/incident-lifecycle.ts checks it (refusal()): a stale view
 * (from_status is not the current status), an action not allowed from the status, a callback of another category
 * (conflict); the person (forbidden); a complaint's close without its callback (conflict).
 */
create function app.op_incident_act(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<acting>>
declare
	caller app.staff := app.require_staff();
	event_id uuid := app.uuid_field(payload, 'id');
	incident_id uuid := app.uuid_field(payload, 'incident_id');
	action app.incident_action := app.enum_field(payload, 'action', null::app.incident_action, false);
	from_status app.incident_status := app.enum_field(payload, 'from_status', null::app.incident_status, false);
	assignee_id uuid := app.nullable_uuid_field(payload, 'assignee_id');
	note text := app.incident_text_field(payload, 'note', app.incident_limit('note'), false, true);
	callback_result text := app.incident_text_field(payload, 'callback_result',
		app.incident_limit('callbackResult'), true, true);
	occurred_at timestamptz := app.timestamp_field(payload, 'occurred_at');
	incident app.incidents;
	allowed_from app.incident_status[];
	next_status app.incident_status;
	kind app.incident_event_kind;
	by_assignee boolean;
	assignee_name text;
	manager boolean := caller.post = 'manager';
begin
	if (action = 'assign') <> (assignee_id is not null) then
		perform app.reject('validation', 'An assign names the assignee (assignee_id), and only an assign does.');
	end if;
	if (action = 'callback') <> (callback_result is not null) then
		perform app.reject('validation', 'A callback records its result (callback_result), and only a callback does.');
	end if;
	if action in ('resolve', 'reopen') and coalesce(note, '') !~ '[^ \t\r\n]' then
		perform app.reject('validation', format('A %s needs a note saying what was done or why.', action));
	end if;
	perform app.next_version(caller.hall_id);

	if exists (select 1 from app.incident_events e where e.id = event_id) then
		return; -- the same action sent again under a new op id: it is stored
	end if;
	incident := app.incident_for_change(incident_id);

	-- The lifecycle table (TRANSITIONS of incident-lifecycle.ts).
	select t.allowed, t.next, t.kind, t.by_assignee into allowed_from, next_status, kind, by_assignee
	from (values
		('assign'::app.incident_action, array['reported', 'assigned', 'in_progress']::app.incident_status[],
			'assigned'::app.incident_status, 'assigned'::app.incident_event_kind, false),
		('start', array['assigned']::app.incident_status[], 'in_progress', 'started', true),
		('resolve', array['assigned', 'in_progress']::app.incident_status[], 'resolved', 'resolved', true),
		('close', array['resolved']::app.incident_status[], 'closed', 'closed', false),
		('reopen', array['resolved', 'closed']::app.incident_status[], 'in_progress', 'reopened', false),
		('callback', array['resolved']::app.incident_status[], null, 'callback', true)
	) t (action, allowed, next, kind, by_assignee)
	where t.action = acting.action;

	if from_status <> incident.status then
		perform app.reject('conflict', format(
			'Stale transition: the incident is now %s, not %s as your device saw; nothing was changed.',
			incident.status, from_status));
	end if;
	if not incident.status = any (allowed_from) then
		perform app.reject('conflict', format('An incident that is %s cannot be given the action %s.',
			incident.status, action));
	end if;
	if action = 'callback' and incident.category <> 'complaint' then
		perform app.reject('conflict', 'Only a complaint records a callback.');
	end if;
	if not manager then
		if not by_assignee then
			perform app.reject('forbidden', format('Only a manager may %s an incident.', action));
		end if;
		if incident.assignee_id is distinct from caller.id then
			perform app.reject('forbidden', format('Only the assignee or a manager may %s this incident.', action));
		end if;
	end if;
	if action = 'close' and incident.category = 'complaint' and incident.callback_result is null then
		perform app.reject('conflict', 'A complaint closes only once its callback (回访) result is recorded.');
	end if;
	if action = 'assign' then
		assignee_name := app.hall_staff_name(caller.hall_id, assignee_id);
		if assignee_name is null then
			perform app.reject('not_found', format('Staff member %s is not active in your hall.', assignee_id));
		end if;
	end if;

	update app.incidents i set
		status = coalesce(next_status, i.status),
		assignee_id = case when action = 'assign' then acting.assignee_id else i.assignee_id end,
		assignee_name = case when action = 'assign' then acting.assignee_name else i.assignee_name end,
		responded_at = case when action in ('assign', 'start') then coalesce(i.responded_at, acting.occurred_at)
			else i.responded_at end,
		resolved_at = case when action = 'resolve' then acting.occurred_at when action = 'reopen' then null
			else i.resolved_at end,
		closed_at = case when action = 'close' then acting.occurred_at when action = 'reopen' then null
			else i.closed_at end,
		-- A reopened complaint is called back again after its new resolution.
		callback_result = case when action = 'callback' then acting.callback_result when action = 'reopen' then null
			else i.callback_result end
	where i.id = incident.id;
	insert into app.incident_events (id, incident_id, hall_id, kind, from_status, to_status, staff_id, staff_name,
		assignee_id, assignee_name, note, occurred_at)
	values (event_id, incident.id, incident.hall_id, kind, incident.status, coalesce(next_status, incident.status),
		caller.id, caller.display_name, acting.assignee_id, acting.assignee_name,
		case when action = 'callback' then acting.callback_result else nullif(acting.note, '') end, occurred_at);
end acting;
$$;

create function app.op_incident_note(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<noting>>
declare
	caller app.staff := app.require_staff();
	event_id uuid := app.uuid_field(payload, 'id');
	incident_id uuid := app.uuid_field(payload, 'incident_id');
	note text := app.incident_text_field(payload, 'note', app.incident_limit('note'), true, false);
	occurred_at timestamptz := app.timestamp_field(payload, 'occurred_at');
	incident app.incidents;
begin
	perform app.next_version(caller.hall_id);
	if exists (select 1 from app.incident_events e where e.id = event_id) then
		return;
	end if;
	incident := app.incident_for_change(incident_id);
	insert into app.incident_events (id, incident_id, hall_id, kind, from_status, to_status, staff_id, staff_name,
		note, occurred_at)
	values (event_id, incident.id, incident.hall_id, 'note', null, null, caller.id, caller.display_name, note,
		occurred_at);
end noting;
$$;

create function app.op_incident_limits_save(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
declare
	caller app.staff := app.require_staff();
	hall uuid := app.uuid_field(payload, 'id');
	low int := app.incident_limit('minMinutes');
	high int := app.incident_limit('maxMinutes');
	r1 int := app.incident_int_field(payload, 'respond_minutes_1', low, high);
	s1 int := app.incident_int_field(payload, 'resolve_minutes_1', low, high);
	r2 int := app.incident_int_field(payload, 'respond_minutes_2', low, high);
	s2 int := app.incident_int_field(payload, 'resolve_minutes_2', low, high);
	r3 int := app.incident_int_field(payload, 'respond_minutes_3', low, high);
	s3 int := app.incident_int_field(payload, 'resolve_minutes_3', low, high);
	r4 int := app.incident_int_field(payload, 'respond_minutes_4', low, high);
	s4 int := app.incident_int_field(payload, 'resolve_minutes_4', low, high);
begin
	if r1 > s1 or r2 > s2 or r3 > s3 or r4 > s4 then
		perform app.reject('validation', 'A respond limit is never longer than the resolve limit of its severity.');
	end if;
	if caller.post <> 'manager' then
		perform app.reject('forbidden', 'Only a manager sets the hall''s incident time limits.');
	end if;
	if hall <> caller.hall_id then
		perform app.reject('not_found', 'The time limits are your own hall''s: their id is your hall''s id.');
	end if;
	perform app.next_version(caller.hall_id);
	insert into app.incident_limits (id, hall_id, respond_minutes_1, resolve_minutes_1, respond_minutes_2,
		resolve_minutes_2, respond_minutes_3, resolve_minutes_3, respond_minutes_4, resolve_minutes_4)
	values (hall, hall, r1, s1, r2, s2, r3, s3, r4, s4)
	on conflict (id) do update set
		respond_minutes_1 = excluded.respond_minutes_1, resolve_minutes_1 = excluded.resolve_minutes_1,
		respond_minutes_2 = excluded.respond_minutes_2, resolve_minutes_2 = excluded.resolve_minutes_2,
		respond_minutes_3 = excluded.respond_minutes_3, resolve_minutes_3 = excluded.resolve_minutes_3,
		respond_minutes_4 = excluded.respond_minutes_4, resolve_minutes_4 = excluded.resolve_minutes_4;
end;
$$;

-- ─── Registration ─────────────────────────────────────────────────────────────────────────────────────────────

do $$
declare
	fn regprocedure;
begin
	for fn in
		select p.oid::regprocedure from pg_proc p
		where p.pronamespace = 'app'::regnamespace and p.proname in ('incidents_rules', 'incident_limit',
			'incident_text_field', 'nullable_uuid_field', 'incident_int_field', 'hall_staff_name',
			'incident_for_change', 'op_incident_report', 'op_incident_act', 'op_incident_note',
			'op_incident_limits_save')
	loop
		execute format('grant execute on function %s to app_writer', fn);
	end loop;
end
$$;

select app.register_synced_table('incidents', 'incidents');
select app.register_synced_table('incidents', 'incident_events');
select app.register_synced_table('incidents', 'incident_complainants');
select app.register_synced_table('incidents', 'incident_limits');

select app.register_op_type('incidents', 'incident.report', 'app.op_incident_report(jsonb)',
	required => array['id', 'event_id', 'category', 'severity', 'place', 'checkpoint_id', 'description',
		'complainant_name', 'complainant_phone', 'source_check_id', 'reported_at']);
select app.register_op_type('incidents', 'incident.act', 'app.op_incident_act(jsonb)',
	required => array['id', 'incident_id', 'action', 'from_status', 'assignee_id', 'note', 'callback_result',
		'occurred_at']);
select app.register_op_type('incidents', 'incident.note', 'app.op_incident_note(jsonb)',
	required => array['id', 'incident_id', 'note', 'occurred_at']);
select app.register_op_type('incidents', 'incident_limits.save', 'app.op_incident_limits_save(jsonb)',
	required => array['id', 'respond_minutes_1', 'resolve_minutes_1', 'respond_minutes_2', 'resolve_minutes_2',
		'respond_minutes_3', 'resolve_minutes_3', 'respond_minutes_4', 'resolve_minutes_4']);
