-- The server half of the sync protocol (DECISIONS §2, docs/SYNC.md "Server"): per-hall change versions, the
-- applied-ops table that makes sync_push exactly-once, the per-user scope epoch, and sync_push / sync_pull.
-- Synced tables of each workflow live in their own migration and register their op types and rows in the two
-- dispatch points marked "Synced areas" below.

-- ─── Change versions ──────────────────────────────────────────────────────────────────────────────────────────

create table app.hall_versions (
	hall_id uuid primary key references app.halls (id) on delete cascade,
	version bigint not null default 0 check (version >= 0)
);
comment on table app.hall_versions is
	'One change counter per hall. Every writing transaction takes the next value under this row''s lock, so '
	'commit order equals version order within a hall and a pull never skips a slow transaction.';

insert into app.hall_versions (hall_id) select id from app.halls;

create function app.add_hall_version()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	insert into app.hall_versions (hall_id) values (new.id);
	return new;
end;
$$;

create trigger halls_have_a_version
	after insert on app.halls
	for each row execute function app.add_hall_version();

/*
 * The version of the current transaction in `hall`. The first call in a transaction increments the hall's
 * counter with UPDATE … RETURNING, which holds the row lock until commit: a second writer of the same hall waits
 * here, so it can only take a higher version after this one is visible. Later calls in the same transaction
 * return the same number (remembered in a transaction-local setting keyed by the transaction id), so one
 * transaction is one version however many rows it touches. A rolled-back subtransaction undoes both the
 * increment and the setting.
 */
create function app.next_version(hall uuid)
returns bigint
language plpgsql
volatile
set search_path = ''
as $$
declare
	key text := pg_catalog.pg_current_xact_id()::text || ':' || hall::text || ':';
	remembered text := coalesce(pg_catalog.current_setting('app.sync_version', true), '');
	taken bigint;
begin
	if starts_with(remembered, key) then
		return substr(remembered, length(key) + 1)::bigint;
	end if;
	update app.hall_versions v set version = v.version + 1 where v.hall_id = hall returning v.version into taken;
	if taken is null then
		-- RLS hides other halls' counters: writing into a hall one does not belong to ends here.
		raise exception using errcode = 'P0001', message = 'not_found',
			detail = format('Hall %s does not exist or is not the caller''s hall.', hall);
	end if;
	perform pg_catalog.set_config('app.sync_version', key || taken::text, true);
	return taken;
end;
$$;
comment on function app.next_version(uuid) is
	'The current transaction''s change version in a hall; the first call takes it under the hall''s row lock.';

/** Trigger for every synced table: stamps each inserted or changed row with the transaction's version. */
create function app.stamp_version()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.version := app.next_version(new.hall_id);
	return new;
end;
$$;

alter table app.hall_versions enable row level security;
grant select, update (version) on app.hall_versions to authenticated;

create policy "Staff can read their own hall's version"
	on app.hall_versions for select to authenticated
	using (hall_id = (select app.current_hall_id()));

create policy "Staff can advance their own hall's version"
	on app.hall_versions for update to authenticated
	using (hall_id = (select app.current_hall_id()))
	with check (hall_id = (select app.current_hall_id()));

-- ─── Scope epoch ──────────────────────────────────────────────────────────────────────────────────────────────

alter table app.staff add column scope_epoch bigint not null default 1;
comment on column app.staff.scope_epoch is
	'Bumped when hall, post or active change: a device that sees a new epoch wipes its synced data and pulls again.';

create function app.bump_scope_epoch()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.scope_epoch := old.scope_epoch + 1;
	return new;
end;
$$;

create trigger staff_scope_changes_bump_the_epoch
	before update of hall_id, post, active on app.staff
	for each row
	when (old.hall_id is distinct from new.hall_id or old.post is distinct from new.post
		or old.active is distinct from new.active)
	execute function app.bump_scope_epoch();

-- ─── Exactly once ─────────────────────────────────────────────────────────────────────────────────────────────

create table app.applied_ops (
	user_id uuid not null references auth.users (id) on delete cascade,
	op_id text not null check (char_length(op_id) between 1 and 100),
	result jsonb not null,
	applied_at timestamptz not null default now(),
	primary key (user_id, op_id)
);
comment on table app.applied_ops is
	'Every op sync_push has seen, per user, with its result (rejections too): a replay returns the first result.';

alter table app.applied_ops enable row level security;
grant select, insert on app.applied_ops to authenticated;

