-- The staff directory (docs/VISITS.md, "Staff directory"): what a colleague picker needs to know about the hall's
-- staff, synced read-only to every device of the hall. app.staff itself is not synced: it holds user ids and is
-- the authority on who may do what. A trigger keeps app.staff_directory equal to app.staff for the columns a picker
-- shows; nobody writes the directory through sync (the area registers no op types). Columns mirror
-- src/lib/domain/staff-directory.ts (schema agreement test).
--
-- A staff member moved to another hall: their directory row moves with them (a new version in the new hall). The
-- old hall's devices do not pull it again, so they may keep showing the person until they pull from the start; the
-- server refuses naming them there (owner, companion, steward: "not active in your hall"), so nothing wrong is
-- stored. Moves between halls are rare and made by an administrator.

-- ─── Rules ────────────────────────────────────────────────────────────────────────────────────────────────────

/** STAFF_DIRECTORY_RULES of the client: the area has no limits of its own (nothing is written through sync). */
create function app.staff_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select '{}'::jsonb
$$;
comment on function app.staff_rules() is 'Limits of the staff directory area; none (read-only).';

-- ─── Table ────────────────────────────────────────────────────────────────────────────────────────────────────

create table app.staff_directory (
	id uuid primary key references app.staff (id) on delete cascade,
	hall_id uuid not null references app.halls (id),
	display_name text not null,
	post app.staff_post not null,
	active boolean not null,
	version bigint not null
);
comment on table app.staff_directory is
	'同事名录: each staff member''s name, post and whether active, for colleague pickers. Kept from app.staff by '
	'a trigger; no e-mail, phone or user id.';

create index staff_directory_hall_version_id_idx on app.staff_directory (hall_id, version, id);

create trigger staff_directory_stamp_version
	before insert or update on app.staff_directory
	for each row execute function app.stamp_version();

alter table app.staff_directory enable row level security;
-- Read only: the trigger below (security definer, the owner's rights) is the only writer.
grant select on app.staff_directory to authenticated, app_writer;
create policy "Staff can read their own hall's staff directory"
	on app.staff_directory for select to authenticated, app_writer
	using (hall_id = (select app.current_hall_id()));

-- ─── Kept from app.staff ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Copies a staff row's picker columns into the directory. Security definer: staff rows are written by an
 * administrator (or the seed), whose role need not hold rights on the directory or the hall's version counter.
 * An update that changes none of the columns writes nothing, so devices pull nothing new.
 */
create function app.keep_staff_directory()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	insert into app.staff_directory (id, hall_id, display_name, post, active)
	values (new.id, new.hall_id, new.display_name, new.post, new.active)
	on conflict (id) do update set
		hall_id = excluded.hall_id, display_name = excluded.display_name, post = excluded.post,
		active = excluded.active
	where (app.staff_directory.hall_id, app.staff_directory.display_name, app.staff_directory.post,
			app.staff_directory.active)
		is distinct from (excluded.hall_id, excluded.display_name, excluded.post, excluded.active);
	return new;
end;
$$;
revoke execute on function app.keep_staff_directory() from public;

create trigger staff_are_listed_in_the_directory
	after insert or update of hall_id, display_name, post, active on app.staff
	for each row execute function app.keep_staff_directory();

insert into app.staff_directory (id, hall_id, display_name, post, active)
select s.id, s.hall_id, s.display_name, s.post, s.active from app.staff s;

-- ─── Registration ─────────────────────────────────────────────────────────────────────────────────────────────

grant execute on function app.staff_rules() to app_writer;

-- A synced table with no op types: devices pull it, nothing pushes to it.
select app.register_synced_table('staff', 'staff_directory');
