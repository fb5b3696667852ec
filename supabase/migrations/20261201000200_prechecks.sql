-- Material pre-checks (材料预审) and their rounds: one applicant, one version of a service item, the first visit and
-- each return visit that checks the open points again (docs/PRECHECK.md). Columns, enums and limits mirror
-- src/lib/domain/precheck.ts; the schema agreement test keeps the two in step. Written only through
-- precheck.record and precheck.recheck, by any staff member of the hall. The applicant's name and phone live in
-- precheck_applicants, which only the pre-check's author and the hall's managers can read: sync_pull reads through
-- RLS as the caller, so those rows never reach another colleague's device.

-- ─── Rules ────────────────────────────────────────────────────────────────────────────────────────────────────

/** PRECHECK_RULES of the client. */
create function app.prechecks_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object(
		'applicantName', 50,
		'reasonText', 100,
		'brokenPromiseReason', 300,
		'publicLinkDays', 90,
		-- YYMMDD-<device code>-<the device's count that day>: 261130-K7-03.
		'noticeNoPattern', '^[0-9]{6}-[2-9A-HJ-NP-Z]{2,3}-[0-9]{2,4}$',
		'publicTokenPattern', '^[A-Za-z0-9_-]{22}$',
		'phonePattern', '^[0-9+() -]{3,20}$',
		-- Digits and capitals without 0, 1, I and O: nothing to mistake when read aloud.
		'deviceCodeAlphabet', '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
	)
$$;
comment on function app.prechecks_rules() is
	'Limits and patterns of pre-checks and notices; PRECHECK_RULES on the client.';

create function app.precheck_limit(rule text)
returns int
language sql
immutable
set search_path = ''
as $$
	select (app.prechecks_rules() ->> rule)::int
$$;

create function app.is_notice_no(value text)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select value ~ (app.prechecks_rules() ->> 'noticeNoPattern')
$$;

create function app.is_public_token(value text)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select value ~ (app.prechecks_rules() ->> 'publicTokenPattern')
$$;

create function app.is_phone(value text)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select value ~ (app.prechecks_rules() ->> 'phonePattern')
$$;

-- ─── Enums ────────────────────────────────────────────────────────────────────────────────────────────────────

create type app.mark_status as enum ('present', 'missing', 'unacceptable');
comment on type app.mark_status is '已提供, 缺少, 不符合要求.';
create type app.rejection_reason as enum (
	'expired', 'unsigned', 'unclear', 'wrong_version', 'incomplete', 'mismatch', 'other'
);
comment on type app.rejection_reason is '已过期, 未签字或未盖章, 复印件不清晰, 版本不符, 内容不完整, 信息不一致, 其他.';
create type app.precheck_status as enum ('complete', 'open');
create type app.round_result as enum ('complete', 'incomplete');
create type app.notice_language as enum ('zh', 'zh_en');

-- ─── Marks and answers ────────────────────────────────────────────────────────────────────────────────────────

/**
 * What is wrong with a round's marks, or null: the client's `marks` (src/lib/domain/precheck.ts), each a strict
 * {material_key, status, reason, reason_text} with its refinements, at most 40, one per material.
 */
