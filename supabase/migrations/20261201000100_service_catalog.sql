-- The catalog of service items (事项) a hall handles, versioned (docs/PRECHECK.md). An item (service_items) is an
-- identity: its code and whether it is withdrawn. What it says lives in immutable versions (service_item_versions),
-- numbered 1, 2, 3… by the server: a pre-check names the version it was made with and reads the same after the item
-- changes or is withdrawn. Columns, enums and limits mirror src/lib/domain/service-catalog.ts (the client's
-- definition); tests/integration/schema/registry-matches-sql.test.ts keeps the two in step.
-- Written only through service_item.publish / service_item.withdraw, by managers of the hall.

-- ─── Rules ────────────────────────────────────────────────────────────────────────────────────────────────────

/** SERVICE_CATALOG_RULES of the client: limits in characters (code points, as zod and char_length count). */
create function app.service_catalog_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object(
		'code', 64,
		'name', 100,
		'aliases', 20,
		'alias', 30,
		'searchKeys', 4000,
		'whereToApply', 200,
		'fee', 100,
		'url', 500,
		'situations', 10,
		'questions', 10,
		'materials', 40,
		'materialName', 100,
		'office', 100,
		'obtainNote', 300,
		'rejectionReasons', 10,
		'rejectionReason', 60,
		'copies', 20,
		'days', 365,
		-- Read the same by JavaScript and PostgreSQL (urlPattern's \s aside: see app.is_catalog_url).
		'codePattern', '^[0-9A-Z][0-9A-Z_-]{0,63}$',
		'keyPattern', '^[a-z0-9][a-z0-9_-]{0,31}$',
		'urlPattern', '^https?://[^\s<>"]+$'
	)
$$;
comment on function app.service_catalog_rules() is
	'Limits and patterns of the service catalog; SERVICE_CATALOG_RULES on the client.';

create function app.catalog_limit(rule text)
returns int
language sql
immutable
set search_path = ''
as $$
	select (app.service_catalog_rules() ->> rule)::int
$$;

/** plainText(max) of src/lib/domain/text.ts: at most max characters, no control characters but tab and breaks. */
create function app.is_plain_text(value text, max_length int)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select value is not null and char_length(value) <= max_length and value !~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]'
$$;

/** visibleText(max): plain text with a character other than space, tab and line breaks (not \s: locale-bound). */
create function app.is_visible_text(value text, max_length int)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select app.is_plain_text(value, max_length) and value ~ '[^ \t\r\n]'
$$;

create function app.is_catalog_key(value text)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select value ~ (app.service_catalog_rules() ->> 'keyPattern')
$$;

create function app.is_item_code(value text)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select value ~ (app.service_catalog_rules() ->> 'codePattern')
$$;

/**
 * URL_PATTERN (the rules' urlPattern) as JavaScript reads it. Its \s is restated as JavaScript's list of white space:
 * PostgreSQL's \s follows the database locale (ASCII only under C, more under some UTF-8 locales), and the server
 * must refuse exactly what the client refuses, wherever it runs.
 */
create function app.is_catalog_url(value text)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select char_length(value) <= app.catalog_limit('url')
		and value ~ '^https?://[^<>"\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$'
$$;

-- ─── Content of a version ─────────────────────────────────────────────────────────────────────────────────────

create type app.service_scope as enum (
	'administrative_approval', 'investment_project', 'cross_province', 'one_thing', 'credit_repair',
	'unified_certificate', 'enterprise_setup'
);
comment on type app.service_scope is
	'行政审批, 投资(工程建设)项目, 跨省通办, 高效办成一件事, 信用修复, 统一出证, 企业开办.';

-- Values inside the materials' jsonb; enums so the lists are written once.
create type app.material_requirement as enum ('required', 'optional', 'conditional');
create type app.material_form as enum ('original', 'copy', 'original_and_copy');

