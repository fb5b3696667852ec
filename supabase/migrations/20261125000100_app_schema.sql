-- The private schema for Hall Assist's tables, and the privilege defaults every later migration relies on.
--
-- Tables live in `app`, which PostgREST does not expose: clients reach data only through functions in `public`
-- (DECISIONS §1). Row-level security is still enabled on every table, so a function that forgets a check, or a future
-- exposure of the schema, cannot leak another hall's rows.

create schema if not exists app;
comment on schema app is 'Hall Assist tables. Not exposed through the REST API; reached through functions in public.';

revoke all on schema app from public;
grant usage on schema app to authenticated, service_role;

-- Functions are not callable by anyone unless a migration grants EXECUTE function by function.
-- Supabase grants EXECUTE on new functions in public to anon/authenticated/service_role by default; undo that too.
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from public, anon, authenticated;
alter default privileges in schema app revoke execute on functions from public, anon, authenticated;

-- Tables in app grant nothing by default either; each table grants what its policies need.
alter default privileges in schema app revoke all on tables from public, anon, authenticated;
