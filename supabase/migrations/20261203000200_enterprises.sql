-- Key enterprises (重点企业) the hall serves on site, their contacts, key projects followed until they land, and
-- notes (docs/VISITS.md, "Enterprises"). Columns, enums and limits mirror src/lib/domain/enterprise.ts; the credit
-- code rule mirrors src/lib/domain/credit-code.ts (schema agreement test). Managers save enterprises and projects;
-- any staff member of the hall saves contacts and writes notes. A credit code is checked by a check constraint, so
-- no path (an op, an import, a manager's SQL) stores an invalid one; the op refuses it first, saying why.

-- ─── Rules ────────────────────────────────────────────────────────────────────────────────────────────────────

/** ENTERPRISE_RULES of the client. The street codes are one comma-separated string, in the codes' order. */
create function app.enterprises_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object(
		'nameMin', 2,
		'name', 100,
		'address', 200,
		'industry', 40,
		'contactName', 40,
		'contactRole', 40,
		'projectName', 100,
		'milestones', 20,
		'milestoneLabel', 60,
		'note', 1000,
		'visitEveryMinDays', 7,
		'visitEveryMaxDays', 365,
		'phonePattern', '^[0-9+() -]{3,20}$',
		'milestoneKeyPattern', '^[a-z0-9][a-z0-9_-]{0,31}$',
		'creditCodeChars', '0123456789ABCDEFGHJKLMNPQRTUWXY',
		-- 河北区's 10 streets (统计用区划代码): 光复道, 望海楼, 鸿顺里, 新开河, 铁东路, 建昌道, 宁园, 王串场, 江都路, 月牙河.
		'streetCodes', '120105001,120105002,120105003,120105004,120105005,120105006,120105007,120105008,120105009,'
			'120105010'
	)
$$;
comment on function app.enterprises_rules() is 'Limits and patterns of enterprises; ENTERPRISE_RULES on the client.';

create function app.enterprise_limit(rule text)
returns int
language sql
immutable
set search_path = ''
as $$
	select (app.enterprises_rules() ->> rule)::int
$$;

create function app.is_street_code(code text)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select code = any (string_to_array(app.enterprises_rules() ->> 'streetCodes', ','))
$$;

-- ─── Credit code (统一社会信用代码, GB 32100-2015) ─────────────────────────────────────────────────────────────────

/**
 * Why `code` is not a valid unified social credit code, or null when it is. checkCreditCode of
 * src/lib/domain/credit-code.ts, in the same order: the length (in characters), then the first character out of
 * place (the alphabet has no I, O, Z, S, V; position 1 is never 0; positions 3–8 are digits), then the check
 * character, c18 = CHARS[(31 − Σ value(cᵢ)·wᵢ mod 31) mod 31] with wᵢ = 3^(i−1) mod 31. Upper case only: the device
 * normalises what is typed or scanned before sending it.
 */
create function app.credit_code_problem(code text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
	chars constant text := app.enterprises_rules() ->> 'creditCodeChars';
	weights constant int[] := array[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
	total int := 0;
	symbol text;
	value int;
	expected text;
begin
	if code is null or char_length(code) <> 18 then
		return format('credit_code must have 18 characters (it has %s).', coalesce(char_length(code), 0));
	end if;
	for place in 1..18 loop
		symbol := substr(code, place, 1);
		value := strpos(chars, symbol) - 1;
		if value < 0 or (place = 1 and value = 0) or (place between 3 and 8 and value > 9) then
			return format('credit_code character %s "%s" cannot stand there (%s).', place, symbol,
				case when place between 3 and 8 then 'positions 3 to 8 are digits'
					when place = 1 and value = 0 then 'position 1 is never 0'
					else 'the code has no I, O, Z, S, V and no lower case' end);
		end if;
		if place <= 17 then
			total := total + value * weights[place];
		end if;
	end loop;
	expected := substr(chars, (31 - total % 31) % 31 + 1, 1);
	if symbol <> expected then
		return format('credit_code check character (position 18) should be "%s", not "%s".', expected, symbol);
	end if;
	return null;
end;
$$;
comment on function app.credit_code_problem(text) is
	'Why a unified social credit code (GB 32100-2015) is invalid, or null; checkCreditCode on the client.';

-- ─── Milestones (jsonb, checked as the client's schema checks them) ───────────────────────────────────────────

/** A hall date as z.iso.date() reads it (a real calendar date, year 0001 or later), or a problem naming it. */
create function app.json_day_problem(value jsonb, path text, nullable boolean)
returns text
language sql
immutable
set search_path = ''
as $$
	select case
		when value is null or jsonb_typeof(value) = 'null' then
			case when nullable then null else format('%s is required.', path) end
		when jsonb_typeof(value) = 'string' and (value #>> '{}') ~ '^\d{4}-\d{2}-\d{2}$'
			and pg_input_is_valid(value #>> '{}', 'date') and not starts_with(value #>> '{}', '0000') then null
		else format('%s must be a date as YYYY-MM-DD.', path)
	end
$$;

/** The client's milestones: 0–20 strict {key, label, due_on, done_on}, keys distinct. */
create function app.milestones_problem(milestones jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
	entry jsonb;
	position int;
	path text;
	problem text := app.json_array_problem(milestones, 'milestones', 0, app.enterprise_limit('milestones'));
begin
	if problem is not null then
		return problem;
	end if;
	for entry, position in select value, ordinality from jsonb_array_elements(milestones) with ordinality loop
		path := format('milestones[%s]', position - 1);
		problem := coalesce(
			app.json_keys_problem(entry, path, array['key', 'label', 'due_on', 'done_on']),
			case when jsonb_typeof(entry -> 'key') = 'string'
					and (entry ->> 'key') ~ (app.enterprises_rules() ->> 'milestoneKeyPattern') then null
				else format('%s.key must be a key: lower-case letters, digits, _ and -, at most 32.', path) end,
			app.json_text_problem(entry -> 'label', path || '.label', app.enterprise_limit('milestoneLabel'), true,
				false),
			app.json_day_problem(entry -> 'due_on', path || '.due_on', false),
			app.json_day_problem(entry -> 'done_on', path || '.done_on', true));
		if problem is not null then
			return problem;
		end if;
	end loop;
	if (select count(*) <> count(distinct value ->> 'key') from jsonb_array_elements(milestones)) then
		return 'milestones must have different keys.';
	end if;
	return null;
end;
$$;

-- ─── Tables ───────────────────────────────────────────────────────────────────────────────────────────────────

create type app.enterprise_project_stage as enum ('planning', 'approval', 'construction', 'operation', 'landed');
comment on type app.enterprise_project_stage is '谋划, 审批, 建设, 投产运营, 已落地.';

create table app.enterprises (
	id uuid primary key,
	hall_id uuid not null references app.halls (id),
	name text not null constraint enterprises_name_text check (app.is_visible_text(name, app.enterprise_limit('name'))
		and char_length(name) >= app.enterprise_limit('nameMin')),
	credit_code text not null
		constraint enterprises_credit_code_valid check (app.credit_code_problem(credit_code) is null),
	street_code text not null constraint enterprises_street_code_known check (app.is_street_code(street_code)),
	address text constraint enterprises_address_text
		check (address is null or app.is_visible_text(address, app.enterprise_limit('address'))),
	latitude double precision constraint enterprises_latitude_range check (latitude between -90 and 90),
	longitude double precision constraint enterprises_longitude_range check (longitude between -180 and 180),
	industry text constraint enterprises_industry_text
		check (industry is null or app.is_visible_text(industry, app.enterprise_limit('industry'))),
	visit_every_days int constraint enterprises_visit_every_days_range
		check (visit_every_days between app.enterprise_limit('visitEveryMinDays')
			and app.enterprise_limit('visitEveryMaxDays')),
	archived_at timestamptz,
	-- The first save's saved_at: an enterprise never visited is due for a visit from this day.
	created_at timestamptz not null,
	updated_by uuid not null references app.staff (id),
	updated_by_name text not null,
	is_demo boolean not null default false,
	version bigint not null,
	unique (id, hall_id),
	constraint enterprises_credit_code_once_per_hall unique (hall_id, credit_code),
	constraint enterprises_position_whole check ((latitude is null) = (longitude is null))
);
comment on table app.enterprises is
	'重点企业: an enterprise the hall serves on site, with its visit plan. Archived, never deleted.';
comment on column app.enterprises.is_demo is 'Seeded demonstration data, not a hall''s real enterprise.';

create table app.enterprise_contacts (
	id uuid primary key,
	hall_id uuid not null,
	enterprise_id uuid not null,
	name text not null constraint enterprise_contacts_name_text
		check (app.is_visible_text(name, app.enterprise_limit('contactName'))),
	role text constraint enterprise_contacts_role_text
		check (role is null or app.is_visible_text(role, app.enterprise_limit('contactRole'))),
	phone text constraint enterprise_contacts_phone_format
		check (phone is null or phone ~ (app.enterprises_rules() ->> 'phonePattern')),
	removed_at timestamptz,
	created_by uuid not null references app.staff (id),
	created_by_name text not null,
	version bigint not null,
	foreign key (enterprise_id, hall_id) references app.enterprises (id, hall_id)
);
comment on table app.enterprise_contacts is
	'Personal data: a person of the enterprise the hall deals with. Removed (removed_at), never deleted.';

create table app.enterprise_projects (
	id uuid primary key,
	hall_id uuid not null,
	enterprise_id uuid not null,
	name text not null constraint enterprise_projects_name_text
		check (app.is_visible_text(name, app.enterprise_limit('projectName'))),
	stage app.enterprise_project_stage not null,
	steward_id uuid not null references app.staff (id),
	steward_name text not null,
	milestones jsonb not null constraint enterprise_projects_milestones_shape
		check (app.milestones_problem(milestones) is null),
	archived_at timestamptz,
	version bigint not null,
	-- A visit names a project of its own enterprise: (project_id, enterprise_id) references this.
	unique (id, enterprise_id),
	foreign key (enterprise_id, hall_id) references app.enterprises (id, hall_id)
);
comment on table app.enterprise_projects is
	'重点项目: an enterprise''s key project followed until it lands, its steward and milestones.';

create table app.enterprise_notes (
	id uuid primary key,
	hall_id uuid not null,
	enterprise_id uuid not null,
	note text not null constraint enterprise_notes_note_text check (app.is_visible_text(note, app.enterprise_limit('note'))),
	staff_id uuid not null references app.staff (id),
	staff_name text not null,
	occurred_at timestamptz not null,
	version bigint not null,
	foreign key (enterprise_id, hall_id) references app.enterprises (id, hall_id)
);
comment on table app.enterprise_notes is 'A note on an enterprise''s history, by whom and when. Append-only.';

create index enterprises_hall_version_id_idx on app.enterprises (hall_id, version, id);
create index enterprise_contacts_hall_version_id_idx on app.enterprise_contacts (hall_id, version, id);
create index enterprise_projects_hall_version_id_idx on app.enterprise_projects (hall_id, version, id);
create index enterprise_notes_hall_version_id_idx on app.enterprise_notes (hall_id, version, id);
create index enterprise_contacts_enterprise_idx on app.enterprise_contacts (enterprise_id);
create index enterprise_projects_enterprise_idx on app.enterprise_projects (enterprise_id);
create index enterprise_notes_enterprise_idx on app.enterprise_notes (enterprise_id);

create trigger enterprises_stamp_version
	before insert or update on app.enterprises
	for each row execute function app.stamp_version();
create trigger enterprise_contacts_stamp_version
	before insert or update on app.enterprise_contacts
	for each row execute function app.stamp_version();
create trigger enterprise_projects_stamp_version
	before insert or update on app.enterprise_projects
	for each row execute function app.stamp_version();
create trigger enterprise_notes_stamp_version
	before insert or update on app.enterprise_notes
	for each row execute function app.stamp_version();

alter table app.enterprises enable row level security;
alter table app.enterprise_contacts enable row level security;
alter table app.enterprise_projects enable row level security;
alter table app.enterprise_notes enable row level security;
-- No DELETE: enterprises and projects archive, contacts are removed, notes are the hall's record. The policies hold
-- writes to the caller's hall; who may write what (managers, any staff) is the op functions' rule.
grant select on app.enterprises, app.enterprise_contacts, app.enterprise_projects, app.enterprise_notes
	to authenticated;
grant select, insert, update on app.enterprises, app.enterprise_contacts, app.enterprise_projects,
	app.enterprise_notes to app_writer;

do $$
declare
	enterprise_table text;
begin
	foreach enterprise_table in array array['enterprises', 'enterprise_contacts', 'enterprise_projects',
		'enterprise_notes'] loop
		execute format($policy$create policy "Staff can read their own hall's %1$s"
			on app.%1$I for select to authenticated, app_writer
			using (hall_id = (select app.current_hall_id()))$policy$, enterprise_table);
		execute format($policy$create policy "%1$s are written in the caller's own hall"
			on app.%1$I for insert to app_writer
			with check (hall_id = (select app.current_hall_id()))$policy$, enterprise_table);
		execute format($policy$create policy "%1$s change within the caller's own hall"
			on app.%1$I for update to app_writer
			using (hall_id = (select app.current_hall_id()))
			with check (hall_id = (select app.current_hall_id()))$policy$, enterprise_table);
	end loop;
end
$$;

-- ─── Field readers ────────────────────────────────────────────────────────────────────────────────────────────

/** A number from low to high as z.float64() reads it (null when nullable and JSON null), or the op rejected. */
create function app.float_field(payload jsonb, field text, low double precision, high double precision,
	nullable boolean)
returns double precision
language plpgsql
stable
set search_path = ''
as $$
begin
	if jsonb_typeof(payload -> field) = 'null' and nullable then
		return null;
	end if;
	if jsonb_typeof(payload -> field) is distinct from 'number'
			or (payload ->> field)::numeric not between low and high then
		perform app.reject('validation', format('%s must be a number from %s to %s.', field, low, high));
	end if;
	return (payload ->> field)::double precision;
end;
$$;

/** A whole number from low to high, or null when the field is JSON null (z.nullable(z.int())). */
create function app.nullable_int_field(payload jsonb, field text, low int, high int)
returns int
language plpgsql
stable
set search_path = ''
as $$
declare
	problem text := app.json_int_problem(payload -> field, field, low, high, true);
begin
	if problem is not null then
		perform app.reject('validation', problem);
	end if;
	return (payload ->> field)::numeric::int;
end;
$$;

/** A timestamp field that may be JSON null, within the device window when set. */
create function app.nullable_timestamp_field(payload jsonb, field text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
begin
	if jsonb_typeof(payload -> field) = 'null' then
		return null;
	end if;
	return app.timestamp_field(payload, field);
end;
$$;

-- ─── Ops ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The hall of an enterprises-area row of any hall (null: no such row). An id the caller's RLS cannot see may be
 * another hall's; the op then answers not_found instead of failing on the primary key. Says only which hall.
 */
create function app.enterprise_row_hall(kind text, row_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
	select case kind
		when 'enterprise' then (select e.hall_id from app.enterprises e where e.id = row_id)
		when 'contact' then (select c.hall_id from app.enterprise_contacts c where c.id = row_id)
		when 'project' then (select p.hall_id from app.enterprise_projects p where p.id = row_id)
		when 'note' then (select n.hall_id from app.enterprise_notes n where n.id = row_id)
	end
$$;

/** Refuses an id another hall's row already has. */
create function app.require_enterprise_id_free(caller app.staff, kind text, row_id uuid)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
	owner uuid := app.enterprise_row_hall(kind, row_id);
begin
	if owner is not null and owner <> caller.hall_id then
		perform app.reject('not_found', format('The %s %s does not exist in your hall.', kind, row_id));
	end if;
end;
$$;

/** The enterprise a contact, project, note or visit names, in the caller's hall (archived ones too), or not_found. */
create function app.hall_enterprise(caller app.staff, enterprise_id uuid)
returns app.enterprises
language plpgsql
stable
set search_path = ''
as $$
declare
	found app.enterprises;
begin
	select e.* into found from app.enterprises e where e.id = enterprise_id and e.hall_id = caller.hall_id;
	if found.id is null then
		perform app.reject('not_found', format('Enterprise %s does not exist in your hall.', enterprise_id));
	end if;
	return found;
end;
$$;

create function app.op_enterprise_save(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<saving>>
declare
	caller app.staff := app.require_staff();
	enterprise_id uuid := app.uuid_field(payload, 'id');
	name text := app.incident_text_field(payload, 'name', app.enterprise_limit('name'), true, false);
	credit_code text := app.text_field(payload, 'credit_code', 100, false);
	street_code text := app.text_field(payload, 'street_code', 100, false);
	address text := app.incident_text_field(payload, 'address', app.enterprise_limit('address'), true, true);
	latitude double precision := app.float_field(payload, 'latitude', -90, 90, true);
	longitude double precision := app.float_field(payload, 'longitude', -180, 180, true);
	industry text := app.incident_text_field(payload, 'industry', app.enterprise_limit('industry'), true, true);
	visit_every_days int := app.nullable_int_field(payload, 'visit_every_days',
		app.enterprise_limit('visitEveryMinDays'), app.enterprise_limit('visitEveryMaxDays'));
	archived_at timestamptz := app.nullable_timestamp_field(payload, 'archived_at');
	saved_at timestamptz := app.timestamp_field(payload, 'saved_at');
	code_problem text := app.credit_code_problem(credit_code);
	holder app.enterprises;
begin
	if char_length(name) < app.enterprise_limit('nameMin') then
		perform app.reject('validation', format('name must have at least %s characters.',
			app.enterprise_limit('nameMin')));
	end if;
	if code_problem is not null then
		perform app.reject('validation', code_problem);
	end if;
	if not app.is_street_code(street_code) then
		perform app.reject('validation', format('street_code %s is not one of the district''s streets (%s).',
			street_code, app.enterprises_rules() ->> 'streetCodes'));
	end if;
	if (latitude is null) <> (longitude is null) then
		perform app.reject('validation', 'An enterprise''s position is both latitude and longitude, or neither.');
	end if;
	if caller.post <> 'manager' then
		perform app.reject('forbidden', 'Only a manager of the hall may add or change an enterprise.');
	end if;
	perform app.next_version(caller.hall_id);
	perform app.require_enterprise_id_free(caller, 'enterprise', enterprise_id);
	select e.* into holder from app.enterprises e
	where e.hall_id = caller.hall_id and e.credit_code = saving.credit_code and e.id <> enterprise_id;
	if holder.id is not null then
		perform app.reject('conflict', format('The credit code %s is already the hall''s enterprise %s (%s).',
			credit_code, holder.name, holder.id));
	end if;
	insert into app.enterprises (id, hall_id, name, credit_code, street_code, address, latitude, longitude, industry,
		visit_every_days, archived_at, created_at, updated_by, updated_by_name)
	values (enterprise_id, caller.hall_id, name, credit_code, street_code, address, latitude, longitude, industry,
		visit_every_days, archived_at, saved_at, caller.id, caller.display_name)
	-- Replaced whole; created_at stays the first save's. A demo enterprise a manager saves is the hall's own.
	on conflict (id) do update set name = excluded.name, credit_code = excluded.credit_code,
		street_code = excluded.street_code, address = excluded.address, latitude = excluded.latitude,
		longitude = excluded.longitude, industry = excluded.industry, visit_every_days = excluded.visit_every_days,
		archived_at = excluded.archived_at, updated_by = excluded.updated_by,
		updated_by_name = excluded.updated_by_name, is_demo = false;
end saving;
$$;

create function app.op_enterprise_contact_save(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<saving>>
declare
	caller app.staff := app.require_staff();
	contact_id uuid := app.uuid_field(payload, 'id');
	enterprise_id uuid := app.uuid_field(payload, 'enterprise_id');
	name text := app.incident_text_field(payload, 'name', app.enterprise_limit('contactName'), true, false);
	role text := app.incident_text_field(payload, 'role', app.enterprise_limit('contactRole'), true, true);
	phone text := app.pattern_field(payload, 'phone', app.enterprises_rules() ->> 'phonePattern',
		'a phone number (digits, +, -, spaces and brackets, 3 to 20)', true);
	removed_at timestamptz := app.nullable_timestamp_field(payload, 'removed_at');
	saved_at timestamptz := app.timestamp_field(payload, 'saved_at');
	existing app.enterprise_contacts;
begin
	perform app.next_version(caller.hall_id);
	perform app.require_enterprise_id_free(caller, 'contact', contact_id);
	perform app.hall_enterprise(caller, enterprise_id);
	select c.* into existing from app.enterprise_contacts c where c.id = contact_id for update;
	if existing.id is null then
		insert into app.enterprise_contacts (id, hall_id, enterprise_id, name, role, phone, removed_at, created_by,
			created_by_name)
		values (contact_id, caller.hall_id, enterprise_id, name, role, phone, removed_at, caller.id,
			caller.display_name);
	elsif existing.enterprise_id <> enterprise_id then
		perform app.reject('conflict', format('Contact %s belongs to another enterprise.', contact_id));
	else
		update app.enterprise_contacts c set name = saving.name, role = saving.role, phone = saving.phone,
			removed_at = saving.removed_at
		where c.id = contact_id;
	end if;
end saving;
$$;

create function app.op_enterprise_project_save(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<saving>>
declare
	caller app.staff := app.require_staff();
	project_id uuid := app.uuid_field(payload, 'id');
	enterprise_id uuid := app.uuid_field(payload, 'enterprise_id');
	name text := app.incident_text_field(payload, 'name', app.enterprise_limit('projectName'), true, false);
	stage app.enterprise_project_stage := app.enum_field(payload, 'stage', null::app.enterprise_project_stage, false);
	steward_id uuid := app.uuid_field(payload, 'steward_id');
	milestones jsonb := app.patrol_json_field(payload -> 'milestones', app.milestones_problem(payload -> 'milestones'));
	archived_at timestamptz := app.nullable_timestamp_field(payload, 'archived_at');
	saved_at timestamptz := app.timestamp_field(payload, 'saved_at');
	steward_name text;
	existing app.enterprise_projects;
begin
	if caller.post <> 'manager' then
		perform app.reject('forbidden', 'Only a manager of the hall may add or change a key project.');
	end if;
	perform app.next_version(caller.hall_id);
	perform app.require_enterprise_id_free(caller, 'project', project_id);
	perform app.hall_enterprise(caller, enterprise_id);
	steward_name := app.hall_staff_name(caller.hall_id, steward_id);
	if steward_name is null then
		perform app.reject('not_found', format('Staff member %s is not active in your hall.', steward_id));
	end if;
	select p.* into existing from app.enterprise_projects p where p.id = project_id for update;
	if existing.id is null then
		insert into app.enterprise_projects (id, hall_id, enterprise_id, name, stage, steward_id, steward_name,
			milestones, archived_at)
		values (project_id, caller.hall_id, enterprise_id, name, stage, steward_id, steward_name, milestones,
			archived_at);
	elsif existing.enterprise_id <> enterprise_id then
		perform app.reject('conflict', format('Project %s belongs to another enterprise.', project_id));
	else
		update app.enterprise_projects p set name = saving.name, stage = saving.stage, steward_id = saving.steward_id,
			steward_name = saving.steward_name, milestones = saving.milestones, archived_at = saving.archived_at
		where p.id = project_id;
	end if;
end saving;
$$;

create function app.op_enterprise_note(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<noting>>
declare
	caller app.staff := app.require_staff();
	note_id uuid := app.uuid_field(payload, 'id');
	enterprise_id uuid := app.uuid_field(payload, 'enterprise_id');
	note text := app.incident_text_field(payload, 'note', app.enterprise_limit('note'), true, false);
	occurred_at timestamptz := app.timestamp_field(payload, 'occurred_at');
begin
	perform app.next_version(caller.hall_id);
	perform app.require_enterprise_id_free(caller, 'note', note_id);
	if exists (select 1 from app.enterprise_notes n where n.id = note_id) then
		return; -- the same note sent again under a new op id: it is stored
	end if;
	perform app.hall_enterprise(caller, enterprise_id);
	insert into app.enterprise_notes (id, hall_id, enterprise_id, note, staff_id, staff_name, occurred_at)
	values (note_id, caller.hall_id, enterprise_id, note, caller.id, caller.display_name, occurred_at);
end noting;
$$;

-- ─── Registration ─────────────────────────────────────────────────────────────────────────────────────────────

do $$
declare
	fn regprocedure;
begin
	for fn in
		select p.oid::regprocedure from pg_proc p
		where p.pronamespace = 'app'::regnamespace and p.proname in ('enterprises_rules', 'enterprise_limit',
			'is_street_code', 'credit_code_problem', 'json_day_problem', 'milestones_problem', 'float_field',
			'nullable_int_field', 'nullable_timestamp_field', 'enterprise_row_hall', 'require_enterprise_id_free',
			'hall_enterprise', 'op_enterprise_save', 'op_enterprise_contact_save', 'op_enterprise_project_save',
			'op_enterprise_note')
	loop
		execute format('grant execute on function %s to app_writer', fn);
	end loop;
end
$$;

select app.register_synced_table('enterprises', 'enterprises');
select app.register_synced_table('enterprises', 'enterprise_contacts');
select app.register_synced_table('enterprises', 'enterprise_projects');
select app.register_synced_table('enterprises', 'enterprise_notes');

select app.register_op_type('enterprises', 'enterprise.save', 'app.op_enterprise_save(jsonb)',
	required => array['id', 'name', 'credit_code', 'street_code', 'address', 'latitude', 'longitude', 'industry',
		'visit_every_days', 'archived_at', 'saved_at']);
select app.register_op_type('enterprises', 'enterprise_contact.save', 'app.op_enterprise_contact_save(jsonb)',
	required => array['id', 'enterprise_id', 'name', 'role', 'phone', 'removed_at', 'saved_at']);
select app.register_op_type('enterprises', 'enterprise_project.save', 'app.op_enterprise_project_save(jsonb)',
	required => array['id', 'enterprise_id', 'name', 'stage', 'steward_id', 'milestones', 'archived_at', 'saved_at']);
select app.register_op_type('enterprises', 'enterprise.note', 'app.op_enterprise_note(jsonb)',
	required => array['id', 'enterprise_id', 'note', 'occurred_at']);
