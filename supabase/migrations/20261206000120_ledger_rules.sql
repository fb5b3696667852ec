-- Per-hall rules of the monthly ledger (docs/REPORTS.md, "Per-hall rules"): a hall's manager sets each rule's
-- points and cap and whether it counts at all; a hall without its own reads app.ledger_default_rules(). The live
-- ledger reads the hall's rules (app.ledger_live, replaced below); a closed month keeps its snapshot, whatever the
-- rules become.
--
-- The set is checked whole (app.ledger_rules_problem): every rule of app.ledger_default_rules() exactly once, of its
-- own kind, no other key or field; points and cap in tenths, a deduction's negative and a bonus's positive, each
-- within LEDGER_RULE_LIMITS, the cap at least one occurrence's points; `enabled` a boolean; the pre-checks bonus's
-- minRate in (0, 1] and minCount a whole number from 1 to 1000. Refusals: the report's, and
--   ledger_rules_invalid  22023  the set, with the problem in the detail.

/** LEDGER_RULE_LIMITS of the client (src/lib/domain/ledger.ts); the integration test compares the two. */
create function app.ledger_rule_limits()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object('pointsMax', 20, 'capMax', 100, 'minCountMax', 1000)
$$;

create table app.ledger_rules (
	hall_id uuid primary key references app.halls (id),
	-- The default rules' array, each with its hall's points, cap and `enabled`.
	rules jsonb not null,
	updated_by uuid not null references app.staff (id),
	updated_by_name text not null,
	updated_at timestamptz not null default now()
);
comment on table app.ledger_rules is
	'A hall''s own ledger rules (points, caps, enabled), checked by app.ledger_rules_problem; else the defaults.';
alter table app.ledger_rules enable row level security;

/** What is wrong with a set of rules, or null. Every cast is guarded: a wrong type is a problem, not an error. */
create function app.ledger_rules_problem(rules jsonb)
returns text
language sql
immutable
set search_path = ''
as $$
	with limits as (
		select (app.ledger_rule_limits() ->> 'pointsMax')::numeric as points_max,
			(app.ledger_rule_limits() ->> 'capMax')::numeric as cap_max,
			(app.ledger_rule_limits() ->> 'minCountMax')::numeric as min_count_max
	),
	elements as (
		select r.rule, case when jsonb_typeof(r.rule) = 'object' then r.rule else '{}' end as fields
		from jsonb_array_elements(case when jsonb_typeof(rules) = 'array' then rules else '[]' end) r (rule)
	),
	given as (
		select e.rule, e.fields ->> 'key' as key, d.rule as default_rule,
			case when jsonb_typeof(e.rule) = 'object'
				then (select array_agg(k order by k) from jsonb_object_keys(e.rule) k) end as keys,
			case when jsonb_typeof(e.fields -> 'points') = 'number' then (e.fields ->> 'points')::numeric end as points,
			case when jsonb_typeof(e.fields -> 'cap') = 'number' then (e.fields ->> 'cap')::numeric end as cap,
			case when jsonb_typeof(e.fields -> 'minRate') = 'number' then (e.fields ->> 'minRate')::numeric end
				as min_rate,
			case when jsonb_typeof(e.fields -> 'minCount') = 'number' then (e.fields ->> 'minCount')::numeric end
				as min_count
		from elements e
		left join jsonb_array_elements(app.ledger_default_rules()) d (rule) on d.rule ->> 'key' = e.fields ->> 'key'
	),
	problems as (
		select 'not an array of rules' as problem where jsonb_typeof(rules) is distinct from 'array'
		union all
		select 'every rule once' where jsonb_typeof(rules) = 'array' and (
			jsonb_array_length(rules) <> jsonb_array_length(app.ledger_default_rules())
			or (select count(distinct g.key) from given g where g.default_rule is not null)
				<> jsonb_array_length(app.ledger_default_rules()))
		union all
		select format('rule %s', coalesce(g.key, '?'))
		from given g, limits l
		where g.default_rule is null
			or g.keys is distinct from (select array_agg(k order by k) from (
				select jsonb_object_keys(g.default_rule) as k union select 'enabled') keys)
			or g.rule ->> 'kind' is distinct from g.default_rule ->> 'kind'
			or jsonb_typeof(g.rule -> 'enabled') is distinct from 'boolean'
			or g.points is null or g.cap is null
			or g.points <> round(g.points, 1) or g.cap <> round(g.cap, 1)
			or (g.rule ->> 'kind' = 'deduction'
				and not (g.points between -l.points_max and -0.1 and g.cap between -l.cap_max and g.points))
			or (g.rule ->> 'kind' = 'bonus'
				and not (g.points between 0.1 and l.points_max and g.cap between g.points and l.cap_max))
			or (g.default_rule ? 'minRate' and (g.min_rate is null or not (g.min_rate > 0 and g.min_rate <= 1)))
			or (g.default_rule ? 'minCount' and (g.min_count is null or g.min_count <> trunc(g.min_count)
				or g.min_count not between 1 and l.min_count_max))
	)
	select min(problem) from problems
$$;

/**
 * The rules a hall's ledger counts: its own, enabled ones, in the defaults' order, or the defaults. Deductions
 * then bonuses, as ledger_compute lists them.
 */
