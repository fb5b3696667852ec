-- Bounds on what one device, or one call, can do (docs/SECURITY.md "Limits"):
-- - device times (every payload timestamp and the op's created_at) must lie within a window around the server's
--   time, so a wrong or forged clock cannot reorder history or store dates no device can read back;
-- - an op carries the hall it was made in, and is refused in another hall (a transfer between queueing and sync);
-- - one sync_push call stops taking new ops after a time budget, so it holds its hall's write lock briefly and a
--   colleague's push is not kept waiting; the device sends the rest in its next call;
-- - rejection messages are bounded, and applied_ops forgets results no device can resend any more;
-- - an id that already exists where the caller cannot see it (another hall) is refused without saying where.
-- The limits are SYNC_LIMITS in src/lib/domain/sync-protocol.ts; the schema agreement test compares them.

-- ─── Limits ───────────────────────────────────────────────────────────────────────────────────────────────────

drop function app.sync_limits();

create function app.sync_limits()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object(
		'newestSchemaVersion', 1,
		'oldestSchemaVersion', 1,
		'maxPushBatch', 100,
		'maxPullRows', 1000,
		'pushBudgetMs', 2000,
		-- A device may be offline this long and still sync what it did; results are kept a day longer.
		'maxDeviceTimeAgeDays', 30,
		'maxClockAheadMinutes', 10,
		'maxMessageLength', 500
	)
$$;
comment on function app.sync_limits() is 'The sync protocol''s limits; SYNC_LIMITS on the client.';

create function app.sync_limit(name text)
returns int
language sql
immutable
set search_path = ''
as $$
	select (app.sync_limits() ->> name)::int
$$;

create or replace function app.rejection_codes()
returns text[]
language sql
immutable
set search_path = ''
as $$
	select array['validation', 'not_found', 'forbidden', 'conflict', 'unknown_op_type', 'outdated_app',
		'device_time', 'hall_changed']
$$;

-- ─── Device times ─────────────────────────────────────────────────────────────────────────────────────────────

/** Rejects with 'device_time' unless `moment` lies within the window around the server's time. */
create function app.check_device_time(moment timestamptz, field text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
declare
	earliest timestamptz := now() - make_interval(days => app.sync_limit('maxDeviceTimeAgeDays'));
	latest timestamptz := now() + make_interval(mins => app.sync_limit('maxClockAheadMinutes'));
begin
	if moment < earliest or moment > latest then
		perform app.reject('device_time', format(
			'%s (%s) is more than %s days before or %s minutes after the server''s time (%s): check the device''s '
			'date and time.', field, moment, app.sync_limit('maxDeviceTimeAgeDays'),
			app.sync_limit('maxClockAheadMinutes'), now()));
	end if;
	return moment;
end;
$$;

/** An ISO 8601 date-time with an offset, as z.iso.datetime({offset: true}) accepts, within the device window. */
create or replace function app.timestamp_field(payload jsonb, field text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
begin
	if jsonb_typeof(payload -> field) is distinct from 'string' or (payload ->> field) !~
			'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$' then
		perform app.reject('validation', format('%s must be an ISO date-time with an offset.', field));
	end if;
	return app.check_device_time((payload ->> field)::timestamptz, field);
end;
$$;

-- ─── One op ───────────────────────────────────────────────────────────────────────────────────────────────────

drop function app.apply_op(jsonb);

/**
 * Applies one op of a caller in `hall` in a subtransaction and returns its result; a rejected op leaves no trace
 * but its result. The op's envelope is checked first: schema version, its creation time, and its hall.
 */
create function app.apply_op(op jsonb, hall uuid)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
	schema_version int;
	state text;
	code text;
	detail text;
	violated_rule text;
	message text;
begin
	begin
		if jsonb_typeof(op -> 'schema_version') is distinct from 'number' then
			perform app.reject('validation', 'schema_version must be an integer.');
		end if;
		schema_version := (op ->> 'schema_version')::int;
		if schema_version not between app.sync_limit('oldestSchemaVersion') and app.sync_limit('newestSchemaVersion') then
			perform app.reject('outdated_app', format(
				'Ops of schema version %s are not accepted; this server accepts versions %s to %s. Update the app.',
				schema_version, app.sync_limit('oldestSchemaVersion'), app.sync_limit('newestSchemaVersion')));
		end if;
		perform app.timestamp_field(op, 'created_at');
		if (op ->> 'hall_id') is distinct from hall::text then
			perform app.reject('hall_changed', case when jsonb_typeof(op -> 'hall_id') = 'string'
				then 'This change was made in another hall, before its author moved; it cannot be applied here.'
				else 'The op must name the hall it was made in (hall_id).' end);
		end if;
		perform app.dispatch_op(op ->> 'type', op -> 'payload');
		return jsonb_build_object('op_id', op ->> 'op_id', 'status', 'applied');
	exception when others then
		get stacked diagnostics state = returned_sqlstate, code = message_text, detail = pg_exception_detail,
			violated_rule = constraint_name;
		-- Transient failures (deadlock, serialization, lock or statement timeout, resources, shutdown) are not the
		-- op's fault: fail the whole call so the device retries, instead of recording a permanent rejection.
		if left(state, 2) in ('40', '53', '55', '57', '58', '08', 'XX') then
			raise;
		end if;
		if state = 'P0001' and code = any (app.rejection_codes()) then
			message := coalesce(detail, code);
		elsif state = '23505' and violated_rule like '%\_pkey' then
			-- The id exists where the caller cannot see it (another hall): say so without saying where.
			message := 'This id is already in use; the change cannot be stored under it.';
			code := 'conflict';
		else
			-- Anything else the op ran into (a check constraint, bad input syntax) is a validation failure; the
			-- database's own message names the rule, which is what a person resolving the op needs.
			message := concat_ws(' ', code, nullif(detail, ''),
				case when nullif(violated_rule, '') is not null then format('(rule %s)', violated_rule) end);
			code := 'validation';
		end if;
		-- Messages may quote the input: bounded, so a huge field cannot come back whole or be stored whole.
		return jsonb_build_object('op_id', op ->> 'op_id', 'status', 'rejected', 'code', code,
			'message', left(message, app.sync_limit('maxMessageLength')));
	end;
end;
$$;

-- ─── sync_push ────────────────────────────────────────────────────────────────────────────────────────────────

create index applied_ops_user_applied_at_idx on app.applied_ops (user_id, applied_at);

create or replace function public.sync_push(ops jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
	caller app.staff := app.require_staff();
	started timestamptz := clock_timestamp();
	op jsonb;
	id_of_op text;
	previous jsonb;
	result jsonb;
	results jsonb := '[]'::jsonb;
begin
	if jsonb_typeof(ops) is distinct from 'array' then
		raise exception using errcode = '22023', message = 'ops must be a JSON array of ops';
	end if;
	if jsonb_array_length(ops) > app.sync_limit('maxPushBatch') then
		raise exception using errcode = 'P0001', message = 'batch_too_large',
			detail = format('sync_push takes at most %s ops per call; this call had %s.',
				app.sync_limit('maxPushBatch'), jsonb_array_length(ops)),
			hint = 'Send the outbox in smaller batches.';
	end if;
	for op in select value from jsonb_array_elements(ops) with ordinality order by ordinality loop
		-- Past the time budget, stop: the hall's write lock is held until this call commits. The results say
		-- which ops were done; the device keeps the rest and sends them in its next call.
		if jsonb_array_length(results) > 0
				and clock_timestamp() - started > make_interval(secs => app.sync_limit('pushBudgetMs') / 1000.0) then
			exit;
		end if;
		id_of_op := op ->> 'op_id';
		if jsonb_typeof(op -> 'op_id') is distinct from 'string' or char_length(id_of_op) not between 1 and 100 then
			-- Without an id there is no way to report a result for the op or to recognise its replay.
			raise exception using errcode = '22023', message = 'every op needs an op_id string of 1 to 100 characters',
				detail = left(op::text, 200);
		end if;
		select a.result into previous from app.applied_ops a where a.user_id = caller.user_id and a.op_id = id_of_op;
		if found then
			-- A replay changes nothing. An applied op answers 'duplicate'; a rejected one is rejected the same way.
			results := results || jsonb_build_array(case
				when previous ->> 'status' = 'rejected' then previous
				else jsonb_build_object('op_id', id_of_op, 'status', 'duplicate') end);
			continue;
		end if;
		result := app.apply_op(op, caller.hall_id);
		insert into app.applied_ops (user_id, op_id, result) values (caller.user_id, id_of_op, result);
		results := results || jsonb_build_array(result);
	end loop;
	-- Results older than any op a device may still send (created_at beyond the device window is refused anyway)
	-- are no longer needed for exactly-once; each call clears a few of its caller's.
	delete from app.applied_ops a
	where a.ctid in (
		select old.ctid from app.applied_ops old
		where old.user_id = caller.user_id
			and old.applied_at < now() - make_interval(days => app.sync_limit('maxDeviceTimeAgeDays') + 1)
		limit 100);
	return results;
end;
$$;

-- ─── sync_pull reads the new limits ───────────────────────────────────────────────────────────────────────────

create or replace function public.sync_pull(cursor text, max_rows int default 500)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	caller app.staff := app.require_staff();
	position text[];
	after_version bigint;
	after_table text;
	after_id uuid;
	page jsonb;
	has_more boolean;
	last_version bigint;
	last_table text;
	last_id uuid;
	next_version bigint;
	new_cursor text;
begin
	position := regexp_match(coalesce(cursor, ''),
		'^(\d{1,18})(?:/([a-z][a-z0-9_]{0,62})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))?$');
	if position is null then
		raise exception using errcode = '22023', message = 'cursor must be "0" or a cursor returned by sync_pull';
	end if;
	after_version := position[1]::bigint;
	after_table := position[2];
	after_id := position[3]::uuid;
	if max_rows is null or max_rows < 1 or max_rows > app.sync_limit('maxPullRows') then
		raise exception using errcode = '22023',
			message = format('max_rows must be between 1 and %s', app.sync_limit('maxPullRows'));
	end if;

	-- One row more than the page: it tells whether there is more, and whether the page ends inside a version.
	select
		coalesce(jsonb_agg(jsonb_build_object('table', p.table_name, 'row', p.row_json) order by p.n)
			filter (where p.n <= max_rows), '[]'::jsonb),
		coalesce(max(p.n) > max_rows, false),
		(array_agg(p.version order by p.n desc) filter (where p.n <= max_rows))[1],
		(array_agg(p.table_name order by p.n desc) filter (where p.n <= max_rows))[1],
		(array_agg(p.id order by p.n desc) filter (where p.n <= max_rows))[1],
		max(p.version) filter (where p.n > max_rows)
		into page, has_more, last_version, last_table, last_id, next_version
		from (select a.*, row_number() over (order by a.version, a.table_name, a.id) as n
			from app.changes_after(caller.hall_id, after_version, after_table, after_id, max_rows + 1) a) p;
	new_cursor := case
		when last_version is null then cursor -- nothing changed since
		when next_version = last_version then format('%s/%s/%s', last_version, last_table, last_id)
		else last_version::text
	end;
	return jsonb_build_object('changes', page, 'cursor', new_cursor, 'has_more', has_more, 'epoch', caller.scope_epoch);
end;
$$;

grant execute on function app.sync_limits() to authenticated;
grant execute on function app.sync_limit(text) to authenticated;
grant execute on function app.check_device_time(timestamptz, text) to authenticated;
grant execute on function app.apply_op(jsonb, uuid) to authenticated;
