-- Halls (the district center and its street stations) and the staff who work in them.
-- Every row of every later table carries hall_id: RLS and sync are scoped by hall (DECISIONS §1).

create type app.hall_kind as enum ('district_center', 'street_station');

create table app.halls (
	id uuid primary key default gen_random_uuid(),
	code text not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
	name text not null check (char_length(name) between 2 and 60),
	kind app.hall_kind not null,
	-- A street station belongs to its district center; the center has none.
	parent_hall_id uuid references app.halls (id),
	time_zone text not null default 'Asia/Shanghai',
	created_at timestamptz not null default now(),
	check ((kind = 'district_center') = (parent_hall_id is null))
);
comment on table app.halls is 'Service halls: a district government service center and its street stations.';

create type app.staff_post as enum ('intake', 'delivery', 'assist', 'manager');
comment on type app.staff_post is
	'综合接件岗 intake, 综合出件岗 result delivery, 咨询帮办岗 consultation & assisted service, 管理岗 manager.';

create table app.staff (
	id uuid primary key default gen_random_uuid(),
	user_id uuid not null unique references auth.users (id) on delete cascade,
	hall_id uuid not null references app.halls (id),
	post app.staff_post not null,
	display_name text not null check (char_length(btrim(display_name)) between 1 and 40),
	active boolean not null default true,
	is_demo boolean not null default false,
	created_at timestamptz not null default now()
);
comment on table app.staff is
	'Hall staff. The post here, never JWT metadata, decides what a user may do (DECISIONS §2.11).';
comment on column app.staff.is_demo is 'Seeded demonstration data, never a real person.';
create index staff_hall_id_idx on app.staff (hall_id);

-- The caller's active staff row. SECURITY DEFINER so that policies on app.staff can use it without recursing
-- into their own RLS; it only ever returns the caller's own row.
create function app.current_staff()
returns app.staff
language sql
stable
security definer
set search_path = ''
as $$
	select s.* from app.staff s where s.user_id = (select auth.uid()) and s.active
$$;
comment on function app.current_staff() is 'The active staff row of the signed-in user, or null.';

create function app.current_hall_id()
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
	select (app.current_staff()).hall_id
$$;
comment on function app.current_hall_id() is 'The hall of the signed-in staff member, or null.';

grant execute on function app.current_staff() to authenticated;
grant execute on function app.current_hall_id() to authenticated;

alter table app.halls enable row level security;
alter table app.staff enable row level security;

grant select on app.halls to authenticated;
grant select on app.staff to authenticated;

create policy "Staff can read their own hall"
	on app.halls for select to authenticated
	using (id = (select app.current_hall_id()));

create policy "Staff can read the staff of their own hall"
	on app.staff for select to authenticated
	using (hall_id = (select app.current_hall_id()));
