-- What a hosted Supabase project (and `supabase start`) provides before the first migration runs.
-- Only the parts this project relies on; shapes follow Supabase's images so that migrations and seed.sql
-- written for real Supabase run here unchanged. Idempotent: the local stack applies it on every start.

-- Roles ---------------------------------------------------------------------------------------------------
do $$
begin
	if not exists (select from pg_roles where rolname = 'anon') then
		create role anon nologin noinherit;
	end if;
	if not exists (select from pg_roles where rolname = 'authenticated') then
		create role authenticated nologin noinherit;
	end if;
	if not exists (select from pg_roles where rolname = 'service_role') then
		create role service_role nologin noinherit bypassrls;
	end if;
	if not exists (select from pg_roles where rolname = 'authenticator') then
		create role authenticator login noinherit;
	end if;
	-- GoTrue's login. On Supabase it owns auth and may create roles for its own migrations; here the tables
	-- exist already, so it gets only the rights on them that the auth endpoints use (below).
	if not exists (select from pg_roles where rolname = 'supabase_auth_admin') then
		create role supabase_auth_admin login noinherit;
	end if;
end
$$;

-- PostgREST's login can become exactly these three roles, and nothing else (no superuser, no pg_* role).
grant anon, authenticated, service_role to authenticator;

-- Supabase's statement timeouts: anon 3 s, authenticated 8 s, and 8 s for the authenticator login itself,
-- which service_role (no value of its own) keeps. PostgREST applies a role's values in each transaction.
-- Only where the role has none yet: this file runs before the migrations on every start, and must not undo a
-- migration's own `alter role … set statement_timeout`.
do $$
declare
	wanted record;
begin
	for wanted in select * from (values ('anon', '3s'), ('authenticated', '8s'), ('authenticator', '8s')) as v (role, value)
	loop
		if not exists (
			select from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
			 where r.rolname = wanted.role and s.setdatabase = 0
			   and exists (select from unnest(s.setconfig) as c (setting) where c.setting like 'statement\_timeout=%')
		) then
			execute format('alter role %I set statement_timeout = %L', wanted.role, wanted.value);
		end if;
	end loop;
end
$$;

-- Extensions live in their own schema, reachable unqualified (crypt(), gen_salt()) as on Supabase -----------
create schema if not exists extensions;
grant usage on schema extensions to public;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;

do $$
begin
	execute format('alter database %I set search_path = "$user", public, extensions', current_database());
end
$$;
set search_path = "$user", public, extensions;

-- Default privileges on public, as Supabase grants them --------------------------------------------------------
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;

-- auth: the tables GoTrue owns, with the columns that seeds and the gateway use ---------------------------------
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

do $$
begin
	if not exists (select from pg_type t join pg_namespace n on n.oid = t.typnamespace
	               where n.nspname = 'auth' and t.typname = 'aal_level') then
		create type auth.aal_level as enum ('aal1', 'aal2', 'aal3');
	end if;
end
$$;

create table if not exists auth.users (
	instance_id uuid,
	id uuid not null primary key,
	aud varchar(255),
	role varchar(255),
	email varchar(255),
	encrypted_password varchar(255),
	email_confirmed_at timestamptz,
	invited_at timestamptz,
	confirmation_token varchar(255) default '',
	confirmation_sent_at timestamptz,
	recovery_token varchar(255) default '',
	recovery_sent_at timestamptz,
	email_change_token_new varchar(255) default '',
	email_change varchar(255) default '',
	email_change_sent_at timestamptz,
	last_sign_in_at timestamptz,
	raw_app_meta_data jsonb,
	raw_user_meta_data jsonb,
	is_super_admin boolean,
	created_at timestamptz,
	updated_at timestamptz,
	phone text unique default null,
	phone_confirmed_at timestamptz,
	phone_change text default '',
	phone_change_token varchar(255) default '',
	phone_change_sent_at timestamptz,
	confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
	email_change_token_current varchar(255) default '',
	email_change_confirm_status smallint default 0 check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2),
	banned_until timestamptz,
	reauthentication_token varchar(255) default '',
	reauthentication_sent_at timestamptz,
	is_sso_user boolean not null default false,
	deleted_at timestamptz,
	is_anonymous boolean not null default false
);
create unique index if not exists users_email_partial_key on auth.users (email) where (is_sso_user = false);
create index if not exists users_instance_id_email_idx on auth.users (instance_id, lower(email));

create table if not exists auth.identities (
	provider_id text not null,
	user_id uuid not null references auth.users (id) on delete cascade,
	identity_data jsonb not null,
	provider text not null,
	last_sign_in_at timestamptz,
	created_at timestamptz,
	updated_at timestamptz,
	email text generated always as (lower(identity_data ->> 'email')) stored,
	id uuid not null default gen_random_uuid() primary key,
	constraint identities_provider_id_provider_unique unique (provider_id, provider)
);
create index if not exists identities_user_id_idx on auth.identities (user_id);

