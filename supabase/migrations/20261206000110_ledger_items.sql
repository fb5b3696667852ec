-- Manual items of the monthly ledger (docs/REPORTS.md, "Manual items"): a manager adds a deduction or a bonus the
-- data cannot show (a commendation letter, a complaint made by telephone to the purchaser), with its points and a
-- note that is its evidence, to an open month; it counts in the score with the rules'. A mistaken item is removed
-- (kept, marked removed, so the record of what was once entered stays). A closed month refuses both, here in the
-- functions and again by a trigger on the table (ledger_month_closed, PT409): its snapshot is what counts.
-- Photos are not taken yet (they would come through the synced photo pipeline as a ledger_item owner).
--
-- Refusals: the report's (report_forbidden, report_invalid_range), ledger_month_closed, and
--   ledger_item_invalid  22023  points not a multiple of 0.1 within ±pointsMax (not 0), a missing note or one over
--                               noteMax. Removing an item that does not exist is report_forbidden, as a foreign one.

/** LEDGER_ITEM_RULES of the client (src/lib/domain/ledger.ts); the integration test compares the two. */
create function app.ledger_item_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object('pointsMax', 20, 'noteMax', 200)
$$;

create table app.ledger_items (
	id uuid primary key default gen_random_uuid(),
	hall_id uuid not null references app.halls (id),
	month date not null constraint ledger_items_first_day check (month = date_trunc('month', month)::date),
	-- Negative: a deduction; positive: a bonus; tenths at most.
	points numeric(3, 1) not null constraint ledger_items_points check (points <> 0 and abs(points) <= 20),
	note text not null constraint ledger_items_note check (note = btrim(note) and char_length(note) between 1 and 200),
	created_by uuid not null references app.staff (id),
	created_by_name text not null,
	created_at timestamptz not null default now(),
	removed_by uuid references app.staff (id),
	removed_at timestamptz,
	constraint ledger_items_removed_together check ((removed_by is null) = (removed_at is null))
);
comment on table app.ledger_items is
	'Manager-entered deductions and bonuses of a hall''s ledger month, each with its note (the evidence).';
alter table app.ledger_items enable row level security;
create index ledger_items_hall_month_idx on app.ledger_items (hall_id, month, created_at);

/** Whatever writes the table, a closed month's items do not change: its snapshot is the ledger. */
create function app.ledger_items_month_open()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if tg_op in ('UPDATE', 'DELETE') then
		perform app.ledger_require_open(old.hall_id, old.month);
	end if;
	if tg_op in ('INSERT', 'UPDATE') then
		perform app.ledger_require_open(new.hall_id, new.month);
		return new;
	end if;
	return old;
end;
$$;
create trigger ledger_items_month_open
	before insert or update or delete on app.ledger_items
	for each row execute function app.ledger_items_month_open();

/**
 * The live ledger (20261206000100): the rules' computation, then the month's manual items (not removed) added to
 * the deductions or the bonuses they are, and the score and pass taken again as ledger_compute takes them.
 */
create or replace function app.ledger_live(hall uuid, first_day date)
returns jsonb
language sql
stable
set search_path = ''
as $$
	with computed as (select app.ledger_compute(hall, first_day, app.ledger_default_rules()) as answer),
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
		'items', coalesce((select jsonb_agg(jsonb_build_object('id', i.id, 'points', i.points, 'note', i.note,
				'by_name', i.created_by_name, 'at', i.created_at) order by i.created_at, i.id) from items i), '[]'),
		'deductions', s.deductions,
		'bonuses', s.bonuses,
		'score', s.score,
		'passes', s.score >= s.pass_mark)
	from computed c, scored s
$$;

/** Adds a manual item to an open month of a hall the caller manages. Answers the ledger as ledger_month does. */
create function public.add_ledger_item(hall_id uuid, month date, points numeric, note text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	caller app.staff := app.current_staff();
	first_day date := app.ledger_checked_month(hall_id, month);
	text_ text := btrim(note);
begin
	if points is null or points = 0 or abs(points) > (app.ledger_item_rules() ->> 'pointsMax')::numeric
		or points <> round(points, 1) or text_ is null or text_ = ''
		or char_length(text_) > (app.ledger_item_rules() ->> 'noteMax')::int then
		perform app.refuse_report('ledger_item_invalid',
			format('An item needs points of tenths from -%1$s to %1$s (not 0) and a note of at most %2$s characters.',
				app.ledger_item_rules() ->> 'pointsMax', app.ledger_item_rules() ->> 'noteMax'), '22023');
	end if;
	perform pg_advisory_xact_lock(hashtextextended('ledger_month:' || hall_id || ':' || first_day, 0));
	perform app.ledger_require_open(hall_id, first_day);
	insert into app.ledger_items (hall_id, month, points, note, created_by, created_by_name)
	values (hall_id, first_day, points, text_, caller.id, caller.display_name);
	return app.ledger_answer(hall_id, first_day);
end;
$$;
comment on function public.add_ledger_item(uuid, date, numeric, text) is
	'Adds a manager''s deduction or bonus, with its note, to an open ledger month of a hall.';

/** Removes a manual item of an open month (kept, marked removed). Answers the ledger of its month. */
create function public.remove_ledger_item(item_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	caller app.staff := app.current_staff();
	item app.ledger_items;
begin
	select i.* into item from app.ledger_items i where i.id = item_id;
	-- No such item is refused as one of a hall the caller may not manage: neither says whether it exists.
	if item.id is null then
		perform app.refuse_report('report_forbidden', 'No item of a hall you manage.', '42501');
	end if;
	-- The item's hall and month are checked as a ledger_month of them would be.
	perform app.ledger_checked_month(item.hall_id, item.month);
	perform pg_advisory_xact_lock(hashtextextended('ledger_month:' || item.hall_id || ':' || item.month, 0));
	perform app.ledger_require_open(item.hall_id, item.month);
	update app.ledger_items i set removed_by = caller.id, removed_at = now()
	where i.id = item.id and i.removed_at is null;
	return app.ledger_answer(item.hall_id, item.month);
end;
$$;
comment on function public.remove_ledger_item(uuid) is
	'Removes a manual item from an open ledger month (the row stays, marked removed).';

revoke execute on function app.ledger_item_rules(), app.ledger_items_month_open() from public, anon, authenticated;
revoke execute on function public.add_ledger_item(uuid, date, numeric, text), public.remove_ledger_item(uuid)
	from public, anon;
grant execute on function public.add_ledger_item(uuid, date, numeric, text), public.remove_ledger_item(uuid)
	to authenticated;
