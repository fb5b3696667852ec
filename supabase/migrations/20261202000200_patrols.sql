-- Daily hall patrols (每日巡查, docs/PATROL.md): a hall's checkpoints and their checklists, its plan of rounds per
-- day (time windows, grace, minimum scan interval), and the rounds staff walk with one check per checkpoint.
-- Columns, enums and limits mirror src/lib/domain/patrol.ts; the schema agreement test keeps the two in step.
-- Managers write checkpoints and the plan (checkpoint.save / retire, patrol_plan.save); any staff member of the
-- hall walks rounds (patrol_round.start / check / finish, the round's author only). The server stores facts;
-- whether a round was late, incomplete or too fast is derived on the device (src/lib/domain/patrol-evaluation.ts).

-- ─── Rules ────────────────────────────────────────────────────────────────────────────────────────────────────

/** PATROL_RULES of the client. */
create function app.patrols_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object(
		'name', 60,
		'instruction', 100,
		'items', 20,
		'itemLabel', 60,
		'position', 999,
		'windows', 8,
		'windowLabel', 30,
		'graceMinutes', 120,
		'minScanIntervalSeconds', 600,
		'note', 300,
		'listReason', 200,
		'comment', 500,
		'keyPattern', '^[a-z0-9][a-z0-9_-]{0,31}$',
		'clockPattern', '^([01][0-9]|2[0-3]):[0-5][0-9]$'
	)
$$;
comment on function app.patrols_rules() is 'Limits and patterns of patrols; PATROL_RULES on the client.';

create function app.patrol_limit(rule text)
returns int
language sql
immutable
set search_path = ''
as $$
	select (app.patrols_rules() ->> rule)::int
$$;

create function app.json_patrol_key_problem(value jsonb, path text)
returns text
language sql
immutable
set search_path = ''
as $$
	select case when jsonb_typeof(value) = 'string' and (value #>> '{}') ~ (app.patrols_rules() ->> 'keyPattern')
		then null
		else format('%s must be a key: lower-case letters, digits, _ and -, at most 32.', path) end
$$;

create function app.json_clock_problem(value jsonb, path text)
returns text
language sql
immutable
set search_path = ''
as $$
	select case when jsonb_typeof(value) = 'string' and (value #>> '{}') ~ (app.patrols_rules() ->> 'clockPattern')
		then null
		else format('%s must be a time of day as HH:MM.', path) end
$$;

-- ─── Checklists, windows and results (jsonb, checked as the client's schemas check them) ──────────────────────

/** The client's checkItems: 1–20 strict {key, label_zh, label_en}, keys distinct. */
create function app.check_items_problem(items jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
	entry jsonb;
	position int;
	path text;
	problem text := app.json_array_problem(items, 'items', 1, app.patrol_limit('items'));
begin
	if problem is not null then
		return problem;
	end if;
	for entry, position in select value, ordinality from jsonb_array_elements(items) with ordinality loop
		path := format('items[%s]', position - 1);
		problem := coalesce(
			app.json_keys_problem(entry, path, array['key', 'label_zh', 'label_en']),
			app.json_patrol_key_problem(entry -> 'key', path || '.key'),
			app.json_text_problem(entry -> 'label_zh', path || '.label_zh', app.patrol_limit('itemLabel'), true, false),
			app.json_text_problem(entry -> 'label_en', path || '.label_en', app.patrol_limit('itemLabel'), false,
				false));
		if problem is not null then
			return problem;
		end if;
	end loop;
	if (select count(*) <> count(distinct value ->> 'key') from jsonb_array_elements(items)) then
		return 'items must have different keys.';
	end if;
	return null;
end;
$$;

/** The client's patrolWindows: 0–8 strict windows, start before end, keys distinct, none overlapping. */
create function app.patrol_windows_problem(windows jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
	entry jsonb;
	position int;
	path text;
	problem text := app.json_array_problem(windows, 'windows', 0, app.patrol_limit('windows'));
begin
	if problem is not null then
		return problem;
	end if;
	for entry, position in select value, ordinality from jsonb_array_elements(windows) with ordinality loop
		path := format('windows[%s]', position - 1);
		problem := coalesce(
			app.json_keys_problem(entry, path, array['key', 'label_zh', 'label_en', 'start', 'end']),
			app.json_patrol_key_problem(entry -> 'key', path || '.key'),
			app.json_text_problem(entry -> 'label_zh', path || '.label_zh', app.patrol_limit('windowLabel'), true,
				false),
			app.json_text_problem(entry -> 'label_en', path || '.label_en', app.patrol_limit('windowLabel'), false,
				false),
			app.json_clock_problem(entry -> 'start', path || '.start'),
			app.json_clock_problem(entry -> 'end', path || '.end'));
		if problem is not null then
			return problem;
		end if;
		-- HH:MM compares as text, on both sides ("C" collation: byte order, as JavaScript compares these digits).
		if (entry ->> 'start') collate "C" >= (entry ->> 'end') collate "C" then
			return format('%s must start before it ends.', path);
		end if;
	end loop;
	if (select count(*) <> count(distinct value ->> 'key') from jsonb_array_elements(windows)) then
		return 'windows must have different keys.';
	end if;
	if exists (
		select 1 from jsonb_array_elements(windows) with ordinality a (w, i)
		join jsonb_array_elements(windows) with ordinality b (w, j) on a.i < b.j
		where (a.w ->> 'start') collate "C" < (b.w ->> 'end') collate "C"
			and (b.w ->> 'start') collate "C" < (a.w ->> 'end') collate "C"
	) then
		return 'windows must not overlap.';
	end if;
	return null;
end;
$$;

/** The client's checkResults: 1–20 strict {item_key, status, note}, one per item. */
create function app.check_results_problem(results jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
	entry jsonb;
	position int;
	path text;
	problem text := app.json_array_problem(results, 'results', 1, app.patrol_limit('items'));
begin
	if problem is not null then
		return problem;
	end if;
	for entry, position in select value, ordinality from jsonb_array_elements(results) with ordinality loop
		path := format('results[%s]', position - 1);
		problem := coalesce(
			app.json_keys_problem(entry, path, array['item_key', 'status', 'note']),
			app.json_patrol_key_problem(entry -> 'item_key', path || '.item_key'),
			case when jsonb_typeof(entry -> 'status') = 'string' and (entry ->> 'status') in ('ok', 'problem')
				then null else format('%s.status must be ok or problem.', path) end,
			app.json_text_problem(entry -> 'note', path || '.note', app.patrol_limit('note'), false, true));
		if problem is not null then
			return problem;
		end if;
	end loop;
	if (select count(*) <> count(distinct value ->> 'item_key') from jsonb_array_elements(results)) then
		return 'results must name each item once.';
	end if;
	return null;
end;
$$;

-- ─── Tables ───────────────────────────────────────────────────────────────────────────────────────────────────

create type app.patrol_identified_by as enum ('scan', 'list');
comment on type app.patrol_identified_by is '扫码, 从列表选择 (the poster was damaged or missing).';

create table app.checkpoints (
	id uuid primary key,
	hall_id uuid not null references app.halls (id),
	name_zh text not null constraint checkpoints_name_zh_text check (app.is_visible_text(name_zh, 60)),
	name_en text not null constraint checkpoints_name_en_text check (app.is_plain_text(name_en, 60)),
	position int not null constraint checkpoints_position_range check (position between 1 and 999),
	instruction_zh text constraint checkpoints_instruction_text
		check (instruction_zh is null or app.is_plain_text(instruction_zh, 100)),
	items jsonb not null constraint checkpoints_items_shape check (app.check_items_problem(items) is null),
	retired_at timestamptz,
	is_demo boolean not null default false,
	version bigint not null,
	unique (id, hall_id)
);
comment on table app.checkpoints is
	'巡查点: a place of the hall a patrol round visits, its poster''s QR and its checklist. Retired, never deleted.';
comment on column app.checkpoints.is_demo is 'Seeded demonstration data, not a hall''s real checkpoint.';

create table app.patrol_plans (
	id uuid primary key,
	hall_id uuid not null references app.halls (id),
	windows jsonb not null constraint patrol_plans_windows_shape check (app.patrol_windows_problem(windows) is null),
	grace_minutes int not null constraint patrol_plans_grace_range check (grace_minutes between 0 and 120),
	min_scan_interval_seconds int not null
		constraint patrol_plans_interval_range check (min_scan_interval_seconds between 0 and 600),
	is_demo boolean not null default false,
	version bigint not null,
	constraint patrol_plans_one_per_hall unique (hall_id)
);
comment on table app.patrol_plans is
	'The hall''s expected patrol rounds per day (time windows), their grace period and the minimum scan interval.';

create table app.patrol_rounds (
	id uuid primary key,
	hall_id uuid not null references app.halls (id),
	staff_id uuid not null references app.staff (id),
	-- Denormalized: the name as it was, readable after the person moved to another hall.
	staff_name text not null,
	-- The hall date of started_at (UTC+8, as src/lib/domain/hall-time.ts reads it).
	day date not null,
	window_key text constraint patrol_rounds_window_key_format
		check (window_key ~ (app.patrols_rules() ->> 'keyPattern')),
	started_at timestamptz not null,
	finished_at timestamptz,
	comment text constraint patrol_rounds_comment_text check (comment is null or app.is_plain_text(comment, 500)),
	version bigint not null,
	unique (id, hall_id)
);
comment on table app.patrol_rounds is
	'One patrol round: a window''s (window_key) or an extra one (null), its author, start and finish.';

create table app.patrol_checks (
	id uuid primary key,
	round_id uuid not null,
	hall_id uuid not null,
	checkpoint_id uuid not null,
	identified_by app.patrol_identified_by not null,
	list_reason text constraint patrol_checks_list_reason_text
		check (list_reason is null or app.is_plain_text(list_reason, 200)),
	checked_at timestamptz not null,
	results jsonb not null constraint patrol_checks_results_shape check (app.check_results_problem(results) is null),
	same_as_last boolean not null,
	version bigint not null,
	foreign key (round_id, hall_id) references app.patrol_rounds (id, hall_id),
	foreign key (checkpoint_id, hall_id) references app.checkpoints (id, hall_id),
	-- One check per checkpoint and round: checking again replaces it.
	constraint patrol_checks_one_per_checkpoint unique (round_id, checkpoint_id),
	constraint patrol_checks_list_needs_reason
		check ((identified_by = 'list') = coalesce(list_reason ~ '[^ \t\r\n]', false))
);
comment on table app.patrol_checks is
	'One checkpoint visited in a round: when, how it was identified (scan or list, with the reason), each item''s result.';

create index checkpoints_hall_version_id_idx on app.checkpoints (hall_id, version, id);
create index patrol_plans_hall_version_id_idx on app.patrol_plans (hall_id, version, id);
create index patrol_rounds_hall_version_id_idx on app.patrol_rounds (hall_id, version, id);
create index patrol_checks_hall_version_id_idx on app.patrol_checks (hall_id, version, id);

create trigger checkpoints_stamp_version
	before insert or update on app.checkpoints
	for each row execute function app.stamp_version();
create trigger patrol_plans_stamp_version
	before insert or update on app.patrol_plans
	for each row execute function app.stamp_version();
create trigger patrol_rounds_stamp_version
	before insert or update on app.patrol_rounds
	for each row execute function app.stamp_version();
create trigger patrol_checks_stamp_version
	before insert or update on app.patrol_checks
	for each row execute function app.stamp_version();

alter table app.checkpoints enable row level security;
alter table app.patrol_plans enable row level security;
alter table app.patrol_rounds enable row level security;
alter table app.patrol_checks enable row level security;
-- No DELETE: checkpoints retire, rounds and checks are the hall's record. The policies hold writes to the caller's
-- hall; who may write what (managers, a round's author) is the op functions' rule.
grant select on app.checkpoints, app.patrol_plans, app.patrol_rounds, app.patrol_checks to authenticated;
grant select, insert, update on app.checkpoints, app.patrol_plans, app.patrol_rounds, app.patrol_checks
	to app_writer;

do $$
declare
	patrol_table text;
begin
	foreach patrol_table in array array['checkpoints', 'patrol_plans', 'patrol_rounds', 'patrol_checks'] loop
		execute format($policy$create policy "Staff can read their own hall's %1$s"
			on app.%1$I for select to authenticated, app_writer
			using (hall_id = (select app.current_hall_id()))$policy$, patrol_table);
		execute format($policy$create policy "%1$s are written in the caller's own hall"
			on app.%1$I for insert to app_writer
			with check (hall_id = (select app.current_hall_id()))$policy$, patrol_table);
		execute format($policy$create policy "%1$s change within the caller's own hall"
			on app.%1$I for update to app_writer
			using (hall_id = (select app.current_hall_id()))
			with check (hall_id = (select app.current_hall_id()))$policy$, patrol_table);
	end loop;
end
$$;

-- ─── Ops ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The hall of a patrol row of any hall (null: no such row). An id the caller's RLS cannot see may still be taken
 * by another hall's row; the op then answers not_found instead of failing on the primary key. Says only which hall.
 */
create function app.patrol_row_hall(kind text, row_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
	select case kind
		when 'checkpoint' then (select c.hall_id from app.checkpoints c where c.id = row_id)
		when 'plan' then (select p.hall_id from app.patrol_plans p where p.id = row_id)
		when 'round' then (select r.hall_id from app.patrol_rounds r where r.id = row_id)
		when 'check' then (select c.hall_id from app.patrol_checks c where c.id = row_id)
	end
$$;

/** Refuses an id another hall's row already has. */
create function app.require_patrol_id_free(caller app.staff, kind text, row_id uuid)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
	owner uuid := app.patrol_row_hall(kind, row_id);
begin
	if owner is not null and owner <> caller.hall_id then
		perform app.reject('not_found', format('The %s %s does not exist in your hall.', kind, row_id));
	end if;
end;
$$;

/** Checkpoints and the plan are the managers'. */
create function app.require_patrol_manager(caller app.staff)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
	if caller.post <> 'manager' then
		perform app.reject('forbidden', 'Only a manager of the hall may change checkpoints or the patrol plan.');
	end if;
end;
$$;

/** A jsonb field read with a problem function, or the op rejected naming what is wrong. */
create function app.patrol_json_field(payload jsonb, problem text)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
begin
	if problem is not null then
		perform app.reject('validation', problem);
	end if;
	return payload;
end;
$$;

/** A required whole number from low to high. */
create function app.patrol_int_field(payload jsonb, field text, low int, high int)
returns int
language plpgsql
stable
set search_path = ''
as $$
declare
	value int := app.int_field(payload, field, low, high);
begin
	if value is null then
		perform app.reject('validation', format('%s is required.', field));
	end if;
	return value;
end;
$$;

create function app.op_checkpoint_save(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<saving>>
declare
	caller app.staff := app.require_staff();
	checkpoint_id uuid := app.uuid_field(payload, 'id');
	name_zh text := app.patrol_json_field(payload -> 'name_zh',
		app.json_text_problem(payload -> 'name_zh', 'name_zh', app.patrol_limit('name'), true, false)) #>> '{}';
	name_en text := app.patrol_json_field(payload -> 'name_en',
		app.json_text_problem(payload -> 'name_en', 'name_en', app.patrol_limit('name'), false, false)) #>> '{}';
	position int := app.patrol_int_field(payload, 'position', 1, app.patrol_limit('position'));
	instruction_zh text := app.checked_text_field(payload, 'instruction_zh', app.patrol_limit('instruction'), false);
	items jsonb := app.patrol_json_field(payload -> 'items', app.check_items_problem(payload -> 'items'));
	saved_at timestamptz := app.timestamp_field(payload, 'saved_at');
begin
	perform app.require_patrol_manager(caller);
	perform app.next_version(caller.hall_id);
	perform app.require_patrol_id_free(caller, 'checkpoint', checkpoint_id);
	if exists (select 1 from app.checkpoints c where c.id = checkpoint_id) then
		-- Replaced whole; saving a retired checkpoint restores it.
		update app.checkpoints c set name_zh = saving.name_zh, name_en = saving.name_en, position = saving.position,
			instruction_zh = saving.instruction_zh, items = saving.items, retired_at = null
		where c.id = checkpoint_id;
	else
		insert into app.checkpoints (id, hall_id, name_zh, name_en, position, instruction_zh, items)
		values (checkpoint_id, caller.hall_id, name_zh, name_en, position, instruction_zh, items);
	end if;
end saving;
$$;

create function app.op_checkpoint_retire(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<retiring>>
declare
	caller app.staff := app.require_staff();
	checkpoint_id uuid := app.uuid_field(payload, 'id');
	retired_at timestamptz := app.timestamp_field(payload, 'retired_at');
	target app.checkpoints;
begin
	perform app.require_patrol_manager(caller);
	perform app.next_version(caller.hall_id);
	select c.* into target from app.checkpoints c where c.id = checkpoint_id for update;
	if target.id is null then
		perform app.reject('not_found', format('Checkpoint %s does not exist in your hall.', checkpoint_id));
	end if;
	if target.retired_at is not null then
		return; -- retired already: retiring twice is the same as once
	end if;
	update app.checkpoints c set retired_at = retiring.retired_at where c.id = target.id;
end retiring;
$$;

create function app.op_patrol_plan_save(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<saving>>
declare
	caller app.staff := app.require_staff();
	plan_id uuid := app.uuid_field(payload, 'id');
	windows jsonb := app.patrol_json_field(payload -> 'windows', app.patrol_windows_problem(payload -> 'windows'));
	grace_minutes int := app.patrol_int_field(payload, 'grace_minutes', 0, app.patrol_limit('graceMinutes'));
	min_scan_interval_seconds int := app.patrol_int_field(payload, 'min_scan_interval_seconds', 0,
		app.patrol_limit('minScanIntervalSeconds'));
	saved_at timestamptz := app.timestamp_field(payload, 'saved_at');
	current_plan app.patrol_plans;
begin
	perform app.require_patrol_manager(caller);
	perform app.next_version(caller.hall_id);
	perform app.require_patrol_id_free(caller, 'plan', plan_id);
	select p.* into current_plan from app.patrol_plans p where p.hall_id = caller.hall_id for update;
	if current_plan.id is null then
		insert into app.patrol_plans (id, hall_id, windows, grace_minutes, min_scan_interval_seconds)
		values (plan_id, caller.hall_id, windows, grace_minutes, min_scan_interval_seconds);
	elsif current_plan.id <> plan_id then
		-- A device that had not received the hall's plan made a new one: the hall keeps one plan.
		perform app.reject('conflict', format(
			'The hall already has a patrol plan (%s); edit that plan instead of making a new one.', current_plan.id));
	else
		update app.patrol_plans p set windows = saving.windows, grace_minutes = saving.grace_minutes,
			min_scan_interval_seconds = saving.min_scan_interval_seconds, is_demo = false
		where p.id = plan_id;
	end if;
end saving;
$$;

create function app.op_patrol_round_start(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<starting>>
declare
	caller app.staff := app.require_staff();
	round_id uuid := app.uuid_field(payload, 'id');
	window_key text := app.pattern_field(payload, 'window_key', app.patrols_rules() ->> 'keyPattern', 'a window key',
		true);
	started_at timestamptz := app.timestamp_field(payload, 'started_at');
begin
	perform app.next_version(caller.hall_id);
	perform app.require_patrol_id_free(caller, 'round', round_id);
	if exists (select 1 from app.patrol_rounds r where r.id = round_id) then
		return; -- the same round started again (re-sent under a new op id): it is stored
	end if;
	if window_key is not null and not exists (
		select 1 from app.patrol_plans p, jsonb_array_elements(p.windows) w
		where p.hall_id = caller.hall_id and w.value ->> 'key' = starting.window_key
	) then
		perform app.reject('conflict', format(
			'The hall''s patrol plan has no window %s (it changed): start the round as an extra round.', window_key));
	end if;
	insert into app.patrol_rounds (id, hall_id, staff_id, staff_name, day, window_key, started_at)
	values (round_id, caller.hall_id, caller.id, caller.display_name,
		((started_at at time zone 'UTC') + interval '8 hours')::date, window_key, started_at);
end starting;
$$;

/** A round of the caller's hall that its author may still change: locked, or the op rejected. */
create function app.open_patrol_round(caller app.staff, round_id uuid)
returns app.patrol_rounds
language plpgsql
set search_path = ''
as $$
declare
	target app.patrol_rounds;
begin
	select r.* into target from app.patrol_rounds r where r.id = round_id for update;
	if target.id is null then
		perform app.reject('not_found', format('Patrol round %s does not exist in your hall.', round_id));
	end if;
	if target.staff_id <> caller.id then
		perform app.reject('forbidden', format('Patrol round %s is %s''s: only its author may change it.', round_id,
			target.staff_name));
	end if;
	return target;
end;
$$;

create function app.op_patrol_round_check(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<checking>>
declare
	caller app.staff := app.require_staff();
	check_id uuid := app.uuid_field(payload, 'id');
	round_id uuid := app.uuid_field(payload, 'round_id');
	checkpoint_id uuid := app.uuid_field(payload, 'checkpoint_id');
	identified_by app.patrol_identified_by := app.enum_field(payload, 'identified_by',
		null::app.patrol_identified_by, false);
	list_reason text := app.checked_text_field(payload, 'list_reason', app.patrol_limit('listReason'), false);
	checked_at timestamptz := app.timestamp_field(payload, 'checked_at');
	results jsonb := app.patrol_json_field(payload -> 'results', app.check_results_problem(payload -> 'results'));
	same_as_last boolean := app.boolean_field(payload, 'same_as_last');
	target app.patrol_rounds;
	checkpoint app.checkpoints;
	existing app.patrol_checks;
begin
	if (identified_by = 'list') <> coalesce(list_reason ~ '[^ \t\r\n]', false) then
		perform app.reject('validation',
			'A checkpoint picked from the list needs the reason (the poster is damaged or missing), and a scan none.');
	end if;
	perform app.next_version(caller.hall_id);
	perform app.require_patrol_id_free(caller, 'check', check_id);
	target := app.open_patrol_round(caller, round_id);
	if target.finished_at is not null then
		perform app.reject('conflict', format('Patrol round %s is finished: it takes no more checks.', round_id));
	end if;
	select c.* into checkpoint from app.checkpoints c where c.id = checking.checkpoint_id;
	if checkpoint.id is null then
		perform app.reject('not_found', format('Checkpoint %s does not exist in your hall.', checkpoint_id));
	end if;
	if checkpoint.retired_at is not null then
		perform app.reject('conflict', format('Checkpoint %s (%s) is retired.', checkpoint_id, checkpoint.name_zh));
	end if;
	select c.* into existing from app.patrol_checks c where c.id = check_id;
	if existing.id is not null and (existing.round_id <> round_id or existing.checkpoint_id <> checkpoint_id) then
		perform app.reject('conflict', format('Check %s belongs to another round or checkpoint.', check_id));
	end if;
	if existing.id is null then
		select c.* into existing from app.patrol_checks c
		where c.round_id = checking.round_id and c.checkpoint_id = checking.checkpoint_id;
	end if;
	if existing.id is not null then
		-- Checked again in the same round: the new check replaces the old one, under the id stored first.
		update app.patrol_checks c set identified_by = checking.identified_by, list_reason = checking.list_reason,
			checked_at = checking.checked_at, results = checking.results, same_as_last = checking.same_as_last
		where c.id = existing.id;
	else
		insert into app.patrol_checks (id, round_id, hall_id, checkpoint_id, identified_by, list_reason, checked_at,
			results, same_as_last)
		values (check_id, round_id, caller.hall_id, checkpoint_id, identified_by, list_reason, checked_at, results,
			same_as_last);
	end if;
end checking;
$$;

create function app.op_patrol_round_finish(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<finishing>>
declare
	caller app.staff := app.require_staff();
	round_id uuid := app.uuid_field(payload, 'id');
	finished_at timestamptz := app.timestamp_field(payload, 'finished_at');
	comment text := app.checked_text_field(payload, 'comment', app.patrol_limit('comment'), false);
	target app.patrol_rounds;
	missed text;
begin
	perform app.next_version(caller.hall_id);
	target := app.open_patrol_round(caller, round_id);
	if target.finished_at is not null then
		if target.finished_at = finished_at then
			return; -- the same finish sent again under a new op id
		end if;
		perform app.reject('conflict', format('Patrol round %s is already finished.', round_id));
	end if;
	missed := (select string_agg(c.name_zh, '、' order by c.position, c.name_zh) from app.checkpoints c
		where c.hall_id = caller.hall_id and c.retired_at is null
			and not exists (select 1 from app.patrol_checks k where k.round_id = target.id and k.checkpoint_id = c.id));
	if missed is not null and coalesce(comment, '') !~ '[^ \t\r\n]' then
		perform app.reject('conflict', format(
			'The round did not check every checkpoint (%s): finishing it needs a comment saying why.', missed));
	end if;
	update app.patrol_rounds r set finished_at = finishing.finished_at, comment = finishing.comment
	where r.id = target.id;
end finishing;
$$;

-- ─── Registration ─────────────────────────────────────────────────────────────────────────────────────────────

do $$
declare
	fn regprocedure;
begin
	for fn in
		select p.oid::regprocedure from pg_proc p
		where p.pronamespace = 'app'::regnamespace and p.proname in ('patrols_rules', 'patrol_limit',
			'json_patrol_key_problem', 'json_clock_problem', 'check_items_problem', 'patrol_windows_problem',
			'check_results_problem', 'patrol_row_hall', 'require_patrol_id_free', 'require_patrol_manager',
			'patrol_json_field', 'patrol_int_field', 'open_patrol_round', 'op_checkpoint_save', 'op_checkpoint_retire',
			'op_patrol_plan_save', 'op_patrol_round_start', 'op_patrol_round_check', 'op_patrol_round_finish')
	loop
		execute format('grant execute on function %s to app_writer', fn);
	end loop;
end
$$;

select app.register_synced_table('patrols', 'checkpoints');
select app.register_synced_table('patrols', 'patrol_plans');
select app.register_synced_table('patrols', 'patrol_rounds');
select app.register_synced_table('patrols', 'patrol_checks');

select app.register_op_type('patrols', 'checkpoint.save', 'app.op_checkpoint_save(jsonb)',
	required => array['id', 'name_zh', 'name_en', 'position', 'instruction_zh', 'items', 'saved_at']);
select app.register_op_type('patrols', 'checkpoint.retire', 'app.op_checkpoint_retire(jsonb)',
	required => array['id', 'retired_at']);
select app.register_op_type('patrols', 'patrol_plan.save', 'app.op_patrol_plan_save(jsonb)',
	required => array['id', 'windows', 'grace_minutes', 'min_scan_interval_seconds', 'saved_at']);
select app.register_op_type('patrols', 'patrol_round.start', 'app.op_patrol_round_start(jsonb)',
	required => array['id', 'window_key', 'started_at']);
select app.register_op_type('patrols', 'patrol_round.check', 'app.op_patrol_round_check(jsonb)',
	required => array['id', 'round_id', 'checkpoint_id', 'identified_by', 'list_reason', 'checked_at', 'results',
		'same_as_last']);
select app.register_op_type('patrols', 'patrol_round.finish', 'app.op_patrol_round_finish(jsonb)',
	required => array['id', 'finished_at', 'comment']);