/** A JSON value's problem as a text field (`path` names it), or null: a string of plain or visible text. */
create function app.json_text_problem(value jsonb, path text, max_length int, visible boolean, nullable boolean)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
	if value is null or jsonb_typeof(value) = 'null' then
		return case when nullable then null else format('%s is required.', path) end;
	end if;
	if jsonb_typeof(value) <> 'string' then
		return format('%s must be text.', path);
	end if;
	if not app.is_plain_text(value #>> '{}', max_length) then
		return format('%s must be text of at most %s characters without control characters.', path, max_length);
	end if;
	if visible and (value #>> '{}') !~ '[^ \t\r\n]' then
		return format('%s must not be blank.', path);
	end if;
	return null;
end;
$$;

create function app.json_key_problem(value jsonb, path text)
returns text
language sql
immutable
set search_path = ''
as $$
	select case when jsonb_typeof(value) = 'string' and app.is_catalog_key(value #>> '{}') then null
		else format('%s must be a key: lower-case letters, digits, _ and -, at most 32.', path) end
$$;

create function app.json_url_problem(value jsonb, path text, nullable boolean)
returns text
language sql
immutable
set search_path = ''
as $$
	select case
		when value is null or jsonb_typeof(value) = 'null' then
			case when nullable then null else format('%s is required.', path) end
		when jsonb_typeof(value) = 'string' and app.is_catalog_url(value #>> '{}') then null
		else format('%s must be a link starting with http:// or https://, at most %s characters, without spaces.',
			path, app.catalog_limit('url'))
	end
$$;

/** A JSON integer from low to high (5 and 5.0 alike, as JavaScript reads them), or null when nullable. */
create function app.json_int_problem(value jsonb, path text, low int, high int, nullable boolean)
returns text
language sql
immutable
set search_path = ''
as $$
	select case
		when value is null or jsonb_typeof(value) = 'null' then
			case when nullable then null else format('%s is required.', path) end
		when jsonb_typeof(value) = 'number' and (value::text)::numeric = trunc((value::text)::numeric)
			and (value::text)::numeric between low and high then null
		else format('%s must be a whole number from %s to %s.', path, low, high)
	end
$$;

/** The keys of a JSON object that are not `allowed`, or missing from it, as a problem naming them; or null. */
create function app.json_keys_problem(value jsonb, path text, allowed text[])
returns text
language sql
immutable
set search_path = ''
as $$
	select case
		when jsonb_typeof(value) is distinct from 'object' then format('%s must be an object.', path)
		else (
			select case
				when extra is not null then format('%s does not take %s.', path, extra)
				when missing is not null then format('%s needs %s.', path, missing)
			end
			from (
				select
					(select string_agg(k, ', ' order by k) from jsonb_object_keys(value) k where not k = any (allowed))
						as extra,
					(select string_agg(a, ', ' order by a) from unnest(allowed) a where not value ? a) as missing
			) keys
		)
	end
$$;

/** A JSON array's problem (not an array, or too long), or null. */
create function app.json_array_problem(value jsonb, path text, min_length int, max_length int)
returns text
language sql
immutable
set search_path = ''
as $$
	select case
		when jsonb_typeof(value) is distinct from 'array' then format('%s must be a list.', path)
		when jsonb_array_length(value) < min_length then format('%s needs at least %s.', path, min_length)
		when jsonb_array_length(value) > max_length then format('%s holds at most %s.', path, max_length)
	end
$$;

/**
 * What is wrong with a version's content, or null: exactly the client's versionContent with its refinements
 * (serviceItemVersionRow and publishServiceItem in src/lib/domain/service-catalog.ts), named by field. `content`
 * holds the fields name_zh … materials; published rows and publish ops are both read through here.
 */
create function app.service_item_content_problem(content jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
	problem text;
	entry jsonb;
	position int;
	path text;
	reason jsonb;
	situation_keys text[];
	question_keys text[];
begin
	problem := coalesce(
		app.json_keys_problem(content, 'The version', array['name_zh', 'name_en', 'scope', 'legal_days',
			'promised_days', 'where_to_apply', 'online_url', 'fee', 'aliases', 'search_keys', 'situations',
			'questions', 'materials']),
		app.json_text_problem(content -> 'name_zh', 'name_zh', app.catalog_limit('name'), true, false),
		app.json_text_problem(content -> 'name_en', 'name_en', app.catalog_limit('name'), false, false),
		case when jsonb_typeof(content -> 'scope') = 'string'
				and (content ->> 'scope') = any (enum_range(null::app.service_scope)::text[]) then null
			else format('scope must be one of %s.', array_to_string(enum_range(null::app.service_scope), ', ')) end,
		app.json_int_problem(content -> 'legal_days', 'legal_days', 0, app.catalog_limit('days'), true),
		app.json_int_problem(content -> 'promised_days', 'promised_days', 0, app.catalog_limit('days'), true),
		app.json_text_problem(content -> 'where_to_apply', 'where_to_apply', app.catalog_limit('whereToApply'),
			false, false),
		app.json_url_problem(content -> 'online_url', 'online_url', true),
		app.json_text_problem(content -> 'fee', 'fee', app.catalog_limit('fee'), false, false),
		app.json_text_problem(content -> 'search_keys', 'search_keys', app.catalog_limit('searchKeys'), false, false),
		app.json_array_problem(content -> 'aliases', 'aliases', 0, app.catalog_limit('aliases')),
		app.json_array_problem(content -> 'situations', 'situations', 0, app.catalog_limit('situations')),
		app.json_array_problem(content -> 'questions', 'questions', 0, app.catalog_limit('questions')),
		app.json_array_problem(content -> 'materials', 'materials', 1, app.catalog_limit('materials'))
	);
	if problem is not null then
		return problem;
	end if;
	if (content -> 'promised_days') <> 'null' and (content -> 'legal_days') <> 'null'
			and (content ->> 'promised_days')::numeric > (content ->> 'legal_days')::numeric then
		return 'promised_days must not be longer than legal_days.';
	end if;

	for entry, position in select value, ordinality from jsonb_array_elements(content -> 'aliases') with ordinality loop
		problem := app.json_text_problem(entry, format('aliases[%s]', position - 1), app.catalog_limit('alias'),
			true, false);
		if problem is not null then
			return problem;
		end if;
	end loop;

	for entry, position in select value, ordinality from jsonb_array_elements(content -> 'situations') with ordinality
	loop
		path := format('situations[%s]', position - 1);
		problem := coalesce(
			app.json_keys_problem(entry, path, array['key', 'name_zh', 'name_en']),
			app.json_key_problem(entry -> 'key', path || '.key'),
			app.json_text_problem(entry -> 'name_zh', path || '.name_zh', app.catalog_limit('name'), true, false),
			app.json_text_problem(entry -> 'name_en', path || '.name_en', app.catalog_limit('name'), false, false));
		if problem is not null then
			return problem;
		end if;
	end loop;
	situation_keys := array(select value ->> 'key' from jsonb_array_elements(content -> 'situations'));
	if cardinality(situation_keys) <> (select count(distinct k) from unnest(situation_keys) k) then
		return 'situations must have different keys.';
	end if;

	for entry, position in select value, ordinality from jsonb_array_elements(content -> 'questions') with ordinality
	loop
		path := format('questions[%s]', position - 1);
		problem := coalesce(
			app.json_keys_problem(entry, path, array['key', 'text_zh', 'text_en']),
			app.json_key_problem(entry -> 'key', path || '.key'),
			app.json_text_problem(entry -> 'text_zh', path || '.text_zh', app.catalog_limit('name'), true, false),
			app.json_text_problem(entry -> 'text_en', path || '.text_en', app.catalog_limit('name'), false, false));
		if problem is not null then
			return problem;
		end if;
	end loop;
	question_keys := array(select value ->> 'key' from jsonb_array_elements(content -> 'questions'));
	if cardinality(question_keys) <> (select count(distinct k) from unnest(question_keys) k) then
		return 'questions must have different keys.';
	end if;

	for entry, position in select value, ordinality from jsonb_array_elements(content -> 'materials') with ordinality
	loop
		path := format('materials[%s]', position - 1);
		problem := coalesce(
			app.json_keys_problem(entry, path, array['key', 'name_zh', 'name_en', 'requirement', 'condition',
				'situations', 'form', 'copies', 'obtain', 'rejection_reasons']),
			app.json_key_problem(entry -> 'key', path || '.key'),
			app.json_text_problem(entry -> 'name_zh', path || '.name_zh', app.catalog_limit('materialName'), true,
				false),
			app.json_text_problem(entry -> 'name_en', path || '.name_en', app.catalog_limit('materialName'), false,
				false),
			case when jsonb_typeof(entry -> 'requirement') = 'string'
					and (entry ->> 'requirement') = any (enum_range(null::app.material_requirement)::text[]) then null
				else format('%s.requirement must be required, optional or conditional.', path) end,
			case when jsonb_typeof(entry -> 'form') = 'string'
					and (entry ->> 'form') = any (enum_range(null::app.material_form)::text[]) then null
				else format('%s.form must be original, copy or original_and_copy.', path) end,
			app.json_int_problem(entry -> 'copies', path || '.copies', 1, app.catalog_limit('copies'), false),
			app.json_array_problem(entry -> 'situations', path || '.situations', 0, app.catalog_limit('situations')),
			app.json_array_problem(entry -> 'rejection_reasons', path || '.rejection_reasons', 0,
				app.catalog_limit('rejectionReasons')),
			app.json_keys_problem(entry -> 'obtain', path || '.obtain', array['office_zh', 'office_en', 'url',
				'template_url', 'note_zh', 'note_en']));
		if problem is not null then
			return problem;
		end if;
		-- The condition: a question key and the answer that makes the material required; only for conditional.
		if jsonb_typeof(entry -> 'condition') = 'null' then
			if entry ->> 'requirement' = 'conditional' then
				return format('%s.condition is required for a conditional material.', path);
			end if;
		else
			problem := coalesce(
				app.json_keys_problem(entry -> 'condition', path || '.condition', array['question', 'answer']),
				app.json_key_problem(entry -> 'condition' -> 'question', path || '.condition.question'),
				case when jsonb_typeof(entry -> 'condition' -> 'answer') = 'boolean' then null
					else format('%s.condition.answer must be true or false.', path) end);
			if problem is not null then
				return problem;
			end if;
			if entry ->> 'requirement' <> 'conditional' then
				return format('%s.condition is only for a conditional material.', path);
			end if;
			if not (entry -> 'condition' ->> 'question') = any (question_keys) then
				return format('%s.condition names the question %s, which this version does not have.', path,
					entry -> 'condition' ->> 'question');
			end if;
		end if;
		for reason, position in select value, ordinality from jsonb_array_elements(entry -> 'situations')
			with ordinality loop
			problem := app.json_key_problem(reason, format('%s.situations[%s]', path, position - 1));
			if problem is not null then
				return problem;
			end if;
			if not (reason #>> '{}') = any (situation_keys) then
				return format('%s.situations names the situation %s, which this version does not have.', path,
					reason #>> '{}');
			end if;
		end loop;
		for reason, position in select value, ordinality from jsonb_array_elements(entry -> 'rejection_reasons')
			with ordinality loop
			problem := app.json_text_problem(reason, format('%s.rejection_reasons[%s]', path, position - 1),
				app.catalog_limit('rejectionReason'), true, false);
			if problem is not null then
				return problem;
			end if;
		end loop;
		problem := coalesce(
			app.json_text_problem(entry -> 'obtain' -> 'office_zh', path || '.obtain.office_zh',
				app.catalog_limit('office'), false, false),
			app.json_text_problem(entry -> 'obtain' -> 'office_en', path || '.obtain.office_en',
				app.catalog_limit('office'), false, false),
			app.json_url_problem(entry -> 'obtain' -> 'url', path || '.obtain.url', true),
			app.json_url_problem(entry -> 'obtain' -> 'template_url', path || '.obtain.template_url', true),
			app.json_text_problem(entry -> 'obtain' -> 'note_zh', path || '.obtain.note_zh',
				app.catalog_limit('obtainNote'), false, false),
			app.json_text_problem(entry -> 'obtain' -> 'note_en', path || '.obtain.note_en',
				app.catalog_limit('obtainNote'), false, false));
		if problem is not null then
			return problem;
		end if;
	end loop;
	if (select count(*) <> count(distinct value ->> 'key') from jsonb_array_elements(content -> 'materials')) then
		return 'materials must have different keys.';
	end if;
	return null;
end;
$$;
comment on function app.service_item_content_problem(jsonb) is
	'What is wrong with a service item version''s content (named by field), or null; the client''s versionContent.';

-- ─── Tables ───────────────────────────────────────────────────────────────────────────────────────────────────

create table app.service_items (
	id uuid primary key,
	hall_id uuid not null references app.halls (id),
	code text not null constraint service_items_code_format check (app.is_item_code(code)),
	-- The newest version: what a new pre-check uses. Set by the op that publishes it (no foreign key: the item
	-- and its first version are written by one op, each naming the other).
	current_version_id uuid not null,
	withdrawn_at timestamptz,
	is_demo boolean not null default false,
	version bigint not null,
	unique (id, hall_id),
	constraint service_items_one_code_per_hall unique (hall_id, code)
);
comment on table app.service_items is
	'事项: a service item of a hall, its code and whether it is withdrawn; what it says is in its versions.';
comment on column app.service_items.is_demo is 'Seeded demonstration data, not a hall''s real item.';

create table app.service_item_versions (
	id uuid primary key,
	item_id uuid not null,
	hall_id uuid not null,
	revision int not null constraint service_item_versions_revision_positive check (revision >= 1),
	name_zh text not null,
	name_en text not null,
	scope app.service_scope not null,
	legal_days int,
	promised_days int,
	where_to_apply text not null,
	online_url text,
	fee text not null,
	aliases text[] not null,
	search_keys text not null,
	situations jsonb not null,
	questions jsonb not null,
	materials jsonb not null,
	published_by uuid not null references app.staff (id),
	-- Denormalized: the name as it was, readable after the person moved to another hall.
	published_by_name text not null,
	published_at timestamptz not null,
	version bigint not null,
	foreign key (item_id, hall_id) references app.service_items (id, hall_id),
	unique (id, hall_id),
	-- Pre-checks name (version, item): a pre-check's item is its version's item.
	unique (id, item_id),
	constraint service_item_versions_one_per_revision unique (item_id, revision),
	constraint service_item_versions_content check (app.service_item_content_problem(jsonb_build_object(
		'name_zh', name_zh, 'name_en', name_en, 'scope', scope, 'legal_days', legal_days,
		'promised_days', promised_days, 'where_to_apply', where_to_apply, 'online_url', online_url, 'fee', fee,
		'aliases', to_jsonb(aliases), 'search_keys', search_keys, 'situations', situations, 'questions', questions,
		'materials', materials)) is null)
);
comment on table app.service_item_versions is
	'One published version of a service item, never changed once stored; revision 1, 2, 3… in server order.';

create index service_items_hall_version_id_idx on app.service_items (hall_id, version, id);
create index service_item_versions_hall_version_id_idx on app.service_item_versions (hall_id, version, id);

create trigger service_items_stamp_version
	before insert or update on app.service_items
	for each row execute function app.stamp_version();
create trigger service_item_versions_stamp_version
	before insert or update on app.service_item_versions
	for each row execute function app.stamp_version();

/** A version is immutable: an update may only re-stamp its change version (nothing does today). */
create function app.keep_version_content()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if (to_jsonb(new) - 'version') is distinct from (to_jsonb(old) - 'version') then
		raise exception using errcode = 'P0001', message = 'conflict',
			detail = 'A published version of a service item is never changed; publish a new version instead.';
	end if;
	return new;
end;
$$;

create trigger service_item_versions_are_immutable
	before update on app.service_item_versions
	for each row execute function app.keep_version_content();

alter table app.service_items enable row level security;
alter table app.service_item_versions enable row level security;
-- No DELETE: items are withdrawn, never removed; versions stay for the pre-checks that name them. The policies hold
-- writes to the caller's hall; that only managers write is the op functions' rule (app.require_catalog_manager).
grant select on app.service_items, app.service_item_versions to authenticated;
grant select, insert, update on app.service_items, app.service_item_versions to app_writer;

create policy "Staff can read their own hall's service items"
	on app.service_items for select to authenticated, app_writer
	using (hall_id = (select app.current_hall_id()));
create policy "Service items are added in the caller's own hall"
	on app.service_items for insert to app_writer
	with check (hall_id = (select app.current_hall_id()));
create policy "Service items change within the caller's own hall"
	on app.service_items for update to app_writer
	using (hall_id = (select app.current_hall_id()))
	with check (hall_id = (select app.current_hall_id()));

create policy "Staff can read their own hall's service item versions"
	on app.service_item_versions for select to authenticated, app_writer
	using (hall_id = (select app.current_hall_id()));
create policy "Service item versions are published in the caller's own hall"
	on app.service_item_versions for insert to app_writer
	with check (hall_id = (select app.current_hall_id()));
create policy "Service item versions stay in their own hall"
	on app.service_item_versions for update to app_writer
	using (hall_id = (select app.current_hall_id()))
	with check (hall_id = (select app.current_hall_id()));

-- ─── Ops ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** The catalog is the managers': anyone else's catalog op is refused. */
create function app.require_catalog_manager(caller app.staff)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
	if caller.post <> 'manager' then
		perform app.reject('forbidden', 'Only a manager of the hall may publish or withdraw service items.');
	end if;
end;
$$;

create function app.op_service_item_publish(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<publishing>>
declare
	caller app.staff := app.require_staff();
	version_id uuid := app.uuid_field(payload, 'id');
	item_id uuid := app.uuid_field(payload, 'item_id');
	code text := app.text_field(payload, 'code', app.catalog_limit('code'), false);
	published_at timestamptz := app.timestamp_field(payload, 'published_at');
	content jsonb := payload - array['id', 'item_id', 'code', 'published_at'];
	problem text := app.service_item_content_problem(content);
	item app.service_items;
	revision int;
begin
	if not app.is_item_code(code) then
		perform app.reject('validation', format(
			'code %L is not an item code (upper-case letters, digits, _ and -, at most %s).', left(code, 70),
			app.catalog_limit('code')));
	end if;
	if problem is not null then
		perform app.reject('validation', problem);
	end if;
	perform app.require_catalog_manager(caller);
	-- The hall's write lock, before reading the item and its revisions: two publishes cannot take one revision.
	perform app.next_version(caller.hall_id);

	if exists (select 1 from app.service_item_versions v where v.id = version_id) then
		return; -- the same version published again (re-sent under a new op id): it is stored
	end if;
	select i.* into item from app.service_items i where i.id = publishing.item_id for update;
	if item.id is null then
		if exists (select 1 from app.service_items i where i.hall_id = caller.hall_id and i.code = publishing.code)
		then
			perform app.reject('conflict', format(
				'The item code %s is already used by another item of this hall; edit that item instead.', code));
		end if;
		insert into app.service_items (id, hall_id, code, current_version_id)
		values (item_id, caller.hall_id, code, version_id);
		revision := 1;
	else
		if item.code <> publishing.code then
			perform app.reject('conflict', format(
				'Item %s has the code %s, not %s: an item''s code never changes.', item.id, item.code, code));
		end if;
		revision := coalesce((select max(v.revision) from app.service_item_versions v where v.item_id = item.id), 0)
			+ 1;
		-- The new version becomes current, and publishing brings a withdrawn item back.
		update app.service_items i set current_version_id = version_id, withdrawn_at = null where i.id = item.id;
	end if;
	insert into app.service_item_versions (id, item_id, hall_id, revision, name_zh, name_en, scope, legal_days,
		promised_days, where_to_apply, online_url, fee, aliases, search_keys, situations, questions, materials,
		published_by, published_by_name, published_at)
	values (version_id, publishing.item_id, caller.hall_id, revision, content ->> 'name_zh', content ->> 'name_en',
		(content ->> 'scope')::app.service_scope, (content ->> 'legal_days')::numeric::int,
		(content ->> 'promised_days')::numeric::int, content ->> 'where_to_apply', content ->> 'online_url',
		content ->> 'fee', array(select jsonb_array_elements_text(content -> 'aliases')), content ->> 'search_keys',
		content -> 'situations', content -> 'questions', content -> 'materials', caller.id, caller.display_name,
		published_at);
end publishing;
$$;

create function app.op_service_item_withdraw(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<withdrawing>>
declare
	caller app.staff := app.require_staff();
	item_id uuid := app.uuid_field(payload, 'id');
	withdrawn_at timestamptz := app.timestamp_field(payload, 'withdrawn_at');
	item app.service_items;
begin
	perform app.require_catalog_manager(caller);
	perform app.next_version(caller.hall_id);
	select i.* into item from app.service_items i where i.id = item_id for update;
	if item.id is null then
		perform app.reject('not_found', format('Service item %s does not exist in your hall.', item_id));
	end if;
	if item.withdrawn_at is not null then
		return; -- withdrawn already: withdrawing twice is the same as once
	end if;
	update app.service_items i set withdrawn_at = withdrawing.withdrawn_at where i.id = item.id;
end withdrawing;
$$;

-- ─── Registration ─────────────────────────────────────────────────────────────────────────────────────────────

do $$
declare
	fn regprocedure;
begin
	for fn in
		select p.oid::regprocedure from pg_proc p
		where p.pronamespace = 'app'::regnamespace and p.proname in ('service_catalog_rules', 'catalog_limit',
			'is_plain_text', 'is_visible_text', 'is_catalog_key', 'is_item_code', 'is_catalog_url',
			'json_text_problem', 'json_key_problem', 'json_url_problem', 'json_int_problem', 'json_keys_problem',
			'json_array_problem', 'service_item_content_problem', 'require_catalog_manager',
			'op_service_item_publish', 'op_service_item_withdraw')
	loop
		execute format('grant execute on function %s to app_writer', fn);
	end loop;
end
$$;

select app.register_synced_table('service_catalog', 'service_items');
select app.register_synced_table('service_catalog', 'service_item_versions');

select app.register_op_type('service_catalog', 'service_item.publish', 'app.op_service_item_publish(jsonb)',
	required => array['id', 'item_id', 'code', 'name_zh', 'name_en', 'scope', 'legal_days', 'promised_days',
		'where_to_apply', 'online_url', 'fee', 'aliases', 'search_keys', 'situations', 'questions', 'materials',
		'published_at']);
select app.register_op_type('service_catalog', 'service_item.withdraw', 'app.op_service_item_withdraw(jsonb)',
	required => array['id', 'withdrawn_at']);
