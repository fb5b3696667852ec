-- A device's first pull brings the hall's working set, not its whole history (docs/SYNC.md, "The first pull").
--
-- A hall makes some 150 service records a working day, each with its events, plus pre-checks, patrol checks and
-- incidents: after a few months that is a hundred thousand rows, which a phone signing in would pull, store and
-- index before it can work, and which no screen on a phone needs (the managers' reports read history on the
-- server). So each table may say which of its rows a device starts with: a boolean SQL expression over the row
-- (`r`) and the hall's day (`{today}`), applied only while a device pulls from the very first cursor. Once the
-- device has caught up (has_more false) it pulls every change after its cursor, whatever the row's age: a row it
-- holds that changes later always reaches it, and an old row that changes (an old incident reopened) arrives as
-- a change. A table without a horizon is pulled whole.
--
-- The cursor stays opaque to devices: while a first pull goes on it is prefixed with `f`.

alter table app.synced_tables add column first_pull_keep text;
comment on column app.synced_tables.first_pull_keep is
	'Which rows a first pull brings: a boolean expression over the row r and {today} (the hall day), or null: all.';

/**
 * Sets a registered table's first-pull horizon. The expression is tried at once, so a typo fails the migration
 * instead of every device's first pull.
 */
create function app.set_first_pull_horizon(table_name text, keep text)
returns void
language plpgsql
set search_path = ''
as $$
begin
	if not exists (select 1 from app.synced_tables s where s.table_name = set_first_pull_horizon.table_name) then
		raise exception 'set_first_pull_horizon: app.% is not a synced table', table_name;
	end if;
	execute format('select 1 from app.%I r where %s limit 0', table_name, app.first_pull_condition(keep, current_date));
	update app.synced_tables s set first_pull_keep = keep where s.table_name = set_first_pull_horizon.table_name;
end;
$$;

/** The expression with the hall's day in place of {today}. */
create function app.first_pull_condition(keep text, today date)
returns text
language sql
immutable
set search_path = ''
as $$
	select replace(keep, '{today}', format('%L::date', today))
$$;
grant execute on function app.first_pull_condition(text, date) to authenticated;

-- ─── Pull ─────────────────────────────────────────────────────────────────────────────────────────────────────

drop function public.sync_pull(text, int);
drop function app.changes_after(uuid, bigint, text, uuid, int);

/**
 * The next `max_rows` changed rows of a hall after a position in the order (version, table_name, id), from every
 * registered table; during a first pull, only the rows each table's horizon keeps. `after_table` null means
 * "after the whole of after_version".
 */
create function app.changes_after(hall uuid, after_version bigint, after_table text, after_id uuid, max_rows int,
	first_pull boolean)
returns table (table_name text, version bigint, id uuid, row_json jsonb)
language plpgsql
stable
set search_path = ''
as $$
declare
	synced record;
	branches text[] := '{}';
	condition text;
	-- The hall's day (UTC+8, as app.hall_day and src/lib/domain/hall-time.ts).
	today date := ((now() at time zone 'UTC') + interval '8 hours')::date;
begin
	for synced in select s.table_name, s.first_pull_keep from app.synced_tables s order by s.table_name loop
		-- Each table's rows after the position, as one index range on (hall_id, version[, id]).
		condition := case
			when after_table is null or synced.table_name < after_table then 'r.version > $2'
			when synced.table_name > after_table then 'r.version >= $2'
			else '(r.version, r.id) > ($2, $4)'
		end;
		if first_pull and synced.first_pull_keep is not null then
			condition := format('%s and (%s)', condition, app.first_pull_condition(synced.first_pull_keep, today));
		end if;
		branches := branches || format(
			'(select %L::text, r.version, r.id, to_jsonb(r) from app.%I r where r.hall_id = $1 and %s '
			'order by r.version, r.id limit $5)', synced.table_name, synced.table_name, condition);
	end loop;
	if cardinality(branches) = 0 then
		return;
	end if;
	return query execute array_to_string(branches, ' union all ') || ' order by 2, 1, 3 limit $5'
		using hall, after_version, after_table, after_id, max_rows;
end;
$$;
comment on function app.changes_after(uuid, bigint, text, uuid, int, boolean) is
	'Up to max_rows changed rows of a hall after a pull position, in (version, table, id) order; a first pull '
	'only what the tables'' horizons keep.';
grant execute on function app.changes_after(uuid, bigint, text, uuid, int, boolean) to authenticated;

/**
 * A page of the caller's hall's changes after `cursor`, oldest version first, tombstones included; at most
 * max_rows rows. The cursor is opaque to devices: `<version>` once a version is complete, or
 * `<version>/<table>/<id>` when a page ends inside a version (one transaction may change more rows than a page
 * holds); prefixed with `f` while the first pull (from "0") goes on, which brings only the working set. Read
 * through RLS (security invoker), in one snapshot (STABLE), so a page, its cursor and has_more agree.
 */
create function public.sync_pull(cursor text, max_rows int default 500)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	caller app.staff := app.require_staff();
	position text[];
	first_pull boolean;
	after_version bigint;
	after_table text;
	after_id uuid;
	page jsonb;
	has_more boolean;
	last_version bigint;
	last_table text;
	last_id uuid;
	next_version bigint;
	new_cursor text;
