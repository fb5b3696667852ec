-- Weekly summaries (周结, issue 12 part 4; docs/REPORTS.md "Staff assessment"): each staff member writes their own
-- week's summary (what was done, problems met, next week's plan); the hall's managers read the week's summaries and
-- may add a comment. Online calls, not a synced workflow: a summary is written once a week at a desk, and its
-- comment is the manager's alone.
--
-- The table is read and written only through the functions below (security definer, no grants, RLS on with no
-- policy). Refusals are the reports' (report-rpc.ts): report_forbidden 42501, report_invalid_range 22023 (a week not
-- begun, a text missing or too long).

/** WEEKLY_SUMMARY_RULES of the client (src/lib/domain/weekly-summary.ts); the integration test compares the two. */
create function app.weekly_summary_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object('textMax', 500, 'commentMax', 200)
$$;

create table app.weekly_summaries (
	hall_id uuid not null references app.halls (id),
	staff_id uuid not null references app.staff (id),
	-- The week's Monday.
	week date not null constraint weekly_summaries_week_monday check (extract(isodow from week) = 1),
	done text not null constraint weekly_summaries_done check (done = btrim(done) and char_length(done) between 1 and 500),
	problems text constraint weekly_summaries_problems check (problems = btrim(problems) and char_length(problems) between 1 and 500),
	next_week text constraint weekly_summaries_next_week check (next_week = btrim(next_week) and char_length(next_week) between 1 and 500),
	updated_at timestamptz not null default now(),
	manager_comment text constraint weekly_summaries_comment check (manager_comment = btrim(manager_comment) and char_length(manager_comment) between 1 and 200),
	commented_by_name text,
	commented_at timestamptz,
	constraint weekly_summaries_pkey primary key (hall_id, staff_id, week)
);
comment on table app.weekly_summaries is 'Each staff member''s summary of a week (周结) and their manager''s comment.';
alter table app.weekly_summaries enable row level security;

/** The Monday of a week begun (on or before the hall's today) holding `day`; else a refusal. */
create function app.summary_week(day date)
returns date
language plpgsql
stable
set search_path = ''
as $$
begin
	if day is null or not isfinite(day) or date_trunc('week', day)::date > app.hall_day(now()) then
		perform app.refuse_report('report_invalid_range', 'A summary is of a week begun, on or before today.', '22023');
	end if;
	return date_trunc('week', day)::date;
end;
$$;

create function app.summary_json(s app.weekly_summaries)
returns jsonb
language sql
stable
set search_path = ''
as $$
	select case when s.staff_id is null then null else jsonb_build_object('week', s.week, 'done', s.done,
		'problems', s.problems, 'next_week', s.next_week, 'updated_at', s.updated_at,
		'manager_comment', s.manager_comment, 'commented_by_name', s.commented_by_name,
		'commented_at', s.commented_at) end
$$;