create function app.marks_problem(marks jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
	entry jsonb;
	position int;
	path text;
	problem text;
begin
	problem := app.json_array_problem(marks, 'marks', 0, 40);
	if problem is not null then
		return problem;
	end if;
	for entry, position in select value, ordinality from jsonb_array_elements(marks) with ordinality loop
		path := format('marks[%s]', position - 1);
		problem := coalesce(
			app.json_keys_problem(entry, path, array['material_key', 'status', 'reason', 'reason_text']),
			app.json_key_problem(entry -> 'material_key', path || '.material_key'),
			case when jsonb_typeof(entry -> 'status') = 'string'
					and (entry ->> 'status') = any (enum_range(null::app.mark_status)::text[]) then null
				else format('%s.status must be present, missing or unacceptable.', path) end,
			case when jsonb_typeof(entry -> 'reason') = 'null' or (jsonb_typeof(entry -> 'reason') = 'string'
					and (entry ->> 'reason') = any (enum_range(null::app.rejection_reason)::text[])) then null
				else format('%s.reason must be one of %s.', path,
					array_to_string(enum_range(null::app.rejection_reason), ', ')) end,
			app.json_text_problem(entry -> 'reason_text', path || '.reason_text', app.precheck_limit('reasonText'),
				false, true));
		if problem is not null then
			return problem;
		end if;
		if (entry ->> 'status' = 'unacceptable') <> (jsonb_typeof(entry -> 'reason') <> 'null') then
			return format('%s.reason is needed exactly when the material is not acceptable.', path);
		end if;
		if entry ->> 'reason' = 'other' and coalesce(entry ->> 'reason_text', '') !~ '[^ \t\r\n]' then
			return format('%s.reason_text must say why, with the reason "other".', path);
		end if;
	end loop;
	if (select count(*) <> count(distinct value ->> 'material_key') from jsonb_array_elements(marks)) then
		return 'marks must name each material once.';
	end if;
	return null;
end;
$$;

/** Answers to a version's yes/no questions: an object of question keys to true or false. */
create function app.answers_problem(answers jsonb)
returns text
language sql
immutable
set search_path = ''
as $$
	select case
		when jsonb_typeof(answers) is distinct from 'object' then 'answers must be an object of question keys.'
		when exists (select 1 from jsonb_each(answers) a where not app.is_catalog_key(a.key))
			then 'answers must be keyed by question keys.'
		when exists (select 1 from jsonb_each(answers) a where jsonb_typeof(a.value) <> 'boolean')
			then 'answers must be true or false.'
	end
$$;

create function app.are_catalog_keys(keys text[])
returns boolean
language sql
immutable
set search_path = ''
as $$
	select coalesce(bool_and(app.is_catalog_key(k)), true) from unnest(keys) k
$$;

/**
 * The gaps among marks: the keys of materials marked missing or not acceptable that are not optional (an optional
 * material never makes a gap). `materials` is the version's list.
 */
create function app.gap_keys(marks jsonb, materials jsonb)
returns text[]
language sql
immutable
set search_path = ''
as $$
	select coalesce(array_agg(m.value ->> 'material_key' order by m.ordinality), '{}')
	from jsonb_array_elements(marks) with ordinality m
	where m.value ->> 'status' <> 'present'
		and exists (select 1 from jsonb_array_elements(materials) x
			where x.value ->> 'key' = m.value ->> 'material_key' and x.value ->> 'requirement' <> 'optional')
$$;

-- ─── Tables ───────────────────────────────────────────────────────────────────────────────────────────────────

create table app.prechecks (
	id uuid primary key,
	hall_id uuid not null references app.halls (id),
	item_id uuid not null,
	item_version_id uuid not null,
	record_id uuid,
	situation_key text constraint prechecks_situation_key_format check (app.is_catalog_key(situation_key)),
	answers jsonb not null constraint prechecks_answers_shape check (app.answers_problem(answers) is null),
	language app.notice_language not null,
	status app.precheck_status not null,
	notice_no text constraint prechecks_notice_no_format check (app.is_notice_no(notice_no)),
	public_token text constraint prechecks_public_token_format check (app.is_public_token(public_token)),
	staff_id uuid not null references app.staff (id),
	-- Denormalized: the name and post printed on the notice, as they were.
	staff_name text not null,
	staff_post text not null,
	created_at timestamptz not null,
	completed_at timestamptz,
	version bigint not null,
	foreign key (item_id, hall_id) references app.service_items (id, hall_id),
	foreign key (item_version_id, item_id) references app.service_item_versions (id, item_id),
	foreign key (record_id, hall_id) references app.service_records (id, hall_id),
	unique (id, hall_id),
	constraint prechecks_notice_with_token check ((notice_no is null) = (public_token is null)),
	constraint prechecks_completed_when_complete check ((status = 'complete') = (completed_at is not null))
);
comment on table app.prechecks is
	'材料预审: one applicant''s materials checked against one version of a service item, and its notice number.';
comment on column app.prechecks.public_token is
	'The secret of the applicant''s link (/n/<token>, public.notice_view): 128 random bits, base64url.';

-- The last guards of the numbering: a notice number once in a hall, a token once anywhere.
create unique index prechecks_one_notice_no_per_hall on app.prechecks (hall_id, notice_no) where notice_no is not null;
create unique index prechecks_one_public_token on app.prechecks (public_token) where public_token is not null;
create index prechecks_hall_version_id_idx on app.prechecks (hall_id, version, id);
create index prechecks_record_id_idx on app.prechecks (record_id) where record_id is not null;

create table app.precheck_rounds (
	id uuid primary key,
	precheck_id uuid not null,
	hall_id uuid not null,
	round_no int not null constraint precheck_rounds_round_no_positive check (round_no >= 1),
	marks jsonb not null constraint precheck_rounds_marks_shape check (app.marks_problem(marks) is null),
	result app.round_result not null,
	new_gap_keys text[] not null constraint precheck_rounds_new_gap_keys_format
		check (app.are_catalog_keys(new_gap_keys)),
	broken_promise_reason text constraint precheck_rounds_broken_promise_reason_text
		check (broken_promise_reason is null
			or app.is_plain_text(broken_promise_reason, app.precheck_limit('brokenPromiseReason'))),
	promise_staff_id uuid references app.staff (id),
	staff_id uuid not null references app.staff (id),
	staff_name text not null,
	checked_at timestamptz not null,
	version bigint not null,
	foreign key (precheck_id, hall_id) references app.prechecks (id, hall_id),
	constraint precheck_rounds_one_per_number unique (precheck_id, round_no),
	-- A broken promise names whose notice it broke.
	constraint precheck_rounds_promise_with_new_gaps
		check ((cardinality(new_gap_keys) > 0) = (promise_staff_id is not null))
);
comment on table app.precheck_rounds is
	'One visit''s check of a pre-check: the first (round 1) or a return visit. new_gap_keys: broken promises.';

create index precheck_rounds_hall_version_id_idx on app.precheck_rounds (hall_id, version, id);
create index precheck_rounds_promise_staff_idx on app.precheck_rounds (hall_id, promise_staff_id)
	where promise_staff_id is not null;

create table app.precheck_applicants (
	-- The pre-check's id: one applicant per pre-check.
	id uuid primary key,
	hall_id uuid not null,
	-- The pre-check's author, who (with the hall's managers) alone may read the row.
	staff_id uuid not null references app.staff (id),
	name text constraint precheck_applicants_name_text
		check (name is null or app.is_plain_text(name, app.precheck_limit('applicantName'))),
	phone text constraint precheck_applicants_phone_format check (app.is_phone(phone)),
	version bigint not null,
	foreign key (id, hall_id) references app.prechecks (id, hall_id)
);
comment on table app.precheck_applicants is
	'Personal data: the applicant''s name and phone, optional. Readable by the pre-check''s author and the hall''s '
	'managers only.';