begin
	position := regexp_match(coalesce(cursor, ''),
		'^(f?)(\d{1,18})(?:/([a-z][a-z0-9_]{0,62})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))?$');
	if position is null then
		raise exception using errcode = '22023', message = 'cursor must be "0" or a cursor returned by sync_pull';
	end if;
	first_pull := position[1] = 'f' or cursor = '0';
	after_version := position[2]::bigint;
	after_table := position[3];
	after_id := position[4]::uuid;
	if max_rows is null or max_rows < 1 or max_rows > app.sync_limit('maxPullRows') then
		raise exception using errcode = '22023',
			message = format('max_rows must be between 1 and %s', app.sync_limit('maxPullRows'));
	end if;

	-- One row more than the page: it tells whether there is more, and whether the page ends inside a version.
	select
		coalesce(jsonb_agg(jsonb_build_object('table', p.table_name, 'row', p.row_json) order by p.n)
			filter (where p.n <= max_rows), '[]'::jsonb),
		coalesce(max(p.n) > max_rows, false),
		(array_agg(p.version order by p.n desc) filter (where p.n <= max_rows))[1],
		(array_agg(p.table_name order by p.n desc) filter (where p.n <= max_rows))[1],
		(array_agg(p.id order by p.n desc) filter (where p.n <= max_rows))[1],
		max(p.version) filter (where p.n > max_rows)
		into page, has_more, last_version, last_table, last_id, next_version
		from (select a.*, row_number() over (order by a.version, a.table_name, a.id) as n
			from app.changes_after(caller.hall_id, after_version, after_table, after_id, max_rows + 1, first_pull) a) p;
	new_cursor := case
		when last_version is null then cursor -- nothing changed since
		when next_version = last_version then format('%s/%s/%s', last_version, last_table, last_id)
		else last_version::text
	end;
	-- A first pull ends when it has caught up: from then on every change after the cursor comes, whatever its age.
	if first_pull and has_more then
		new_cursor := 'f' || new_cursor;
	elsif not has_more then
		new_cursor := ltrim(new_cursor, 'f');
	end if;
	return jsonb_build_object('changes', page, 'cursor', new_cursor, 'has_more', has_more, 'epoch', caller.scope_epoch);
end;
$$;
comment on function public.sync_pull(text, int) is
	'The caller''s hall''s synced rows changed after cursor, oldest version first, at most max_rows per page; the '
	'first pull only the working set.';
grant execute on function public.sync_pull(text, int) to authenticated;

-- ─── The horizons ─────────────────────────────────────────────────────────────────────────────────────────────
-- What a device's screens read. Catalog, checkpoints, plans, limits, staff, enterprises and photos: whole.

-- The tickets list is today's; a record stays reachable from the week's pre-checks and timelines.
select app.set_first_pull_horizon('service_records', 'r.ticket_date >= {today} - 7');
select app.set_first_pull_horizon('service_record_events', 'exists (select 1 from app.service_records p '
	'where p.id = r.record_id and p.ticket_date >= {today} - 7)');

-- A notice's applicant may come back for months: open pre-checks of the last 180 days, the rest of the last 30.
select app.set_first_pull_horizon('prechecks', 'r.created_at >= {today} - 30 '
	'or (r.status = ''open'' and r.created_at >= {today} - 180)');
select app.set_first_pull_horizon('precheck_rounds', 'exists (select 1 from app.prechecks p where p.id = r.precheck_id '
	'and (p.created_at >= {today} - 30 or (p.status = ''open'' and p.created_at >= {today} - 180)))');
select app.set_first_pull_horizon('precheck_applicants', 'exists (select 1 from app.prechecks p where p.id = r.id '
	'and (p.created_at >= {today} - 30 or (p.status = ''open'' and p.created_at >= {today} - 180)))');

-- "Same as last time" and the managers' log read the last days of rounds.
select app.set_first_pull_horizon('patrol_rounds', 'r.day >= {today} - 7');
select app.set_first_pull_horizon('patrol_checks', 'exists (select 1 from app.patrol_rounds p '
	'where p.id = r.round_id and p.day >= {today} - 7)');

-- The board: every incident not closed, and what was reported or closed in the last 30 days.
select app.set_first_pull_horizon('incidents', 'r.status <> ''closed'' or r.reported_at >= {today} - 30 '
	'or r.closed_at >= {today} - 30');
select app.set_first_pull_horizon('incident_events', 'exists (select 1 from app.incidents p '
	'where p.id = r.incident_id and (p.status <> ''closed'' or p.reported_at >= {today} - 30 '
	'or p.closed_at >= {today} - 30))');
select app.set_first_pull_horizon('incident_complainants', 'exists (select 1 from app.incidents p '
	'where p.id = r.id and (p.status <> ''closed'' or p.reported_at >= {today} - 30 '
	'or p.closed_at >= {today} - 30))');

-- An enterprise's history page and its visit plan: a year of visits; follow-ups still open, whatever their age.
select app.set_first_pull_horizon('visits', 'r.check_in_at >= {today} - 365');
select app.set_first_pull_horizon('follow_ups', 'r.status in (''open'', ''in_progress'') '
	'or r.opened_at >= {today} - 365');
select app.set_first_pull_horizon('follow_up_events', 'exists (select 1 from app.follow_ups p '
	'where p.id = r.follow_up_id and (p.status in (''open'', ''in_progress'') or p.opened_at >= {today} - 365))');
