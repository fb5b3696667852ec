-- Closing the monthly ledger (docs/REPORTS.md, "The monthly ledger", "Closing a month"): a manager closes a month
-- that has ended, and from then on the ledger of that month is the snapshot taken at closing, whatever rows arrive
-- later, whatever rules or items change. Changing it needs a reopening, which names its reason and is recorded in
-- an append-only history with every closing.
--
-- Who: as the ledger (app.report_scope): an active manager of the hall, or of its district center. Refusals:
--   report_forbidden       42501  not such a manager (nothing else is said);
--   report_invalid_range   22023  a missing, infinite or future month;
--   ledger_month_running   22023  closing a month that has not ended;
--   ledger_reason_missing  22023  reopening without a reason, or one over reasonMax characters;
--   ledger_month_closed    PT409  (HTTP 409) a change to a closed month: closing it again, and (later) its items;
--   ledger_month_open      PT409  (HTTP 409) reopening a month that is not closed.

/** LEDGER_CLOSING_RULES of the client (src/lib/domain/ledger.ts); the integration test compares the two. */
create function app.ledger_closing_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object('reasonMax', 200)
$$;

/** A closed month of a hall: the ledger as it stood at closing. No row: the month is open (computed live). */
create table app.ledger_months (
	hall_id uuid not null references app.halls (id),
	month date not null constraint ledger_months_first_day check (month = date_trunc('month', month)::date),
	snapshot jsonb not null,
	closed_by uuid not null references app.staff (id),
	closed_at timestamptz not null default now(),
	primary key (hall_id, month)
);
comment on table app.ledger_months is
	'Closed months of the ledger: the answer of ledger_month frozen at closing; a reopening deletes the row.';
alter table app.ledger_months enable row level security;

/** Every closing and reopening, never changed or removed. */
create table app.ledger_month_events (
	id bigint generated always as identity primary key,
	hall_id uuid not null references app.halls (id),
	month date not null constraint ledger_month_events_first_day check (month = date_trunc('month', month)::date),
	kind text not null constraint ledger_month_events_kind check (kind in ('close', 'reopen')),
	reason text constraint ledger_month_events_reason check (
		(kind = 'close' and reason is null)
		or (kind = 'reopen' and reason = btrim(reason) and char_length(reason) between 1 and 200)),
	staff_id uuid not null references app.staff (id),
	staff_name text not null,
	occurred_at timestamptz not null default now()
);
comment on table app.ledger_month_events is
	'The append-only history of closing and reopening ledger months (a reopening names its reason).';
alter table app.ledger_month_events enable row level security;
create index ledger_month_events_hall_month_idx on app.ledger_month_events (hall_id, month, id);

/** The history is evidence of who changed a closed ledger: it is only ever added to. */
create function app.ledger_month_events_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	raise exception using errcode = '42501', message = 'ledger_history_append_only',
		detail = 'The ledger''s closing history is never changed or removed.';
end;
$$;
create trigger ledger_month_events_append_only
	before update or delete on app.ledger_month_events
	for each row execute function app.ledger_month_events_append_only();
create trigger ledger_month_events_no_truncate
	before truncate on app.ledger_month_events
	for each statement execute function app.ledger_month_events_append_only();

/**
 * The live ledger of a hall's month (nothing frozen): the one place that says which rules and items count, so
 * ledger_month and close_ledger_month compute the same thing.
 */
create function app.ledger_live(hall uuid, first_day date)
returns jsonb
language sql
stable
set search_path = ''
as $$
	select app.ledger_compute(hall, first_day, app.ledger_default_rules())
$$;

/** Refuses any change to a closed month: its ledger is the snapshot until a recorded reopening. */
create function app.ledger_require_open(hall uuid, first_day date)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
	if exists (select 1 from app.ledger_months m where m.hall_id = hall and m.month = first_day) then
		perform app.refuse_report('ledger_month_closed',
			'This month of the ledger is closed: reopen it (with the reason) to change it.', 'PT409');
	end if;
end;
$$;

/**
 * The answer of ledger_month for a checked hall and month: the snapshot of a closed month or the live ledger,
 * with `closed` (when and by whom, or null) and the month's history of closings and reopenings.
 */
create function app.ledger_answer(hall uuid, first_day date)
returns jsonb
language sql
stable
set search_path = ''
as $$
	select coalesce(m.snapshot, app.ledger_live(hall, first_day)) || jsonb_build_object(
		'closed', case when m.hall_id is null then null else jsonb_build_object('at', m.closed_at,
			'by_name', (select s.display_name from app.staff s where s.id = m.closed_by)) end,
		'events', coalesce((select jsonb_agg(jsonb_build_object('kind', e.kind, 'at', e.occurred_at,
				'by_name', e.staff_name, 'reason', e.reason) order by e.id)
			from app.ledger_month_events e where e.hall_id = hall and e.month = first_day), '[]'::jsonb))
	from (select 1) one
	left join app.ledger_months m on m.hall_id = hall and m.month = first_day