create table if not exists auth.sessions (
	id uuid not null primary key,
	user_id uuid not null references auth.users (id) on delete cascade,
	created_at timestamptz,
	updated_at timestamptz,
	factor_id uuid,
	aal auth.aal_level,
	not_after timestamptz,
	refreshed_at timestamp,
	user_agent text,
	ip inet,
	tag text
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);

create table if not exists auth.refresh_tokens (
	instance_id uuid,
	id bigserial primary key,
	token varchar(255) unique,
	user_id varchar(255),
	revoked boolean,
	created_at timestamptz,
	updated_at timestamptz,
	parent varchar(255),
	session_id uuid references auth.sessions (id) on delete cascade
);
create index if not exists refresh_tokens_session_id_revoked_idx on auth.refresh_tokens (session_id, revoked);
create index if not exists refresh_tokens_parent_idx on auth.refresh_tokens (parent);

-- What the auth endpoints do with these tables: password check, sessions and rotating refresh tokens, logout.
-- No rights elsewhere: a bug in them can read or change auth.*, never the app's data.
grant usage on schema auth to supabase_auth_admin;
grant select, update on auth.users, auth.identities to supabase_auth_admin;
grant select, insert, update, delete on auth.sessions to supabase_auth_admin;
grant select, insert, update on auth.refresh_tokens to supabase_auth_admin;
grant usage on sequence auth.refresh_tokens_id_seq to supabase_auth_admin;

-- auth.uid() and friends read the claims the API layer sets per request, like Supabase's versions ------------
create or replace function auth.uid() returns uuid
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.sub', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
	)::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.role', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
	)::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.email', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
	)::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim', true), ''),
		nullif(current_setting('request.jwt.claims', true), '')
	)::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt() to anon, authenticated, service_role;

-- storage: the tables Supabase Storage keeps its buckets and objects in (its migrations/tenant/), with the
-- columns and helpers that policies and the gateway's Storage subset use. The bytes live outside the database
-- (the stack's data folder); a row of storage.objects is what RLS decides on. Policies are the app's (migrations).
create schema if not exists storage;
grant usage on schema storage to anon, authenticated, service_role;

create table if not exists storage.buckets (
	id text not null primary key,
	name text not null,
	owner uuid,
	owner_id text,
	created_at timestamptz default now(),
	updated_at timestamptz default now(),
	public boolean default false,
	avif_autodetection boolean default false,
	file_size_limit bigint,
	allowed_mime_types text[]
);
create unique index if not exists bname on storage.buckets using btree (name);

create table if not exists storage.objects (
	id uuid not null default gen_random_uuid() primary key,
	bucket_id text references storage.buckets (id),
	name text,
	owner uuid,
	owner_id text,
	created_at timestamptz default now(),
	updated_at timestamptz default now(),
	last_accessed_at timestamptz default now(),
	metadata jsonb,
	path_tokens text[] generated always as (string_to_array(name, '/')) stored,
	version text,
	user_metadata jsonb
);
create unique index if not exists bucketid_objname on storage.objects using btree (bucket_id, name);
create index if not exists name_prefix_search on storage.objects (name text_pattern_ops);

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;
grant all on storage.buckets, storage.objects to anon, authenticated, service_role;

-- Storage's path helpers, as policies call them: storage.foldername('h/incident/p.jpg') = {h,incident}.
create or replace function storage.foldername(name text) returns text[]
language plpgsql immutable
as $$
declare
	_parts text[];
begin
	select string_to_array(name, '/') into _parts;
	return _parts[1:array_length(_parts, 1) - 1];
end
$$;

create or replace function storage.filename(name text) returns text
language plpgsql immutable
as $$
declare
	_parts text[];
begin
	select string_to_array(name, '/') into _parts;
	return _parts[array_length(_parts, 1)];
end
$$;

create or replace function storage.extension(name text) returns text
language plpgsql immutable
as $$
declare
	_parts text[];
	_filename text;
begin
	select string_to_array(name, '/') into _parts;
	select _parts[array_length(_parts, 1)] into _filename;
	return reverse(split_part(reverse(_filename), '.', 1));
end
$$;
grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text)
	to anon, authenticated, service_role;

-- As on Supabase, rows of storage leave only through the Storage API (which sets storage.allow_delete_query),
-- never through a stray SQL delete that would orphan the files.
create or replace function storage.protect_delete() returns trigger
language plpgsql
as $$
begin
	if coalesce(current_setting('storage.allow_delete_query', true), 'false') <> 'true' then
		raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
			using hint = 'This prevents accidental data loss from orphaned objects.', errcode = '42501';
	end if;
	return null;
end
$$;
drop trigger if exists protect_buckets_delete on storage.buckets;
create trigger protect_buckets_delete before delete on storage.buckets
	for each statement execute function storage.protect_delete();
drop trigger if exists protect_objects_delete on storage.objects;
create trigger protect_objects_delete before delete on storage.objects
	for each statement execute function storage.protect_delete();