create index precheck_applicants_hall_version_id_idx on app.precheck_applicants (hall_id, version, id);

create trigger prechecks_stamp_version
	before insert or update on app.prechecks
	for each row execute function app.stamp_version();
create trigger precheck_rounds_stamp_version
	before insert or update on app.precheck_rounds
	for each row execute function app.stamp_version();
create trigger precheck_applicants_stamp_version
	before insert or update on app.precheck_applicants
	for each row execute function app.stamp_version();

alter table app.prechecks enable row level security;
alter table app.precheck_rounds enable row level security;
alter table app.precheck_applicants enable row level security;
-- No DELETE: a pre-check and its notice are the hall's record of what the applicant was told.
grant select on app.prechecks, app.precheck_rounds, app.precheck_applicants to authenticated;
grant select, insert, update on app.prechecks, app.precheck_rounds, app.precheck_applicants to app_writer;

create policy "Staff can read their own hall's pre-checks"
	on app.prechecks for select to authenticated, app_writer
	using (hall_id = (select app.current_hall_id()));
create policy "Pre-checks are recorded in the caller's own hall"
	on app.prechecks for insert to app_writer
	with check (hall_id = (select app.current_hall_id()));
create policy "Pre-checks change within the caller's own hall"
	on app.prechecks for update to app_writer
	using (hall_id = (select app.current_hall_id()))
	with check (hall_id = (select app.current_hall_id()));

