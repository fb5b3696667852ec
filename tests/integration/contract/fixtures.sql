-- Fixtures for the gateway contract tests: applied by tests/integration/setup/global-setup.ts to the throw-away
-- test database only, never a migration. Everything is prefixed contract_ so it cannot collide with the app.

-- Users with passwords hashed the way GoTrue (and seed.sql) hash them.
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', email,
       crypt('contract-password', gen_salt('bf')), now(),
       '{"provider": "email", "providers": ["email"]}', jsonb_build_object('name', name), now(), now()
  from (values
    ('c0000000-0000-4000-8000-000000000001'::uuid, 'alice@contract.test', 'Alice'),
    ('c0000000-0000-4000-8000-000000000002'::uuid, 'bob@contract.test', 'Bob'),
    ('c0000000-0000-4000-8000-000000000003'::uuid, 'carol@contract.test', 'Carol'),
    ('c0000000-0000-4000-8000-000000000004'::uuid, 'dave@contract.test', 'Dave')
  ) as people(id, email, name)
on conflict (id) do nothing;

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email), 'email', now(), now()
  from auth.users u where u.email like '%@contract.test'
on conflict (provider_id, provider) do nothing;

create schema if not exists contract;
create table if not exists contract.unique_keys (key text primary key);
create table if not exists contract.counter (id bigserial primary key);

-- Return shapes -------------------------------------------------------------------------------------------
create or replace function public.contract_add(a integer, b integer) returns integer
language sql immutable as $$ select a + b $$;

create or replace function public.contract_greeting(name text, punctuation text default '!') returns text
language sql immutable as $$ select 'Hello, ' || name || punctuation $$;

do $$ begin
	if to_regtype('public.contract_point') is null then
		create type public.contract_point as (x integer, y integer, label text);
	end if;
end $$;

create or replace function public.contract_point_of(x integer, y integer) returns public.contract_point
language sql immutable as $$ select row(x, y, x || ',' || y)::public.contract_point $$;

create or replace function public.contract_series(n integer) returns table (pos integer, square bigint)
language sql immutable as $$ select i, (i * i)::bigint from generate_series(1, n) as i $$;

create or replace function public.contract_ids(ids uuid[]) returns setof uuid
language sql immutable as $$ select unnest(ids) $$;

create or replace function public.contract_nothing(note text default null) returns void
language sql as $$ select $$;

create or replace function public.contract_echo_json(jsonb) returns jsonb
language sql immutable as $$ select $1 $$;

create or replace function public.contract_whoami() returns jsonb
language sql stable as $$
	select jsonb_build_object(
		'uid', auth.uid(),
		'role', auth.role(),
		'current_role', current_user,
		'email', auth.jwt() ->> 'email',
		'session_id', auth.jwt() ->> 'session_id')
$$;

-- The login role behind the call: PostgREST connects as authenticator and only switches roles.
create or replace function public.contract_session_user() returns text
language sql stable as $$ select session_user::text $$;

-- Timeouts: the settings a call runs with, and a call that takes as long as it is told to.
create or replace function public.contract_timeouts() returns jsonb
language sql stable as $$
	select jsonb_build_object(
		'statement_timeout', current_setting('statement_timeout'),
		'lock_timeout', current_setting('lock_timeout'),
		'isolation', current_setting('transaction_isolation'))
$$;

create or replace function public.contract_sleep(seconds double precision) returns void
language sql as $$ select pg_sleep(seconds) $$;

-- Errors ----------------------------------------------------------------------------------------------------
create or replace function public.contract_fail(reason text) returns void
language plpgsql as $$
begin
	raise exception 'not_allowed: %', reason using detail = 'The ticket is closed', hint = 'Reopen it first';
end $$;

create or replace function public.contract_payment_required() returns void
language plpgsql as $$
begin
	raise sqlstate 'PT402' using message = 'Payment required', detail = 'Quota used up', hint = 'Upgrade the plan';
end $$;

create or replace function public.contract_secret() returns text
language sql stable as $$ select 'only for service_role' $$;
revoke execute on function public.contract_secret() from public, anon, authenticated;

create or replace function public.contract_claim_key(key text) returns void
language sql security definer set search_path = '' as $$ insert into contract.unique_keys (key) values (key) $$;

create or replace function public.contract_bump() returns bigint
language sql security definer set search_path = '' as $$ insert into contract.counter default values returning id $$;

create or replace function public.contract_square(n integer) returns integer
language sql stable as $$ select n * n $$;

-- The app's migrations revoke execute by default (DECISIONS §6), so every fixture is granted explicitly.
grant execute on function
	public.contract_add(integer, integer),
	public.contract_greeting(text, text),
	public.contract_point_of(integer, integer),
	public.contract_series(integer),
	public.contract_ids(uuid[]),
	public.contract_nothing(text),
	public.contract_echo_json(jsonb),
	public.contract_whoami(),
	public.contract_session_user(),
	public.contract_timeouts(),
	public.contract_sleep(double precision),
	public.contract_fail(text),
	public.contract_payment_required(),
	public.contract_claim_key(text),
	public.contract_bump(),
	public.contract_square(integer)
to anon, authenticated, service_role;
grant execute on function public.contract_secret() to service_role;
