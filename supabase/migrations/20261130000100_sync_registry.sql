-- The sync registry: each synced area's migration registers its tables and op types here, and sync_push /
-- sync_pull read the registry instead of naming areas. Replaces the hand-edited dispatch points of
-- 20261126000100_sync_core.sql (app.dispatch_op's CASE, app.versions_since, app.changes_since).
--
-- A new area's migration calls, after creating its tables and writing functions:
--   select app.register_synced_table('area', 'table_name');
--   select app.register_op_type('area', 'area_item.verb', 'app.op_area_item_verb(jsonb)',
--                               required => array[...], optional => array[...]);
-- Both check what sync relies on and refuse a table or function that would break it.

-- ─── Registry tables ──────────────────────────────────────────────────────────────────────────────────────────

create table app.synced_tables (
	table_name text primary key,
	area text not null
);
comment on table app.synced_tables is
	'Tables of schema app whose rows devices pull (sync_pull), registered by each area''s migration.';

create table app.op_types (
	op_type text primary key constraint op_types_name check (op_type ~ '^[a-z][a-z_]*\.[a-z][a-z_]*$'),
	area text not null,
	handler regprocedure not null,
	-- The payload's fields: a device's op with a field outside these, or without a required one, is rejected
	-- before the handler runs. The client's payload schemas must say the same (schema agreement test).
	required_fields text[] not null,
	optional_fields text[] not null default '{}',
	constraint op_types_fields_disjoint check (not (required_fields && optional_fields))
);
comment on table app.op_types is
	'Op types sync_push accepts, each with its writing function and payload fields; registered per area.';

alter table app.synced_tables enable row level security;
alter table app.op_types enable row level security;
-- sync_push / sync_pull run as the caller (security invoker) and read the registry; it holds no hall data.
grant select on app.synced_tables, app.op_types to authenticated;
create policy "Staff can read which tables are synced"
	on app.synced_tables for select to authenticated using (true);
create policy "Staff can read which op types exist"
	on app.op_types for select to authenticated using (true);

-- ─── Registering ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Registers a table of schema app for sync_pull. Refuses a table that sync cannot serve correctly: it needs
 * id uuid, hall_id uuid and version bigint (all not null), row-level security, the version trigger
 * (app.stamp_version) and an index leading with (hall_id, version) for the pull's range scans.
 */
create function app.register_synced_table(area text, table_name text)
returns void
language plpgsql
set search_path = ''
as $$
declare
	relation regclass := to_regclass(format('app.%I', table_name));
	problem text;
begin
	if relation is null then
		raise exception 'register_synced_table: app.% does not exist', table_name;
	end if;
	select string_agg(format('%s %s', needed.column_name, needed.column_type), ', ') into problem
	from (values ('id', 'uuid'), ('hall_id', 'uuid'), ('version', 'bigint')) needed (column_name, column_type)
	where not exists (
		select 1 from pg_attribute a
		where a.attrelid = relation and a.attname = needed.column_name and not a.attisdropped
			and a.attnotnull and format_type(a.atttypid, a.atttypmod) = needed.column_type);
	if problem is not null then
		raise exception 'register_synced_table: app.% needs not-null columns %', table_name, problem;
	end if;
	if not (select c.relrowsecurity from pg_class c where c.oid = relation) then
		raise exception 'register_synced_table: app.% needs row level security enabled', table_name;
	end if;
	if not exists (
		select 1 from pg_trigger t where t.tgrelid = relation and t.tgfoid = 'app.stamp_version()'::regprocedure
	) then
		raise exception 'register_synced_table: app.% needs a before insert or update trigger calling '
			'app.stamp_version()', table_name;
	end if;
	if not exists (
		select 1 from pg_index i
		where i.indrelid = relation and i.indnkeyatts >= 2
			and (select array_agg(a.attname order by k.ordinality)
				from unnest(i.indkey[0:1]) with ordinality k (attnum, ordinality)
				join pg_attribute a on a.attrelid = relation and a.attnum = k.attnum) = array['hall_id', 'version']::name[]
	) then
		raise exception 'register_synced_table: app.% needs an index on (hall_id, version, …)', table_name;
	end if;
	insert into app.synced_tables (table_name, area) values (register_synced_table.table_name, area);
end;
$$;

/**
 * Registers an op type: sync_push runs `handler(payload jsonb) returns void` for it, as the caller. Refuses a
 * handler of another shape, or one the authenticated role cannot execute (the op would fail on every device).
 */
create function app.register_op_type(
	area text,
	op_type text,
	handler regprocedure,
	required text[],
	optional text[] default '{}'
)
returns void
language plpgsql
set search_path = ''
as $$
begin
	if not exists (
		select 1 from pg_proc p
		where p.oid = handler and p.pronargs = 1 and p.proargtypes[0] = 'jsonb'::regtype
			and p.prorettype = 'void'::regtype
	) then
		raise exception 'register_op_type: % must take one jsonb argument and return void', handler;
	end if;
	if not has_function_privilege('authenticated', handler, 'execute') then
		raise exception 'register_op_type: authenticated cannot execute %', handler;
	end if;
	if not 'id' = any (required) then
		raise exception 'register_op_type: % must require an id field (the row it creates or changes)', op_type;
	end if;
	insert into app.op_types (op_type, area, handler, required_fields, optional_fields)
	values (register_op_type.op_type, area, handler, required, optional);
end;
$$;

-- ─── Dispatch ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Runs one op's writing function, after checking its payload's fields against the registration. */
create or replace function app.dispatch_op(op_type text, payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
declare
	registered app.op_types;
	unknown_fields text;
	missing_fields text;
begin
	select o.* into registered from app.op_types o where o.op_type = dispatch_op.op_type;
	if registered.op_type is null then
		perform app.reject('unknown_op_type', format('This server does not know the op type %L.', op_type));
	end if;
	if jsonb_typeof(payload) is distinct from 'object' then
		perform app.reject('validation', 'The op payload must be a JSON object.');
	end if;
	select string_agg(k, ', ' order by k) into unknown_fields
	from jsonb_object_keys(payload) k
	where not k = any (registered.required_fields || registered.optional_fields);
	if unknown_fields is not null then
		perform app.reject('validation', format('%s does not take the field(s) %s.', op_type, unknown_fields));
	end if;
	select string_agg(f, ', ' order by f) into missing_fields
	from unnest(registered.required_fields) f
	where not payload ? f;
	if missing_fields is not null then
		perform app.reject('validation', format('%s needs the field(s) %s.', op_type, missing_fields));
	end if;
	execute format('select %s($1)', registered.handler::regproc) using payload;
end;
$$;

-- ─── Pull ─────────────────────────────────────────────────────────────────────────────────────────────────────

drop function public.sync_pull(bigint, int);
drop function app.changes_since(uuid, bigint, bigint);
drop function app.versions_since(uuid, bigint, int);

/**
 * The next `max_rows` changed rows of a hall after a position in the order (version, table_name, id), from every
 * registered table. `after_table` null means "after the whole of after_version".
 */
create function app.changes_after(hall uuid, after_version bigint, after_table text, after_id uuid, max_rows int)
returns table (table_name text, version bigint, id uuid, row_json jsonb)
language plpgsql
stable
set search_path = ''
as $$
declare
	synced record;
	branches text[] := '{}';
	condition text;
begin
	for synced in select s.table_name from app.synced_tables s order by s.table_name loop
		-- Each table's rows after the position, as one index range on (hall_id, version[, id]).
		condition := case
			when after_table is null or synced.table_name < after_table then 'r.version > $2'
			when synced.table_name > after_table then 'r.version >= $2'
			else '(r.version, r.id) > ($2, $4)'
		end;
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
comment on function app.changes_after(uuid, bigint, text, uuid, int) is
	'Up to max_rows changed rows of a hall after a pull position, in (version, table, id) order.';

/**
 * A page of the caller's hall's changes after `cursor`, oldest version first, tombstones included; at most
 * max_rows rows. The cursor is opaque to devices: `<version>` once a version is complete, or
 * `<version>/<table>/<id>` when a page ends inside a version (one transaction may change more rows than a page
 * holds). Read through RLS (security invoker), in one snapshot (STABLE), so a page, its cursor and has_more agree.
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
	limits record;
	position text[];
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
	select * into limits from app.sync_limits();
	position := regexp_match(coalesce(cursor, ''),
		'^(\d{1,18})(?:/([a-z][a-z0-9_]{0,62})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))?$');
	if position is null then
		raise exception using errcode = '22023', message = 'cursor must be "0" or a cursor returned by sync_pull';
	end if;
	after_version := position[1]::bigint;
	after_table := position[2];
	after_id := position[3]::uuid;
	if max_rows is null or max_rows < 1 or max_rows > limits.max_pull_rows then
		raise exception using errcode = '22023',
			message = format('max_rows must be between 1 and %s', limits.max_pull_rows);
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
			from app.changes_after(caller.hall_id, after_version, after_table, after_id, max_rows + 1) a) p;
	new_cursor := case
		when last_version is null then cursor -- nothing changed since
		when next_version = last_version then format('%s/%s/%s', last_version, last_table, last_id)
		else last_version::text
	end;
	return jsonb_build_object(
		'changes', page,
		'cursor', new_cursor,
		'has_more', has_more,
		'epoch', caller.scope_epoch
	);
end;
$$;
comment on function public.sync_pull(text, int) is
	'The caller''s hall''s synced rows changed after cursor, oldest version first, at most max_rows per page.';

grant execute on function app.changes_after(uuid, bigint, text, uuid, int) to authenticated;
grant execute on function public.sync_pull(text, int) to authenticated;