$$;

/**
 * The checked first day of `month` of `hall_id` for the caller, or a refusal: the caller's checks first (a
 * colleague learns nothing from a bad month either), then a month begun.
 */
create function app.ledger_checked_month(hall_id uuid, month date)
returns date
language plpgsql
stable
set search_path = ''
as $$
declare
	first_day date;
begin
	if month is null or not isfinite(month) or date_trunc('month', month)::date > app.hall_day(now()) then
		perform app.report_scope(jsonb_build_array(hall_id), app.hall_day(now()), app.hall_day(now()));
		perform app.refuse_report('report_invalid_range', 'A ledger is of a month begun, on or before today.',
			'22023');
	end if;
	first_day := date_trunc('month', month)::date;
	perform app.report_scope(jsonb_build_array(hall_id), first_day, (first_day + interval '1 month - 1 day')::date);
	return first_day;
end;
$$;

/** The month's ledger of one hall the caller may report on: frozen once closed (20261204000200 computed it live). */
create or replace function public.ledger_month(hall_id uuid, month date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return app.ledger_answer(hall_id, app.ledger_checked_month(hall_id, month));
end;
$$;

/** Closes a month that has ended: its ledger is frozen as it stands now. Answers the ledger as ledger_month does. */
create function public.close_ledger_month(hall_id uuid, month date)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	caller app.staff := app.current_staff();
	first_day date := app.ledger_checked_month(hall_id, month);
begin
	if first_day + interval '1 month' > app.hall_day(now()) then
		perform app.refuse_report('ledger_month_running', 'A month is closed once it has ended.', '22023');
	end if;
	-- One closing at a time per month: the second of two at once waits here, then finds the month closed.
	perform pg_advisory_xact_lock(hashtextextended('ledger_month:' || hall_id || ':' || first_day, 0));
	perform app.ledger_require_open(hall_id, first_day);
	insert into app.ledger_months (hall_id, month, snapshot, closed_by)
	values (hall_id, first_day, app.ledger_live(hall_id, first_day), caller.id);
	insert into app.ledger_month_events (hall_id, month, kind, staff_id, staff_name)
	values (hall_id, first_day, 'close', caller.id, caller.display_name);
	return app.ledger_answer(hall_id, first_day);
end;
$$;
comment on function public.close_ledger_month(uuid, date) is
	'Closes a hall''s ended ledger month: ledger_month answers the snapshot taken now until a recorded reopening.';

/** Reopens a closed month, recording why: its ledger is computed live again. Answers the ledger. */
create function public.reopen_ledger_month(hall_id uuid, month date, reason text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	caller app.staff := app.current_staff();
	first_day date := app.ledger_checked_month(hall_id, month);
	why text := nullif(btrim(reason), '');
begin
	if why is null or char_length(why) > (app.ledger_closing_rules() ->> 'reasonMax')::int then
		perform app.refuse_report('ledger_reason_missing',
			format('Reopening a month needs its reason, at most %s characters.',
				app.ledger_closing_rules() ->> 'reasonMax'), '22023');
	end if;
	perform pg_advisory_xact_lock(hashtextextended('ledger_month:' || hall_id || ':' || first_day, 0));
	delete from app.ledger_months m where m.hall_id = reopen_ledger_month.hall_id and m.month = first_day;
	if not found then
		perform app.refuse_report('ledger_month_open', 'This month of the ledger is not closed.', 'PT409');
	end if;
	insert into app.ledger_month_events (hall_id, month, kind, reason, staff_id, staff_name)
	values (hall_id, first_day, 'reopen', why, caller.id, caller.display_name);
	return app.ledger_answer(hall_id, first_day);
end;
$$;
comment on function public.reopen_ledger_month(uuid, date, text) is
	'Reopens a closed ledger month with its reason (recorded); the ledger is computed live again.';

revoke execute on function app.ledger_closing_rules(), app.ledger_live(uuid, date),
	app.ledger_require_open(uuid, date), app.ledger_answer(uuid, date), app.ledger_checked_month(uuid, date),
	app.ledger_month_events_append_only() from public, anon, authenticated;
revoke execute on function public.close_ledger_month(uuid, date), public.reopen_ledger_month(uuid, date, text)
	from public, anon;
grant execute on function public.close_ledger_month(uuid, date), public.reopen_ledger_month(uuid, date, text)
	to authenticated;