create policy "Users can read the results of their own ops"
	on app.applied_ops for select to authenticated
	using (user_id = (select auth.uid()));

create policy "Users can record the results of their own ops"
	on app.applied_ops for insert to authenticated
	with check (user_id = (select auth.uid()));

-- ─── Rejections ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Ends an op with a business rejection. `code` is one of REJECTION_CODES in src/lib/domain/sync-protocol.ts;
 * sync_push turns it into {status: 'rejected', code, message: detail}.
 */
create function app.reject(code text, detail text)
returns void
language plpgsql
-- Volatile on purpose: an immutable function with constant arguments may be evaluated while planning.
volatile
set search_path = ''
as $$
begin
	raise exception using errcode = 'P0001', message = code, detail = detail;
end;
$$;

/** The caller's staff row, or the same not_staff error as me(). */
create function app.require_staff()
returns app.staff
language plpgsql
stable
set search_path = ''
as $$
declare
	caller app.staff := app.current_staff();
begin
	if caller.id is null then
		raise exception using
			errcode = 'P0001',
			message = 'not_staff',
			detail = 'This account has no active staff record in any hall.',
			hint = 'A manager must add the account to a hall before it can be used.';
	end if;
	return caller;
end;
$$;

-- ─── sync_push ────────────────────────────────────────────────────────────────────────────────────────────────

/** Protocol limits, in one place. The newest schema version is SCHEMA_VERSION of src/lib/domain/sync-protocol.ts. */
create function app.sync_limits(
	out newest_schema_version int,
	out oldest_schema_version int,
	out max_push_batch int,
	out max_pull_rows int
)
language sql
immutable
set search_path = ''
as $$
	select 1, 1, 500, 5000
$$;

/** REJECTION_CODES of src/lib/domain/sync-protocol.ts (a test keeps the two equal). */
create function app.rejection_codes()
returns text[]
language sql
immutable
set search_path = ''
as $$
	select array['validation', 'not_found', 'forbidden', 'conflict', 'unknown_op_type', 'outdated_app']
$$;

