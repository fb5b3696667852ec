-- Staff assessment (绩效考核, issue 12 part 4; docs/REPORTS.md "Staff assessment"): the manager's own monthly scores of
-- what the rows cannot show (月评: the district office's rating, business skill, attendance, each 0–100 with one
-- decimal, and a comment) and each hall's weights of the quarterly ranking (workload, the three scores; integers
-- summing to 100). The ranking itself is 20261206000210_quarterly_ranking.sql.
--
-- Both tables are read and written only through the functions below (security definer, no grants, RLS on with no
-- policy): a review is a manager's judgement of a colleague, not something the colleague's device syncs.
--
-- Who: a review and the weights are written by an active manager of the hall (a review is of a colleague of that
-- hall who is not a manager: managers are assessed by the district, not here), for a month begun. Reading a month's
-- reviews follows the reports' scope (app.report_scope: own hall, a center's stations).
--
-- Refusals are the reports' (report-rpc.ts says them in Chinese): report_forbidden 42501, report_invalid_range 22023
-- (a month not begun, a score outside 0–100 or with more than one decimal, a comment too long, weights that are not
-- integers 0–100 summing to 100).

/** ASSESSMENT_RULES of the client (src/lib/domain/assessment-review.ts); the integration test compares the two. */
create function app.assessment_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object('scoreMax', 100, 'commentMax', 200, 'weightTotal', 100,
		'defaultWeights', jsonb_build_object('workload', 40, 'district_rating', 20, 'skill', 20, 'attendance', 20))
$$;

create table app.monthly_reviews (
	hall_id uuid not null references app.halls (id),
	staff_id uuid not null references app.staff (id),
	-- The month's first day (UTC+8 calendar month).
	month date not null constraint monthly_reviews_month_first check (extract(day from month) = 1),
	district_rating numeric(4, 1) not null constraint monthly_reviews_district_rating check (district_rating between 0 and 100),
	skill numeric(4, 1) not null constraint monthly_reviews_skill check (skill between 0 and 100),
	attendance numeric(4, 1) not null constraint monthly_reviews_attendance check (attendance between 0 and 100),
	comment text constraint monthly_reviews_comment check (comment = btrim(comment) and char_length(comment) between 1 and 200),
	reviewed_by uuid not null references app.staff (id),
	reviewed_by_name text not null,
	updated_at timestamptz not null default now(),
	constraint monthly_reviews_pkey primary key (hall_id, staff_id, month)
);
comment on table app.monthly_reviews is
	'A manager''s monthly scores of a colleague (月评): district rating, skill, attendance (0-100, one decimal).';
alter table app.monthly_reviews enable row level security;

create table app.assessment_weights (
	hall_id uuid primary key references app.halls (id),
	workload int not null constraint assessment_weights_workload check (workload between 0 and 100),
	district_rating int not null constraint assessment_weights_district_rating check (district_rating between 0 and 100),
	skill int not null constraint assessment_weights_skill check (skill between 0 and 100),
	attendance int not null constraint assessment_weights_attendance check (attendance between 0 and 100),
	constraint assessment_weights_total check (workload + district_rating + skill + attendance = 100),
	updated_by uuid references app.staff (id),
	updated_by_name text,
	updated_at timestamptz not null default now()
);
comment on table app.assessment_weights is
	'Each hall''s weights of the quarterly ranking (季度考), integers summing to 100; a hall without a row has the defaults.';
alter table app.assessment_weights enable row level security;