/** Writes (or rewrites) the caller's own summary of the week holding `week`; answers it as stored. */
create function public.save_weekly_summary(week date, done text, problems text default null,
	next_week text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	caller app.staff := app.current_staff();
	monday date;
	limit_chars int := (app.weekly_summary_rules() ->> 'textMax')::int;
	saved app.weekly_summaries;
begin
	if caller.id is null then
		perform app.refuse_report('report_forbidden', 'Only active staff write weekly summaries.', '42501');
	end if;
	monday := app.summary_week(week);
	if nullif(btrim(done), '') is null or char_length(btrim(done)) > limit_chars
		or coalesce(char_length(btrim(problems)), 0) > limit_chars
		or coalesce(char_length(btrim(next_week)), 0) > limit_chars then
		perform app.refuse_report('report_invalid_range',
			format('A summary says what was done; each text has at most %s characters.', limit_chars), '22023');
	end if;
	insert into app.weekly_summaries (hall_id, staff_id, week, done, problems, next_week)
	values (caller.hall_id, caller.id, monday, btrim(done), nullif(btrim(problems), ''), nullif(btrim(next_week), ''))
	on conflict on constraint weekly_summaries_pkey do update
		set done = excluded.done, problems = excluded.problems, next_week = excluded.next_week, updated_at = now()
	returning * into saved;
	return app.summary_json(saved);
end;
$$;

/** The caller's own summary of the week holding `week`, or null. */
create function public.my_weekly_summary(week date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	caller app.staff := app.current_staff();
	monday date;
	mine app.weekly_summaries;
begin
	if caller.id is null then
		perform app.refuse_report('report_forbidden', 'Only active staff read weekly summaries.', '42501');
	end if;
	monday := app.summary_week(week);
	select * into mine from app.weekly_summaries s
	where s.hall_id = caller.hall_id and s.staff_id = caller.id and s.week = monday;
	return app.summary_json(mine);
end;
$$;

/**
 * A hall's summaries of the week holding `week`, for its managers (the reports' scope): its active staff but
 * managers, and anyone else who wrote that week, by name, each with their summary or null.
 */
create function public.weekly_summaries(hall_id uuid, week date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	monday date;
begin
	if week is null or not isfinite(week) or date_trunc('week', week)::date > app.hall_day(now()) then
		-- The caller's checks come first: a colleague learns nothing from a bad week either.
		perform app.report_scope(jsonb_build_array(hall_id), app.hall_day(now()), app.hall_day(now()));
	end if;
	monday := app.summary_week(week);
	perform app.report_scope(jsonb_build_array(hall_id), monday, monday + 6);
	return jsonb_build_object(
		'hall_id', hall_id,
		'week', monday,
		'staff', coalesce((
			select jsonb_agg(jsonb_build_object('staff_id', s.id, 'name', s.display_name, 'post', s.post,
					'summary', app.summary_json(w)) order by s.display_name, s.id)
			from app.staff s
			left join app.weekly_summaries w on w.hall_id = weekly_summaries.hall_id and w.staff_id = s.id
				and w.week = monday
			where (s.hall_id = weekly_summaries.hall_id and s.active and s.post <> 'manager') or w.staff_id is not null),
			'[]')
	);
end;
$$;

/** A manager's comment on a colleague's summary of a week (their own hall); an empty comment removes it. */
create function public.comment_weekly_summary(staff_id uuid, week date, comment text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	target app.staff;
	caller app.staff;
	monday date;
	note text := nullif(btrim(comment), '');
	saved app.weekly_summaries;
begin
	select * into target from app.staff s where s.id = comment_weekly_summary.staff_id;
	caller := app.assessment_hall_manager(coalesce(target.hall_id, '00000000-0000-0000-0000-000000000000'));
	monday := app.summary_week(week);
	if char_length(note) > (app.weekly_summary_rules() ->> 'commentMax')::int then
		perform app.refuse_report('report_invalid_range',
			format('A comment has at most %s characters.', app.weekly_summary_rules() ->> 'commentMax'), '22023');
	end if;
	update app.weekly_summaries w
	set manager_comment = note, commented_by_name = case when note is null then null else caller.display_name end,
		commented_at = case when note is null then null else now() end
	where w.hall_id = target.hall_id and w.staff_id = target.id and w.week = monday
	returning * into saved;
	if saved.staff_id is null then
		perform app.refuse_report('report_invalid_range', 'There is no summary of that week to comment on.', '22023');
	end if;
	return app.summary_json(saved);
end;
$$;

revoke execute on function public.save_weekly_summary(date, text, text, text), public.my_weekly_summary(date),
	public.weekly_summaries(uuid, date), public.comment_weekly_summary(uuid, date, text) from public, anon;
grant execute on function public.save_weekly_summary(date, text, text, text), public.my_weekly_summary(date),
	public.weekly_summaries(uuid, date), public.comment_weekly_summary(uuid, date, text) to authenticated;
