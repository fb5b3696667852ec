-- Part of supabase/demo/history.sql (docs/HISTORY.md): the demo schema, the registry of generated rows, determinism (demo.rand, demo.uuid_of), hall days and times, the run and who works where.

create schema if not exists demo;
comment on schema demo is 'Demo history generator (supabase/demo/history.sql); never in production.';

create table if not exists demo.generated (
	table_name text not null,
	id uuid not null,
	hall_id uuid not null,
	-- The hall day of the activity the row belongs to (a return visit belongs to its pre-check's day).
	day date not null,
	primary key (table_name, id)
);
create index if not exists generated_hall_day_idx on demo.generated (hall_id, day);
comment on table demo.generated is 'Every row demo.generate_history wrote, so a later run can replace exactly those.';

-- ─── Determinism ──────────────────────────────────────────────────────────────────────────────────────────────

/** A fraction in [0, 1) from a key: the first 52 bits of its md5. */
create or replace function demo.rand(key text)
returns double precision
language sql
immutable
parallel safe
as $$
	select ('x' || left(md5(key), 13))::bit(52)::bigint / 4503599627370496.0
$$;

/** A version-4-shaped uuid from a key: the same key, the same id. */
create or replace function demo.uuid_of(key text)
returns uuid
language sql
immutable
parallel safe
as $$
	select overlay(overlay(md5('hall-assist-demo/' || key) placing '4' from 13) placing 'a' from 17)::uuid
$$;

/** An element of a text array chosen by a fraction. */
create or replace function demo.pick_text(choices text[], f double precision)
returns text
language sql
immutable
parallel safe
as $$
	select choices[1 + floor(f * cardinality(choices))::int]
$$;

/** The generator's open days: the halls' (app.hall_open_on: Monday to Friday, holidays off, 调休 days worked). */
create or replace function demo.is_workday(day date)
returns boolean
language sql
stable
parallel safe
as $$
	select app.hall_open_on(day)
$$;

/** The day itself when open, else the next open day (a holiday week is at most nine days long). */
create or replace function demo.next_workday(day date)
returns date
language sql
stable
parallel safe
as $$
	select min(d)::date from generate_series(day, day + 14, interval '1 day') d where app.hall_open_on(d::date)
$$;

/** `minutes` after midnight of a hall day (UTC+8), as an instant. */
create or replace function demo.at(day date, minutes double precision)
returns timestamptz
language sql
immutable
parallel safe
as $$
	select (day::timestamp at time zone 'UTC') - interval '8 hours' + minutes * interval '1 minute'
$$;

/**
 * A visitor's arrival, in minutes after midnight: the hall opens at 9:00 and closes at 17:00, with peaks from 9
 * to 11 and 14 to 16 and a lull at lunch (half-hour weights below, from 9:00).
 */
create or replace function demo.arrival_minute(slot_fraction double precision, within double precision)
returns double precision
language sql
immutable
parallel safe
as $$
	-- Half-hour slots from 9:00 with weights 14 16 16 14 10 7 3 3 5 8 13 14 14 12 8 4 (of 161), as thresholds.
	select case
		when slot_fraction * 161 < 14 then 540
		when slot_fraction * 161 < 30 then 570
		when slot_fraction * 161 < 46 then 600
		when slot_fraction * 161 < 60 then 630
		when slot_fraction * 161 < 70 then 660
		when slot_fraction * 161 < 77 then 690
		when slot_fraction * 161 < 80 then 720
		when slot_fraction * 161 < 83 then 750
		when slot_fraction * 161 < 88 then 780
		when slot_fraction * 161 < 96 then 810
		when slot_fraction * 161 < 109 then 840
		when slot_fraction * 161 < 123 then 870
		when slot_fraction * 161 < 137 then 900
		when slot_fraction * 161 < 149 then 930
		when slot_fraction * 161 < 157 then 960
		else 990 end + 30 * within
$$;

/** A made-up person's name. */
create or replace function demo.person_name(key text)
returns text
language sql
immutable
parallel safe
as $$
	select demo.pick_text(array['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'],
			demo.rand(key || '/surname'))
		|| demo.pick_text(array['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建华',
			'海燕', '志强', '丽娟', '国庆', '淑珍'], demo.rand(key || '/given'))
$$;

/** A made-up mobile number in the 138 0000 test range. */
create or replace function demo.phone(key text)
returns text
language sql
immutable
parallel safe
as $$
	select '1380000' || lpad(floor(demo.rand(key || '/phone') * 10000)::int::text, 4, '0')
$$;

-- ─── The run ──────────────────────────────────────────────────────────────────────────────────────────────────

-- What one run covers, per hall; refilled by every run (one run at a time: generate_history takes a lock).
create table if not exists demo.run (
	hall_id uuid primary key,
	kind text not null,
	ticket_format jsonb not null,
	from_day date not null,
	to_day date not null,
	-- Nothing happens after this instant: now() when the anchor is today, else the anchor day's first moment.
	horizon timestamptz not null,
	-- Visitors on an average working day, and the hall's numbered windows.
	visitors int not null,
	windows int not null
);

create table if not exists demo.run_days (
	hall_id uuid not null,
	day date not null,
	workday boolean not null,
	visitors int not null,
	primary key (hall_id, day)
);

-- ─── Who works where ──────────────────────────────────────────────────────────────────────────────────────────

-- The staff each role draws from, per hall, refilled by every run. A hall with demo staff uses only them.
create table if not exists demo.staff_pool (
	hall_id uuid not null,
	role text not null,
	k int not null,
	n int not null,
	staff_id uuid not null,
	name text not null,
	primary key (hall_id, role, k)
);

/** The staff member of `role` in `hall` a fraction picks; no row when the hall has nobody for the role. */
create or replace function demo.pick_staff(hall uuid, role text, f double precision)
returns table (staff_id uuid, name text)
language sql
stable
as $$
	select p.staff_id, p.name from demo.staff_pool p
	where p.hall_id = hall and p.role = pick_staff.role
		and p.k = (select floor(f * z.n)::int from demo.staff_pool z
			where z.hall_id = hall and z.role = pick_staff.role and z.k = 0)
$$;

/**
 * Fills demo.staff_pool for the run's halls. Roles, each with fallbacks when a hall has nobody of the post:
 * front (guidance desk and intake: assist, intake), window (intake), delivery (result delivery), manager, any
 * (everyone but managers).
 */
create or replace function demo.fill_staff_pool()
returns void
language sql
as $$
	delete from demo.staff_pool;
	with base as (
		select s.hall_id, s.id, s.display_name, s.post::text as post
		from app.staff s join demo.run r on r.hall_id = s.hall_id
		where s.active and (s.is_demo or not exists (
			select 1 from app.staff d where d.hall_id = s.hall_id and d.active and d.is_demo))
	),
	tiers (role, tier, posts) as (values
		('front', 1, array['assist', 'intake']), ('front', 2, null),
		('window', 1, array['intake']), ('window', 2, array['assist', 'delivery']), ('window', 3, null),
		('delivery', 1, array['delivery']), ('delivery', 2, array['intake', 'assist']), ('delivery', 3, null),
		('manager', 1, array['manager']),
		('any', 1, array['assist', 'intake', 'delivery']), ('any', 2, null)
	),
	candidates as (
		select t.role, t.tier, b.* from tiers t join base b on t.posts is null or b.post = any (t.posts)
	),
	chosen as (
		select c.* from candidates c
		where c.tier = (select min(o.tier) from candidates o where o.hall_id = c.hall_id and o.role = c.role)
	)
	insert into demo.staff_pool (hall_id, role, k, n, staff_id, name)
	select hall_id, role, (row_number() over w - 1)::int, (count(*) over (partition by hall_id, role))::int, id,
		display_name
	from chosen
	window w as (partition by hall_id, role order by id);
$$;