/** A hall's weights, the defaults of app.assessment_rules() when its manager has set none. */
create function app.assessment_weights_of(hall uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
	select coalesce(
		(select jsonb_build_object('workload', w.workload, 'district_rating', w.district_rating, 'skill', w.skill,
				'attendance', w.attendance, 'is_default', false, 'updated_by_name', w.updated_by_name)
			from app.assessment_weights w where w.hall_id = hall),
		app.assessment_rules() -> 'defaultWeights' || jsonb_build_object('is_default', true, 'updated_by_name', null))
$$;

/** Whether a score is one the form allows: 0 to 100 with at most one decimal (NaN and infinities are not). */
create function app.assessment_score_ok(score numeric)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select case
		when score is null or score = 'NaN'::numeric then false
		when score < 0 or score > (app.assessment_rules() ->> 'scoreMax')::numeric then false
		else score = round(score, 1)
	end
$$;

/** The caller, when an active manager of `hall`; else a refusal. */
create function app.assessment_hall_manager(hall uuid)
returns app.staff
language plpgsql
stable
set search_path = ''
as $$
declare
	caller app.staff := app.current_staff();
begin
	if caller.id is null or caller.post is distinct from 'manager' or caller.hall_id is distinct from hall then
		perform app.refuse_report('report_forbidden', 'Only an active manager of the hall may assess its staff.',
			'42501');
	end if;
	return caller;
end;
$$;

/** A month begun (its first day on or before the hall's today), as its first day; else a refusal. */
create function app.assessment_month(month date)
returns date
language plpgsql
stable
set search_path = ''
as $$
begin
	if month is null or not isfinite(month) or date_trunc('month', month)::date > app.hall_day(now()) then
		perform app.refuse_report('report_invalid_range', 'An assessment is of a month begun, on or before today.',
			'22023');
	end if;
	return date_trunc('month', month)::date;
end;
$$;

/**
 * Records (or replaces) a manager's scores of a colleague for a month: `month` is any day of it. Answers the review
 * as stored.
 */
create function public.save_monthly_review(staff_id uuid, month date, district_rating numeric, skill numeric,
	attendance numeric, comment text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	target app.staff;
	caller app.staff;
	first_day date;
	note text := nullif(btrim(comment), '');
	saved app.monthly_reviews;
begin
	select * into target from app.staff s where s.id = save_monthly_review.staff_id;
	-- The caller's checks first, on the colleague's hall: a stranger learns nothing of who works where.
	caller := app.assessment_hall_manager(coalesce(target.hall_id, '00000000-0000-0000-0000-000000000000'));
	if target.post = 'manager' then
		perform app.refuse_report('report_forbidden', 'Managers are assessed by the district, not by a review here.',
			'42501');
	end if;
	first_day := app.assessment_month(month);
	if not (app.assessment_score_ok(district_rating) and app.assessment_score_ok(skill)
		and app.assessment_score_ok(attendance)) then
		perform app.refuse_report('report_invalid_range',
			'Each score is from 0 to 100 with at most one decimal.', '22023');
	end if;
	if char_length(note) > (app.assessment_rules() ->> 'commentMax')::int then
		perform app.refuse_report('report_invalid_range',
			format('A comment has at most %s characters.', app.assessment_rules() ->> 'commentMax'), '22023');
	end if;
	insert into app.monthly_reviews (hall_id, staff_id, month, district_rating, skill, attendance, comment,
		reviewed_by, reviewed_by_name)
	values (target.hall_id, target.id, first_day, save_monthly_review.district_rating, save_monthly_review.skill,
		save_monthly_review.attendance, note, caller.id, caller.display_name)
	on conflict on constraint monthly_reviews_pkey do update
		set district_rating = excluded.district_rating, skill = excluded.skill, attendance = excluded.attendance,
			comment = excluded.comment, reviewed_by = excluded.reviewed_by,
			reviewed_by_name = excluded.reviewed_by_name, updated_at = now()
	returning * into saved;
	return jsonb_build_object('staff_id', saved.staff_id, 'month', saved.month,
		'district_rating', saved.district_rating, 'skill', saved.skill, 'attendance', saved.attendance,
		'comment', saved.comment, 'reviewed_by_name', saved.reviewed_by_name, 'updated_at', saved.updated_at);
end;
$$;
comment on function public.save_monthly_review(uuid, date, numeric, numeric, numeric, text) is
	'A manager''s monthly scores of a colleague of their hall (月评): district rating, skill, attendance, comment.';

/**
 * A hall's month of reviews: its active staff but managers, and anyone else reviewed that month, by name, each with
 * their review or null; and the hall's weights. `month` is any day of a month begun.
 */
create function public.monthly_reviews(hall_id uuid, month date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	first_day date;
begin
	if month is null or not isfinite(month) or date_trunc('month', month)::date > app.hall_day(now()) then
		-- The caller's checks come first: a colleague learns nothing from a bad month either.
		perform app.report_scope(jsonb_build_array(hall_id), app.hall_day(now()), app.hall_day(now()));
	end if;
	first_day := app.assessment_month(month);
	perform app.report_scope(jsonb_build_array(hall_id), first_day, (first_day + interval '1 month - 1 day')::date);
	return jsonb_build_object(
		'hall_id', hall_id,
		'month', first_day,
		'weights', app.assessment_weights_of(hall_id),
		'staff', coalesce((
			select jsonb_agg(jsonb_build_object('staff_id', s.id, 'name', s.display_name, 'post', s.post,
					'active', s.active,
					'review', case when r.staff_id is null then null else jsonb_build_object(
						'district_rating', r.district_rating, 'skill', r.skill, 'attendance', r.attendance,
						'comment', r.comment, 'reviewed_by_name', r.reviewed_by_name, 'updated_at', r.updated_at) end)
				order by s.display_name, s.id)
			from app.staff s
			left join app.monthly_reviews r on r.hall_id = monthly_reviews.hall_id and r.staff_id = s.id
				and r.month = first_day
			where (s.hall_id = monthly_reviews.hall_id and s.active and s.post <> 'manager') or r.staff_id is not null),
			'[]')
	);
end;
$$;
comment on function public.monthly_reviews(uuid, date) is
	'A hall''s monthly reviews (月评) of a month, its staff but managers, and its ranking weights.';

/** Sets a hall's ranking weights: integers 0–100 summing to 100; its active manager only. Answers the weights. */
create function public.set_assessment_weights(hall_id uuid, workload int, district_rating int, skill int,
	attendance int)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	caller app.staff := app.assessment_hall_manager(hall_id);
begin
	if workload is null or district_rating is null or skill is null or attendance is null
		or least(workload, district_rating, skill, attendance) < 0
		or greatest(workload, district_rating, skill, attendance) > 100
		or workload + district_rating + skill + attendance <> (app.assessment_rules() ->> 'weightTotal')::int then
		perform app.refuse_report('report_invalid_range',
			'The weights are whole numbers from 0 to 100 that sum to 100.', '22023');
	end if;
	insert into app.assessment_weights (hall_id, workload, district_rating, skill, attendance, updated_by,
		updated_by_name)
	values (set_assessment_weights.hall_id, set_assessment_weights.workload, set_assessment_weights.district_rating,
		set_assessment_weights.skill, set_assessment_weights.attendance, caller.id, caller.display_name)
	on conflict on constraint assessment_weights_pkey do update
		set workload = excluded.workload, district_rating = excluded.district_rating, skill = excluded.skill,
			attendance = excluded.attendance, updated_by = excluded.updated_by,
			updated_by_name = excluded.updated_by_name, updated_at = now();
	return app.assessment_weights_of(hall_id);
end;
$$;
comment on function public.set_assessment_weights(uuid, int, int, int, int) is
	'Sets a hall''s quarterly ranking weights (workload, district rating, skill, attendance; sum 100).';

revoke execute on function public.save_monthly_review(uuid, date, numeric, numeric, numeric, text),
	public.monthly_reviews(uuid, date), public.set_assessment_weights(uuid, int, int, int, int) from public, anon;
grant execute on function public.save_monthly_review(uuid, date, numeric, numeric, numeric, text),
	public.monthly_reviews(uuid, date), public.set_assessment_weights(uuid, int, int, int, int) to authenticated;
