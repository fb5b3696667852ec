-- Writes only through the op functions. Until now sync_push ran as the caller, so `authenticated` held INSERT and
-- UPDATE on the app's tables: unreachable through the API (schema app is not exposed), but any exposure would have
-- let staff forge staff_id, undelete records or move the hall version backwards. Now:
-- - `app_writer` (no login) owns sync_push, which runs as it (security definer); every function sync_push reaches
--   runs as app_writer too, under row-level security with the same hall-scoped policies as before;
-- - `authenticated` keeps SELECT (through RLS) and EXECUTE on the reading API only: me(), sync_pull and the
--   helpers their policies call, plus EXECUTE on sync_push itself.
-- A later area grants its writing functions to app_writer and its tables' INSERT/UPDATE to app_writer only.

do $$
begin
	if not exists (select from pg_roles where rolname = 'app_writer') then
		create role app_writer nologin noinherit;
	end if;
end
$$;
comment on role app_writer is 'Runs sync_push and the op functions it dispatches; owns no data, cannot log in.';
-- The migration role hands sync_push over to app_writer, which needs it to be able to act as that role.
grant app_writer to current_user;
grant usage on schema app to app_writer;

-- ─── Table privileges ─────────────────────────────────────────────────────────────────────────────────────────

revoke insert, update on app.service_records, app.service_record_events from authenticated;
revoke update on app.hall_versions from authenticated;
revoke insert on app.applied_ops from authenticated;

grant select on app.halls, app.staff, app.synced_tables, app.op_types to app_writer;
grant select, update (version) on app.hall_versions to app_writer;
grant select, insert, delete on app.applied_ops to app_writer;
grant select, insert, update on app.service_records, app.service_record_events to app_writer;

-- ─── Policies: reads for both, writes for app_writer ──────────────────────────────────────────────────────────

alter policy "Staff can read their own hall" on app.halls to authenticated, app_writer;
alter policy "Staff can read the staff of their own hall" on app.staff to authenticated, app_writer;
alter policy "Staff can read which tables are synced" on app.synced_tables to authenticated, app_writer;
alter policy "Staff can read which op types exist" on app.op_types to authenticated, app_writer;
alter policy "Staff can read their own hall's version" on app.hall_versions to authenticated, app_writer;
alter policy "Staff can advance their own hall's version" on app.hall_versions to app_writer;
alter policy "Staff can read their own hall's service records" on app.service_records to authenticated, app_writer;
alter policy "Staff can open service records in their own hall" on app.service_records to app_writer;
alter policy "Staff can change service records of their own hall" on app.service_records to app_writer;
alter policy "Staff can read their own hall's service record events" on app.service_record_events
	to authenticated, app_writer;
alter policy "Staff can add events in their own hall" on app.service_record_events to app_writer;
alter policy "Staff can move events within their own hall" on app.service_record_events to app_writer;

-- app_writer may not call auth.uid() (schema auth is the platform's); the caller's user id comes through
-- app.current_staff(), which is security definer.
drop policy "Users can read the results of their own ops" on app.applied_ops;
drop policy "Users can record the results of their own ops" on app.applied_ops;
create policy "Users can read the results of their own ops"
	on app.applied_ops for select to authenticated, app_writer
	using (user_id = (select (app.current_staff()).user_id));
create policy "Users can record the results of their own ops"
	on app.applied_ops for insert to app_writer
	with check (user_id = (select (app.current_staff()).user_id));
create policy "Users can forget the old results of their own ops"
	on app.applied_ops for delete to app_writer
	using (user_id = (select (app.current_staff()).user_id));

-- ─── Function privileges ──────────────────────────────────────────────────────────────────────────────────────

-- The reading API and what its policies call stay with authenticated; everything else in app moves to app_writer.
do $$
declare
	fn regprocedure;
begin
	for fn in
		select p.oid::regprocedure from pg_proc p
		where p.pronamespace = 'app'::regnamespace and p.prokind = 'f'
			and p.proname not in ('register_synced_table', 'register_op_type')
	loop
		execute format('grant execute on function %s to app_writer', fn);
		if fn::regproc::text not in ('app.current_staff', 'app.current_hall_id', 'app.require_staff',
				'app.sync_limits', 'app.sync_limit', 'app.changes_after') then
			execute format('revoke execute on function %s from authenticated', fn);
		end if;
	end loop;
end
$$;

alter function public.sync_push(jsonb) security definer;
alter function public.sync_push(jsonb) owner to app_writer;

-- A handler must be executable by the role that runs it.
create or replace function app.register_op_type(
	area text,
	op_type text,
	handler regprocedure,
	required text[],
	optional text[] default '{}'
)
returns void
language plpgsql
set search_path = ''
as $$
begin
	if not exists (
		select 1 from pg_proc p
		where p.oid = handler and p.pronargs = 1 and p.proargtypes[0] = 'jsonb'::regtype
			and p.prorettype = 'void'::regtype
	) then
		raise exception 'register_op_type: % must take one jsonb argument and return void', handler;
	end if;
	if not has_function_privilege('app_writer', handler, 'execute') then
		raise exception 'register_op_type: app_writer cannot execute % (grant it)', handler;
	end if;
	if not 'id' = any (required) then
		raise exception 'register_op_type: % must require an id field (the row it creates or changes)', op_type;
	end if;
	insert into app.op_types (op_type, area, handler, required_fields, optional_fields)
	values (register_op_type.op_type, area, handler, required, optional);
end;
$$;
