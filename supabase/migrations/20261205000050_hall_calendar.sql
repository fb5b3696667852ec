-- The district's working calendar (docs/REPORTS.md, "Open days"): halls open Monday to Friday, except on public
-- holidays, and they open on the weekend days the State Council moves work to (调休上班). Every figure that counts
-- open days (expected patrol windows in the reports, the workload and the monthly ledger) reads
-- app.hall_open_on(day), which now reads these exceptions. One calendar for every hall: the halls of the district
-- all follow the national arrangement.
--
-- The arrangement for a year is published each November; 2026's is below. A manager of a district center records
-- the next year's days on the calendar screen (public.set_calendar_day). Reads are open to every signed-in staff
-- member (public.calendar_days); the table takes no writes but through that function.
--
-- Refusals reuse the reports' stable messages, which the client already says in Chinese (report-rpc.ts):
--   report_forbidden      42501: not an active manager of a district center (writing), or not staff (reading);
--   report_invalid_range  22023: a missing or out-of-range day or range, an exception without its reason.

create table app.calendar_days (
	day date primary key
		constraint calendar_days_day_range check (day between date '2020-01-01' and date '2100-12-31'),
	open boolean not null,
	-- Why the day differs: the holiday (国庆节) or the day worked in its place (国庆节调休上班).
	note text not null constraint calendar_days_note_text check (note = btrim(note) and char_length(note) between 1 and 40),
	-- Only days that differ from the plain week are stored: a weekday closed, a weekend day open.
	constraint calendar_days_differs check (open = (extract(isodow from day) > 5)),
	updated_by uuid references app.staff (id),
	updated_by_name text,
	updated_at timestamptz not null default now()
);
comment on table app.calendar_days is
	'The district''s exceptions to Monday-to-Friday: public holidays on weekdays, weekend days worked (调休).';

alter table app.calendar_days enable row level security;
grant select on app.calendar_days to authenticated;
create policy "Staff can read the district calendar"
	on app.calendar_days for select to authenticated using (true);

/** CALENDAR_RULES of the client (src/lib/domain/hall-calendar.ts); the integration test compares the two. */
create function app.calendar_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object('noteMax', 40, 'firstYear', 2020, 'lastYear', 2100, 'maxDays', 400)
$$;

/** Whether halls open on a day: the calendar's exception if it has one, else Monday to Friday. */
create or replace function app.hall_open_on(day date)
returns boolean
language sql
stable
set search_path = ''
as $$
	select coalesce(
		(select c.open from app.calendar_days c where c.day = hall_open_on.day),
		extract(isodow from day) between 1 and 5)
$$;
comment on function app.hall_open_on(date) is
	'Whether halls open on a day: Monday to Friday, except the district calendar''s holidays and worked weekend days.';