create function app.ledger_rules_of(hall uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
	select coalesce(
		(select coalesce(jsonb_agg(r.rule - 'enabled' order by d.ordinality) filter (where (r.rule ->> 'enabled')::boolean),
				'[]')
			from app.ledger_rules h
			cross join jsonb_array_elements(h.rules) r (rule)
			join jsonb_array_elements(app.ledger_default_rules()) with ordinality d (rule, ordinality)
				on d.rule ->> 'key' = r.rule ->> 'key'
			where h.hall_id = hall
			having count(*) > 0),
		app.ledger_default_rules())
$$;

/** The live ledger (20261206000110) under the hall's rules. */
create or replace function app.ledger_live(hall uuid, first_day date)
returns jsonb
language sql
stable
set search_path = ''
as $$
	with computed as (select app.ledger_compute(hall, first_day, app.ledger_rules_of(hall)) as answer),
	items as (
		select i.* from app.ledger_items i
		where i.hall_id = hall and i.month = first_day and i.removed_at is null
	),
	totals as (
		select (c.answer ->> 'deductions')::numeric
				+ coalesce((select sum(i.points) from items i where i.points < 0), 0) as deductions,
			(c.answer ->> 'bonuses')::numeric
				+ coalesce((select sum(i.points) from items i where i.points > 0), 0) as bonuses,
			(app.ledger_scale() ->> 'base')::numeric as base,
			(app.ledger_scale() ->> 'passMark')::numeric as pass_mark
		from computed c
	),
	scored as (
		select t.*, least(t.base, greatest(0, t.base + t.deductions) + t.bonuses) as score from totals t
	)
	select c.answer || jsonb_build_object(
		'rules', coalesce(c.answer -> 'rules', '[]'),
		'items', coalesce((select jsonb_agg(jsonb_build_object('id', i.id, 'points', i.points, 'note', i.note,
				'by_name', i.created_by_name, 'at', i.created_at) order by i.created_at, i.id) from items i), '[]'),
		'deductions', s.deductions,
		'bonuses', s.bonuses,
		'score', s.score,
		'passes', s.score >= s.pass_mark)
	from computed c, scored s
$$;

/** A hall's rule settings as the editor shows them: every rule with `enabled`, and whose they are. */
create function app.ledger_rule_settings(hall uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
	select jsonb_build_object(
		'hall_id', hall,
		'custom', h.hall_id is not null,
		'rules', coalesce(h.rules, (select jsonb_agg(d.rule || '{"enabled": true}' order by d.ordinality)
			from jsonb_array_elements(app.ledger_default_rules()) with ordinality d (rule, ordinality))),
		'updated_by_name', h.updated_by_name,
		'updated_at', h.updated_at)
	from (select 1) one
	left join app.ledger_rules h on h.hall_id = hall
$$;

/** The ledger rules of a hall the caller may report on. */
create function public.ledger_rules(hall_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	perform app.report_scope(jsonb_build_array(hall_id), app.hall_day(now()), app.hall_day(now()));
	return app.ledger_rule_settings(hall_id);
end;
$$;
comment on function public.ledger_rules(uuid) is 'A hall''s ledger rules (points, caps, enabled) for its managers.';

/**
 * Sets a hall's ledger rules (the whole set, checked), or with null goes back to the defaults. Months already
 * closed keep their snapshots; open months count the new rules at once. Answers the settings.
 */
create function public.set_ledger_rules(hall_id uuid, rules jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	caller app.staff := app.current_staff();
	problem text;
begin
	perform app.report_scope(jsonb_build_array(hall_id), app.hall_day(now()), app.hall_day(now()));
	if rules is null or jsonb_typeof(rules) = 'null' then
		delete from app.ledger_rules r where r.hall_id = set_ledger_rules.hall_id;
		return app.ledger_rule_settings(hall_id);
	end if;
	problem := app.ledger_rules_problem(rules);
	if problem is not null then
		perform app.refuse_report('ledger_rules_invalid', problem, '22023');
	end if;
	insert into app.ledger_rules (hall_id, rules, updated_by, updated_by_name)
	values (hall_id,
		(select jsonb_agg(r.rule order by d.ordinality)
			from jsonb_array_elements(rules) r (rule)
			join jsonb_array_elements(app.ledger_default_rules()) with ordinality d (rule, ordinality)
				on d.rule ->> 'key' = r.rule ->> 'key'),
		caller.id, caller.display_name)
	on conflict on constraint ledger_rules_pkey do update
		set rules = excluded.rules, updated_by = excluded.updated_by, updated_by_name = excluded.updated_by_name,
			updated_at = now();
	return app.ledger_rule_settings(hall_id);
end;
$$;
comment on function public.set_ledger_rules(uuid, jsonb) is
	'Sets a hall''s ledger rules (points, caps, enabled; checked whole), or null for the defaults.';

revoke execute on function app.ledger_rule_limits(), app.ledger_rules_problem(jsonb), app.ledger_rules_of(uuid),
	app.ledger_rule_settings(uuid) from public, anon, authenticated;
revoke execute on function public.ledger_rules(uuid), public.set_ledger_rules(uuid, jsonb) from public, anon;
grant execute on function public.ledger_rules(uuid), public.set_ledger_rules(uuid, jsonb) to authenticated;
