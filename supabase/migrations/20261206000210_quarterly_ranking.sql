-- The quarterly ranking (季度考, issue 12 part 4; docs/REPORTS.md "Staff assessment" says how each number is made):
-- per active staff member of a hall but managers, the quarter's business volume normalised to the hall's top
-- performer, the averages of the monthly reviews (20261206000200_assessment_reviews.sql), the weighted total with
-- the hall's weights, the rank; the last-ranked flagged for a talk (约谈), and `again` when they were last in the
-- previous quarter too. Same caller checks and refusals as the reports (app.report_scope).

/** The counts that make business volume: WORKLOAD_TOTAL_MEASURES of the client (the integration test compares). */
create function app.workload_total_measures()
returns text[]
language sql
immutable
set search_path = ''
as $$
	select array['records_first_responder', 'record_events', 'prechecks', 'return_rounds', 'patrol_rounds',
		'incidents_reported', 'incidents_handled', 'incident_steps', 'visits', 'visits_accompanied', 'follow_ups_opened',
		'follow_ups_closed', 'follow_up_steps']
$$;

/**
 * One hall's ranking of the quarter starting `first_day`, with today's staff and weights:
 * - workload_total: the sum of app.workload_total_measures() over the quarter's days, rows of this hall;
 * - workload_score: round(100 × workload_total / the highest workload_total of those ranked, 1); 0 for all when
 *   nobody has any;
 * - district_rating, skill, attendance: round(the average of the quarter's monthly reviews, 1), null without one;
 * - total: round((w.workload × workload_score + w.district_rating × district_rating + w.skill × skill
 *   + w.attendance × attendance) / 100, 2), a missing average counting 0;
 * - rank: by total, highest first, ties sharing a rank (1, 2, 2, 4);
 * - last: of the lowest rank, when someone ranks above them (nobody is last when all tie, or alone).
 */
create function app.assessment_ranking(hall uuid, first_day date)
returns table (staff_id uuid, name text, post app.staff_post, workload_total bigint, workload_score numeric,
	district_rating numeric, skill numeric, attendance numeric, reviewed_months int, total numeric, rank int,
	last boolean)
language sql
stable
set search_path = ''
as $$
	with weights as (select app.assessment_weights_of(hall) as w),
	people as (
		select s.id, s.display_name, s.post from app.staff s
		where s.hall_id = hall and s.active and s.post <> 'manager'
	),
	volume as (
		select c.staff_id, sum(c.n) as n
		from app.workload_counts(array[hall], first_day, (first_day + interval '3 months - 1 day')::date) c
		where c.hall_id = hall and c.measure = any (app.workload_total_measures())
		group by c.staff_id
	),
	reviews as (
		select r.staff_id, round(avg(r.district_rating), 1) as district_rating, round(avg(r.skill), 1) as skill,
			round(avg(r.attendance), 1) as attendance, count(*)::int as months
		from app.monthly_reviews r
		where r.hall_id = hall and r.month >= first_day and r.month < first_day + interval '3 months'
		group by r.staff_id
	),
	volumes as (
		select p.id, p.display_name, p.post, coalesce(v.n, 0)::bigint as n, r.district_rating, r.skill,
			r.attendance, coalesce(r.months, 0) as months
		from people p left join volume v on v.staff_id = p.id left join reviews r on r.staff_id = p.id
	),
	scored as (
		select x.*, case when t.top > 0 then round(100.0 * x.n / t.top, 1) else 0 end as workload_score
		from volumes x, (select max(n) as top from volumes) t
	),
	totals as (
		select s.*, round(((k.w ->> 'workload')::int * s.workload_score
			+ (k.w ->> 'district_rating')::int * coalesce(s.district_rating, 0)
			+ (k.w ->> 'skill')::int * coalesce(s.skill, 0)
			+ (k.w ->> 'attendance')::int * coalesce(s.attendance, 0)) / 100.0, 2) as total
		from scored s, weights k
	),
	ranked as (select t.*, (rank() over (order by t.total desc))::int as place from totals t)
	select r.id, r.display_name, r.post, r.n, r.workload_score, r.district_rating, r.skill, r.attendance, r.months,
		r.total, r.place, r.place = max(r.place) over () and max(r.place) over () > 1
	from ranked r
$$;

/** The quarterly ranking of one hall the caller may report on; `quarter_start` is any day of a quarter begun. */
create function public.quarterly_ranking(hall_id uuid, quarter_start date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	first_day date;
	last_day date;
begin
	if quarter_start is null or not isfinite(quarter_start)
		or date_trunc('quarter', quarter_start)::date > app.hall_day(now()) then
		-- The caller's checks come first: a colleague learns nothing from a bad quarter either.
		perform app.report_scope(jsonb_build_array(hall_id), app.hall_day(now()), app.hall_day(now()));
		perform app.refuse_report('report_invalid_range', 'A ranking is of a quarter begun, on or before today.',
			'22023');
	end if;
	first_day := date_trunc('quarter', quarter_start)::date;
	last_day := (first_day + interval '3 months - 1 day')::date;
	perform app.report_scope(jsonb_build_array(hall_id), first_day, last_day);
	return (
		with current_quarter as (select * from app.assessment_ranking(hall_id, first_day)),
		previous_last as (
			select p.staff_id from app.assessment_ranking(hall_id, (first_day - interval '3 months')::date) p
			where p.last
		)
		select jsonb_build_object(
			'hall_id', hall_id,
			'hall_name', (select h.name from app.halls h where h.id = quarterly_ranking.hall_id),
			'quarter_start', first_day,
			'quarter_end', last_day,
			'complete', last_day < app.hall_day(now()),
			'weights', app.assessment_weights_of(hall_id),
			'top_workload', coalesce((select max(c.workload_total) from current_quarter c), 0),
			'generated_at', now(),
			'staff', coalesce((select jsonb_agg(jsonb_build_object('staff_id', c.staff_id, 'name', c.name,
					'post', c.post, 'workload_total', c.workload_total, 'workload_score', c.workload_score,
					'district_rating', c.district_rating, 'skill', c.skill, 'attendance', c.attendance,
					'reviewed_months', c.reviewed_months, 'total', c.total, 'rank', c.rank, 'last', c.last,
					'again', c.last and c.staff_id in (select p.staff_id from previous_last p))
				order by c.rank, c.name, c.staff_id)
				from current_quarter c), '[]')
		)
	);
end;
$$;
comment on function public.quarterly_ranking(uuid, date) is
	'A hall''s quarterly staff ranking (季度考): workload score, review averages, weighted total, rank, last flagged.';

revoke execute on function public.quarterly_ranking(uuid, date) from public, anon;
grant execute on function public.quarterly_ranking(uuid, date) to authenticated;