create policy "Staff can read their own hall's pre-check rounds"
	on app.precheck_rounds for select to authenticated, app_writer
	using (hall_id = (select app.current_hall_id()));
create policy "Pre-check rounds are recorded in the caller's own hall"
	on app.precheck_rounds for insert to app_writer
	with check (hall_id = (select app.current_hall_id()));
create policy "Pre-check rounds stay in the caller's own hall"
	on app.precheck_rounds for update to app_writer
	using (hall_id = (select app.current_hall_id()))
	with check (hall_id = (select app.current_hall_id()));

/** True when the caller may see an applicant row: its pre-check's author, or a manager of its hall. */
create function app.may_read_applicant(hall uuid, author uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
	select coalesce(hall = (select app.current_hall_id())
		and (author = (select (app.current_staff()).id) or (select (app.current_staff()).post) = 'manager'), false)
$$;

create policy "The author and the hall's managers can read a pre-check's applicant"
	on app.precheck_applicants for select to authenticated, app_writer
	using (app.may_read_applicant(hall_id, staff_id));
create policy "Applicants are recorded by the pre-check's author in the caller's own hall"
	on app.precheck_applicants for insert to app_writer
	with check (hall_id = (select app.current_hall_id()) and staff_id = (select (app.current_staff()).id));
create policy "Applicants change only for their author and the hall's managers"
	on app.precheck_applicants for update to app_writer
	using (app.may_read_applicant(hall_id, staff_id))
	with check (app.may_read_applicant(hall_id, staff_id));

-- ─── Ops ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** A text field that may be JSON null, read as app.text_field does; checked as plain (or visible) text. */
create function app.checked_text_field(payload jsonb, field text, max_length int, visible boolean)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
	problem text := app.json_text_problem(payload -> field, field, max_length, visible, true);
begin
	if problem is not null then
		perform app.reject('validation', problem);
	end if;
	return payload ->> field;
end;
$$;

/** A field read against a pattern rule (the value null when the field is JSON null and `nullable`). */
create function app.pattern_field(payload jsonb, field text, pattern text, describe text, nullable boolean)
returns text
language plpgsql
stable
set search_path = ''
as $$
begin
	if jsonb_typeof(payload -> field) = 'null' and nullable then
		return null;
	end if;
	if jsonb_typeof(payload -> field) is distinct from 'string' or (payload ->> field) !~ pattern then
		perform app.reject('validation', format('%s must be %s.', field, describe));
	end if;
	return payload ->> field;
end;
$$;

/** The marks of a round as sent: shape checked, or the op rejected naming what is wrong. */
create function app.marks_field(payload jsonb)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
	problem text := app.marks_problem(payload -> 'marks');
begin
	if problem is not null then
		perform app.reject('validation', problem);
	end if;
	return payload -> 'marks';
end;
$$;

/** Marks naming materials the version does not have: a conflict with the version the pre-check names. */
create function app.check_marks_name_materials(marks jsonb, materials jsonb)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
	unknown text := (select string_agg(m.value ->> 'material_key', ', ')
		from jsonb_array_elements(marks) m
		where not exists (select 1 from jsonb_array_elements(materials) x
			where x.value ->> 'key' = m.value ->> 'material_key'));
begin
	if unknown is not null then
		perform app.reject('conflict', format(
			'The item version has no material %s; mark only the materials of the version the pre-check uses.',
			unknown));
	end if;
end;
$$;

create function app.op_precheck_record(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<recording>>
declare
	caller app.staff := app.require_staff();
	precheck_id uuid := app.uuid_field(payload, 'id');
	round_id uuid := app.uuid_field(payload, 'round_id');
	item_version_id uuid := app.uuid_field(payload, 'item_version_id');
	record_id uuid := case when jsonb_typeof(payload -> 'record_id') = 'null' then null
		else app.uuid_field(payload, 'record_id') end;
	situation_key text := app.pattern_field(payload, 'situation_key', app.service_catalog_rules() ->> 'keyPattern',
		'a situation key', true);
	answers jsonb := payload -> 'answers';
	chosen_language app.notice_language := app.enum_field(payload, 'language', null::app.notice_language, false);
	marks jsonb := app.marks_field(payload);
	notice_no text := app.pattern_field(payload, 'notice_no', app.prechecks_rules() ->> 'noticeNoPattern',
		'a notice number such as 261130-K7-03', true);
	public_token text := app.pattern_field(payload, 'public_token', app.prechecks_rules() ->> 'publicTokenPattern',
		'a link token of 22 characters (A-Z, a-z, 0-9, _ and -)', true);
	applicant_name text := app.checked_text_field(payload, 'applicant_name', app.precheck_limit('applicantName'),
		true);
	applicant_phone text := app.pattern_field(payload, 'applicant_phone', app.prechecks_rules() ->> 'phonePattern',
		'a phone number (digits, +, -, spaces and brackets, 3 to 20)', true);
	checked_at timestamptz := app.timestamp_field(payload, 'checked_at');
	problem text := app.answers_problem(payload -> 'answers');
	item_version app.service_item_versions;
	source_record app.service_records;
	gaps text[];
begin
	if problem is not null then
		perform app.reject('validation', problem);
	end if;
	if (notice_no is null) <> (public_token is null) then
		perform app.reject('validation', 'A notice number and its link token come together, or neither.');
	end if;
	-- The hall's write lock, before reading what decides: two pre-checks cannot both take one notice number.
	perform app.next_version(caller.hall_id);

	if exists (select 1 from app.prechecks p where p.id = precheck_id) then
		return; -- the same pre-check recorded again (re-sent under a new op id): it is stored
	end if;
	select v.* into item_version from app.service_item_versions v
	where v.id = recording.item_version_id and v.hall_id = caller.hall_id;
	if item_version.id is null then
		perform app.reject('not_found', format('Service item version %s does not exist in your hall.',
			item_version_id));
	end if;
	if situation_key is not null and not exists (
		select 1 from jsonb_array_elements(item_version.situations) s where s.value ->> 'key' = situation_key
	) then
		perform app.reject('conflict', format('The item version has no situation %s.', situation_key));
	end if;
	if exists (select 1 from jsonb_object_keys(answers) k where not exists (
		select 1 from jsonb_array_elements(item_version.questions) q where q.value ->> 'key' = k
	)) then
		perform app.reject('conflict', 'The answers name a question the item version does not have.');
	end if;
	perform app.check_marks_name_materials(marks, item_version.materials);

	-- The server decides the result: a gap is a non-present mark of a material that is not optional.
	gaps := app.gap_keys(marks, item_version.materials);
	if cardinality(gaps) > 0 and notice_no is null then
		perform app.reject('conflict', format(
			'Materials are missing (%s): an incomplete pre-check needs its notice number and link token.',
			array_to_string(gaps, ', ')));
	end if;
	if cardinality(gaps) = 0 and notice_no is not null then
		perform app.reject('conflict', format(
			'Nothing required is missing, so the pre-check is complete and takes no notice number (%s).', notice_no));
	end if;
	if notice_no is not null and exists (
		select 1 from app.prechecks p where p.hall_id = caller.hall_id and p.notice_no = recording.notice_no
	) then
		perform app.reject('conflict', format(
			'The notice number %s is already used by another pre-check of this hall; a notice number is never reused.',
			notice_no));
	end if;
	if public_token is not null and app.public_token_taken(public_token) then
		perform app.reject('conflict', 'The link token is already used by another notice; make a new one.');
	end if;

	if record_id is not null then
		-- The live record the pre-check was started from (a merged record's survivor), in the caller's hall.
		source_record := app.service_record_survivor(record_id);
		if source_record.id is null then
			perform app.reject('not_found', format('Service record %s does not exist in your hall.', record_id));
		end if;
	end if;

	insert into app.prechecks (id, hall_id, item_id, item_version_id, record_id, situation_key, answers, language,
		status, notice_no, public_token, staff_id, staff_name, staff_post, created_at, completed_at)
	values (precheck_id, caller.hall_id, item_version.item_id, item_version.id, source_record.id, situation_key,
		answers, chosen_language, case when cardinality(gaps) > 0 then 'open' else 'complete' end::app.precheck_status,
		notice_no, public_token, caller.id, caller.display_name, caller.post::text, checked_at,
		case when cardinality(gaps) > 0 then null else checked_at end);
	insert into app.precheck_rounds (id, precheck_id, hall_id, round_no, marks, result, new_gap_keys,
		broken_promise_reason, promise_staff_id, staff_id, staff_name, checked_at)
	values (round_id, precheck_id, caller.hall_id, 1, marks,
		case when cardinality(gaps) > 0 then 'incomplete' else 'complete' end::app.round_result, '{}', null, null,
		caller.id, caller.display_name, checked_at);
	-- Personal data only when given.
	if applicant_name is not null or applicant_phone is not null then
		insert into app.precheck_applicants (id, hall_id, staff_id, name, phone)
		values (precheck_id, caller.hall_id, caller.id, applicant_name, applicant_phone);
	end if;
end recording;
$$;

/**
 * Whether a link token is taken by any notice, in any hall: tokens are unique across halls (the applicant's page
 * finds a notice by its token alone), which the caller's RLS view cannot tell. Answers only yes or no.
 */
create function app.public_token_taken(token text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (select 1 from app.prechecks p where p.public_token = token)
$$;

create function app.op_precheck_recheck(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<rechecking>>
declare
	caller app.staff := app.require_staff();
	round_id uuid := app.uuid_field(payload, 'id');
	precheck_id uuid := app.uuid_field(payload, 'precheck_id');
	marks jsonb := app.marks_field(payload);
	new_gap_keys text[];
	broken_promise_reason text := app.checked_text_field(payload, 'broken_promise_reason',
		app.precheck_limit('brokenPromiseReason'), false);
	checked_at timestamptz := app.timestamp_field(payload, 'checked_at');
	precheck app.prechecks;
	materials jsonb;
	last_round app.precheck_rounds;
	open_points text[];
	marked text[];
	gaps text[];
	wrong text;
begin
	if app.json_array_problem(payload -> 'new_gap_keys', 'new_gap_keys', 0, 40) is not null
			or exists (select 1 from jsonb_array_elements(payload -> 'new_gap_keys') k
				where app.json_key_problem(k.value, 'new_gap_keys') is not null) then
		perform app.reject('validation', 'new_gap_keys must be a list of at most 40 material keys.');
	end if;
	new_gap_keys := array(select jsonb_array_elements_text(payload -> 'new_gap_keys'));
	if (cardinality(new_gap_keys) > 0) <> coalesce(broken_promise_reason ~ '[^ \t\r\n]', false) then
		perform app.reject('validation',
			'A gap the notice did not name (a broken promise) needs its reason, and a reason needs such a gap.');
	end if;
	marked := array(select m.value ->> 'material_key' from jsonb_array_elements(marks) m);
	if not new_gap_keys <@ marked then
		perform app.reject('validation', 'Every new gap must be marked.');
	end if;
	perform app.next_version(caller.hall_id);

	if exists (select 1 from app.precheck_rounds r where r.id = round_id) then
		return; -- the same return visit recorded again (re-sent under a new op id): it is stored
	end if;
	select p.* into precheck from app.prechecks p where p.id = rechecking.precheck_id for update;
	if precheck.id is null then
		perform app.reject('not_found', format('Pre-check %s does not exist in your hall.', precheck_id));
	end if;
	if precheck.status = 'complete' then
		perform app.reject('conflict', 'This pre-check is already complete: there is nothing left to check again.');
	end if;
	select v.materials into materials from app.service_item_versions v where v.id = precheck.item_version_id;
	select r.* into last_round from app.precheck_rounds r
	where r.precheck_id = precheck.id order by r.round_no desc limit 1;
	-- The open points: the last round's gaps. A return visit marks those, and any new gap it names.
	open_points := app.gap_keys(last_round.marks, materials);
	perform app.check_marks_name_materials(marks, materials);
	wrong := (select string_agg(k, ', ') from unnest(new_gap_keys) k where k = any (open_points));
	if wrong is not null then
		perform app.reject('conflict', format('%s is an open point of the notice, not a new gap.', wrong));
	end if;
	wrong := (select string_agg(k, ', ') from unnest(new_gap_keys) k
		where not k = any (app.gap_keys(marks, materials)));
	if wrong is not null then
		perform app.reject('conflict', format(
			'A new gap must be a material (not optional) marked missing or not acceptable: %s is not.', wrong));
	end if;
	wrong := (select string_agg(k, ', ') from unnest(marked) k
		where not (k = any (open_points) or k = any (new_gap_keys)));
	if wrong is not null then
		perform app.reject('conflict', format(
			'A return visit marks the notice''s open points; %s is not one (name it a new gap, with a reason).',
			wrong));
	end if;
	wrong := (select string_agg(k, ', ') from unnest(open_points) k where not k = any (marked));
	if wrong is not null then
		perform app.reject('conflict', format('The open point %s is not marked.', wrong));
	end if;

	gaps := app.gap_keys(marks, materials);
	insert into app.precheck_rounds (id, precheck_id, hall_id, round_no, marks, result, new_gap_keys,
		broken_promise_reason, promise_staff_id, staff_id, staff_name, checked_at)
	values (round_id, precheck.id, precheck.hall_id, last_round.round_no + 1, marks,
		case when cardinality(gaps) > 0 then 'incomplete' else 'complete' end::app.round_result, new_gap_keys,
		case when cardinality(new_gap_keys) > 0 then broken_promise_reason end,
		-- The broken promise is the notice author's: counted per hall, item and staff member.
		case when cardinality(new_gap_keys) > 0 then precheck.staff_id end,
		caller.id, caller.display_name, checked_at);
	if cardinality(gaps) = 0 then
		-- Complete: the applicant's link stops working.
		update app.prechecks p set status = 'complete', completed_at = rechecking.checked_at where p.id = precheck.id;
	end if;
end rechecking;
$$;

-- ─── Merges ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A service record merged into another (the same ticket opened on two devices, docs/SYNC.md) takes its pre-checks
 * along, as it takes its events: the survivor's page shows them.
 */
create function app.move_prechecks_to_survivor()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	update app.prechecks p set record_id = new.merged_into where p.record_id = new.id;
	return new;
end;
$$;

create trigger service_records_merge_moves_prechecks
	after update of merged_into on app.service_records
	for each row when (new.merged_into is not null and old.merged_into is distinct from new.merged_into)
	execute function app.move_prechecks_to_survivor();

-- ─── Registration ─────────────────────────────────────────────────────────────────────────────────────────────

do $$
declare
	fn regprocedure;
begin
	for fn in
		select p.oid::regprocedure from pg_proc p
		where p.pronamespace = 'app'::regnamespace and p.proname in ('prechecks_rules', 'precheck_limit',
			'is_notice_no', 'is_public_token', 'is_phone', 'marks_problem', 'answers_problem', 'are_catalog_keys',
			'gap_keys', 'checked_text_field', 'pattern_field', 'marks_field', 'check_marks_name_materials',
			'op_precheck_record', 'op_precheck_recheck', 'public_token_taken')
	loop
		execute format('grant execute on function %s to app_writer', fn);
	end loop;
end
$$;
-- The applicants' read policy runs for signed-in callers too (sync_pull reads as the caller).
grant execute on function app.may_read_applicant(uuid, uuid) to authenticated, app_writer;

select app.register_synced_table('prechecks', 'prechecks');
select app.register_synced_table('prechecks', 'precheck_rounds');
select app.register_synced_table('prechecks', 'precheck_applicants');

select app.register_op_type('prechecks', 'precheck.record', 'app.op_precheck_record(jsonb)',
	required => array['id', 'round_id', 'item_version_id', 'record_id', 'situation_key', 'answers', 'language',
		'marks', 'notice_no', 'public_token', 'applicant_name', 'applicant_phone', 'checked_at']);
select app.register_op_type('prechecks', 'precheck.recheck', 'app.op_precheck_recheck(jsonb)',
	required => array['id', 'precheck_id', 'marks', 'new_gap_keys', 'broken_promise_reason', 'checked_at']);