/** Runs one op's writing function. Synced areas: each op type of src/lib/domain/sync-protocol.ts OP_PAYLOADS. */
create function app.dispatch_op(op_type text, payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
begin
	if jsonb_typeof(payload) is distinct from 'object' then
		perform app.reject('validation', 'The op payload must be a JSON object.');
	end if;
	case op_type
		when 'service_record.open' then perform app.op_service_record_open(payload);
		when 'service_record.update' then perform app.op_service_record_update(payload);
		when 'service_record.add_event' then perform app.op_service_record_add_event(payload);
		when 'service_record.delete' then perform app.op_service_record_delete(payload);
		else perform app.reject('unknown_op_type', format('This server does not know the op type %L.', op_type));
	end case;
end;
$$;

/** Applies one op in a subtransaction and returns its result; a rejected op leaves no trace but its result. */
create function app.apply_op(op jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
	limits record;
	schema_version int;
	state text;
	code text;
	detail text;
	violated_rule text;
begin
	select * into limits from app.sync_limits();
	begin
		if jsonb_typeof(op -> 'schema_version') is distinct from 'number' then
			perform app.reject('validation', 'schema_version must be an integer.');
		end if;
		schema_version := (op ->> 'schema_version')::int;
		if schema_version < limits.oldest_schema_version or schema_version > limits.newest_schema_version then
			perform app.reject('outdated_app', format(
				'Ops of schema version %s are not accepted; this server accepts versions %s to %s. Update the app.',
				schema_version, limits.oldest_schema_version, limits.newest_schema_version));
		end if;
		perform app.dispatch_op(op ->> 'type', op -> 'payload');
		return jsonb_build_object('op_id', op ->> 'op_id', 'status', 'applied');
	exception when others then
		get stacked diagnostics state = returned_sqlstate, code = message_text, detail = pg_exception_detail,
			violated_rule = constraint_name;
		-- Transient failures (deadlock, serialization, lock timeout, resources, shutdown) are not the op's fault:
		-- fail the whole call so the device retries, instead of recording a permanent rejection.
		if left(state, 2) in ('40', '53', '55', '57', '58', '08', 'XX') then
			raise;
		end if;
		if state = 'P0001' and code = any (app.rejection_codes()) then
			return jsonb_build_object('op_id', op ->> 'op_id', 'status', 'rejected', 'code', code,
				'message', coalesce(detail, code));
		end if;
		-- Anything else the op ran into (a check constraint, bad input syntax) is a validation failure; the
		-- database's own message names the rule, which is what a person resolving the op needs.
		return jsonb_build_object('op_id', op ->> 'op_id', 'status', 'rejected', 'code', 'validation',
			'message', concat_ws(' ', code, nullif(detail, ''),
				case when nullif(violated_rule, '') is not null then format('(rule %s)', violated_rule) end));
	end;
end;
$$;

create function public.sync_push(ops jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
	caller app.staff := app.require_staff();
	limits record;
	op jsonb;
	id_of_op text;
	previous jsonb;
	result jsonb;
	results jsonb := '[]'::jsonb;
begin
	select * into limits from app.sync_limits();
	if jsonb_typeof(ops) is distinct from 'array' then
		raise exception using errcode = '22023', message = 'ops must be a JSON array of ops';
	end if;
	if jsonb_array_length(ops) > limits.max_push_batch then
		raise exception using errcode = 'P0001', message = 'batch_too_large',
			detail = format('sync_push takes at most %s ops per call; this call had %s.',
				limits.max_push_batch, jsonb_array_length(ops)),
			hint = 'Send the outbox in smaller batches.';
	end if;
	for op in select value from jsonb_array_elements(ops) with ordinality order by ordinality loop
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
		result := app.apply_op(op);
		insert into app.applied_ops (user_id, op_id, result) values (caller.user_id, id_of_op, result);
		results := results || jsonb_build_array(result);
	end loop;
	return results;
end;
$$;
comment on function public.sync_push(jsonb) is
	'Applies a batch of outbox ops, each in its own subtransaction, exactly once per user; one result per op.';

-- ─── sync_pull ────────────────────────────────────────────────────────────────────────────────────────────────

-- app.versions_since(hall, since, max_rows) and app.changes_since(hall, since, up_to) are the pull's dispatch
-- points over the synced tables; the migration of the first synced area defines them (they name its tables), and
-- each later area replaces them with one more branch.

create function public.sync_pull(cursor bigint, max_rows int default 500)
returns jsonb
language plpgsql
-- STABLE: every statement below reads the same snapshot, so the page, its cursor and has_more agree.
stable
security invoker
set search_path = ''
as $$
declare
	caller app.staff := app.require_staff();
	limits record;
	since bigint := sync_pull.cursor;
	cutoff bigint;
	page jsonb;
begin
	select * into limits from app.sync_limits();
	if since is null or since < 0 then
		raise exception using errcode = '22023', message = 'cursor must be 0 or a cursor returned by sync_pull';
	end if;
	if max_rows is null or max_rows < 1 or max_rows > limits.max_pull_rows then
		raise exception using errcode = '22023',
			message = format('max_rows must be between 1 and %s', limits.max_pull_rows);
	end if;
	-- The page ends with the version of its max_rows-th row, taken whole: a version is never split across pages.
	select max(v.version) into cutoff from app.versions_since(caller.hall_id, since, max_rows) v;
	select coalesce(jsonb_agg(jsonb_build_object('table', c.table_name, 'row', c.row_json)
			order by c.version, c.table_name), '[]'::jsonb)
		into page
		from app.changes_since(caller.hall_id, since, coalesce(cutoff, since)) c;
	return jsonb_build_object(
		'changes', page,
		'cursor', coalesce(cutoff, since),
		'has_more', cutoff is not null and exists (
			select 1 from app.versions_since(caller.hall_id, cutoff, 1)),
		'epoch', caller.scope_epoch
	);
end;
$$;
comment on function public.sync_pull(bigint, int) is
	'The caller''s hall''s synced rows changed after cursor, oldest version first, whole versions per page.';

-- ─── Privileges ───────────────────────────────────────────────────────────────────────────────────────────────
-- sync_push and sync_pull are SECURITY INVOKER: everything they call runs as the caller, under RLS, so the app
-- functions they reach must be executable by authenticated too (app is not exposed through the API).

grant execute on function app.next_version(uuid) to authenticated;
grant execute on function app.reject(text, text) to authenticated;
grant execute on function app.require_staff() to authenticated;
grant execute on function app.sync_limits() to authenticated;
grant execute on function app.rejection_codes() to authenticated;
grant execute on function app.dispatch_op(text, jsonb) to authenticated;
grant execute on function app.apply_op(jsonb) to authenticated;
grant execute on function public.sync_push(jsonb) to authenticated;
grant execute on function public.sync_pull(bigint, int) to authenticated;