/** The calendar's exceptions from `from_day` to `to_day`, by day, for any active staff member. */
create function public.calendar_days(from_day date, to_day date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if app.current_staff() is null then
		perform app.refuse_report('report_forbidden', 'Only staff may read the calendar.', '42501');
	end if;
	if from_day is null or to_day is null or not isfinite(from_day) or not isfinite(to_day) or to_day < from_day
		or to_day - from_day + 1 > (app.calendar_rules() ->> 'maxDays')::int then
		perform app.refuse_report('report_invalid_range',
			format('The range needs a first day on or before its last, at most %s days.',
				app.calendar_rules() ->> 'maxDays'), '22023');
	end if;
	return coalesce((
		select jsonb_agg(jsonb_build_object('day', c.day, 'open', c.open, 'note', c.note,
				'updated_by_name', c.updated_by_name, 'updated_at', c.updated_at) order by c.day)
		from app.calendar_days c where c.day between from_day and to_day), '[]'::jsonb);
end;
$$;
comment on function public.calendar_days(date, date) is
	'The district calendar''s exceptions to Monday-to-Friday in a range (at most 400 days).';

/**
 * Sets whether halls open on a day. A day set to what the plain week says (a weekday open, a weekend day closed)
 * is no longer an exception and its row goes; otherwise the reason is required. Answers the day as it now is.
 * Only an active manager of a district center: the calendar is the district's.
 */
create function public.set_calendar_day(day date, open boolean, note text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	caller app.staff := app.current_staff();
	reason text := nullif(btrim(note), '');
	plain boolean;
begin
	if caller is null or caller.post is distinct from 'manager' or not exists (
		select 1 from app.halls h where h.id = caller.hall_id and h.kind = 'district_center'
	) then
		perform app.refuse_report('report_forbidden',
			'Only a manager of a district center may change the district calendar.', '42501');
	end if;
	if day is null or open is null or not isfinite(day)
		or extract(year from day) not between (app.calendar_rules() ->> 'firstYear')::int
			and (app.calendar_rules() ->> 'lastYear')::int then
		perform app.refuse_report('report_invalid_range',
			format('A calendar day needs a date from %s to %s and whether halls open.',
				app.calendar_rules() ->> 'firstYear', app.calendar_rules() ->> 'lastYear'), '22023');
	end if;
	plain := extract(isodow from day) between 1 and 5;
	if open = plain then
		delete from app.calendar_days c where c.day = set_calendar_day.day;
	else
		if reason is null or char_length(reason) > (app.calendar_rules() ->> 'noteMax')::int then
			perform app.refuse_report('report_invalid_range',
				format('A holiday or a worked weekend day needs its reason, at most %s characters.',
					app.calendar_rules() ->> 'noteMax'), '22023');
		end if;
		insert into app.calendar_days (day, open, note, updated_by, updated_by_name)
		values (set_calendar_day.day, set_calendar_day.open, reason, caller.id, caller.display_name)
		on conflict on constraint calendar_days_pkey do update
			set open = excluded.open, note = excluded.note, updated_by = excluded.updated_by,
				updated_by_name = excluded.updated_by_name, updated_at = now();
	end if;
	return jsonb_build_object('day', day, 'open', app.hall_open_on(day),
		'note', (select c.note from app.calendar_days c where c.day = set_calendar_day.day));
end;
$$;
comment on function public.set_calendar_day(date, boolean, text) is
	'Sets whether halls open on a day (a holiday on a weekday, a worked weekend day); district center managers.';

revoke execute on function public.calendar_days(date, date), public.set_calendar_day(date, boolean, text)
	from public, anon;
grant execute on function public.calendar_days(date, date), public.set_calendar_day(date, boolean, text)
	to authenticated;

-- 国务院办公厅关于2026年部分节假日安排的通知: the weekdays off and the weekend days worked.
insert into app.calendar_days (day, open, note) values
	('2026-01-01', false, '元旦'),
	('2026-01-02', false, '元旦'),
	('2026-01-04', true, '元旦调休上班'),
	('2026-02-14', true, '春节调休上班'),
	('2026-02-16', false, '春节'),
	('2026-02-17', false, '春节'),
	('2026-02-18', false, '春节'),
	('2026-02-19', false, '春节'),
	('2026-02-20', false, '春节'),
	('2026-02-23', false, '春节'),
	('2026-02-28', true, '春节调休上班'),
	('2026-04-06', false, '清明节'),
	('2026-05-01', false, '劳动节'),
	('2026-05-04', false, '劳动节'),
	('2026-05-05', false, '劳动节'),
	('2026-05-09', true, '劳动节调休上班'),
	('2026-06-19', false, '端午节'),
	('2026-09-20', true, '国庆节调休上班'),
	('2026-09-25', false, '中秋节'),
	('2026-10-01', false, '国庆节'),
	('2026-10-02', false, '国庆节'),
	('2026-10-05', false, '国庆节'),
	('2026-10-06', false, '国庆节'),
	('2026-10-07', false, '国庆节'),
	('2026-10-10', true, '国庆节调休上班');
