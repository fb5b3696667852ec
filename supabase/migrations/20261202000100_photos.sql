-- Photos (docs/PATROL.md, "Photos"): the app's first binary data. The bytes live in Supabase Storage (the private
-- bucket `photos`, objects under `<hall_id>/<owner_kind>/<photo id>.jpg`, Storage RLS so only the hall's staff reach
-- them); the synced table app.photos says which photo belongs to which row. Written only through photo.attach, by
-- any staff member of the hall, for a row of their hall whose kind an owning area registered with
-- app.register_photo_owner. Columns and limits mirror src/lib/domain/photo.ts (schema agreement test).

-- ─── Rules ────────────────────────────────────────────────────────────────────────────────────────────────────

/** PHOTO_RULES of the client. */
create function app.photos_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object(
		-- The bucket's file_size_limit; the device aims at 300 kB.
		'maxBytes', 2097152,
		'maxSide', 1600,
		'perOwner', 12,
		'ownerKindPattern', '^[a-z][a-z_]{0,29}$'
	)
$$;
comment on function app.photos_rules() is 'Limits of photos; PHOTO_RULES on the client.';

-- ─── Owner kinds ──────────────────────────────────────────────────────────────────────────────────────────────

create table app.photo_owners (
	kind text primary key constraint photo_owners_kind_format check (kind ~ (app.photos_rules() ->> 'ownerKindPattern')),
	owner_table regclass not null
);
comment on table app.photo_owners is
	'The kinds of rows photos may belong to, each registered by its area: a photo''s owner_id is a row of owner_table.';
alter table app.photo_owners enable row level security;
grant select on app.photo_owners to app_writer;
create policy "The op functions read the photo owner kinds" on app.photo_owners for select to app_writer using (true);

/**
 * Lets photos belong to rows of `owner_table` under the name `kind` (e.g. 'incident', app.incidents). The table needs
 * not-null `id uuid` and `hall_id uuid`: photo.attach refuses an owner that is not a row of the caller's hall.
 * Registering a kind again points it at the table given.
 */
create function app.register_photo_owner(kind text, owner_table regclass)
returns void
language plpgsql
set search_path = ''
as $$
declare
	missing text;
begin
	select string_agg(wanted.name, ', ') into missing
	from (values ('id'), ('hall_id')) as wanted (name)
	where not exists (
		select 1 from pg_attribute a
		where a.attrelid = owner_table and a.attname = wanted.name and a.atttypid = 'uuid'::regtype
			and a.attnotnull and not a.attisdropped
	);
	if missing is not null then
		raise exception 'register_photo_owner: % needs not-null uuid columns %', owner_table, missing;
	end if;
	insert into app.photo_owners (kind, owner_table) values (kind, owner_table)
	on conflict on constraint photo_owners_pkey do update set owner_table = excluded.owner_table;
end;
$$;
revoke execute on function app.register_photo_owner(text, regclass) from public;

-- ─── Table ────────────────────────────────────────────────────────────────────────────────────────────────────

create table app.photos (
	id uuid primary key,
	hall_id uuid not null references app.halls (id),
	owner_kind text not null references app.photo_owners (kind),
	owner_id uuid not null,
	-- Where the bytes are in the bucket `photos`: the hall's folder first, as the Storage policies require.
	object_path text not null unique
		constraint photos_object_path_format check (object_path = hall_id || '/' || owner_kind || '/' || id || '.jpg'),
	content_type text not null constraint photos_content_type_jpeg check (content_type = 'image/jpeg'),
	bytes int not null constraint photos_bytes_range
		check (bytes between 1 and (app.photos_rules() ->> 'maxBytes')::int),
	width int not null constraint photos_width_range check (width between 1 and (app.photos_rules() ->> 'maxSide')::int),
	height int not null
		constraint photos_height_range check (height between 1 and (app.photos_rules() ->> 'maxSide')::int),
	taken_at timestamptz not null,
	created_by uuid not null references app.staff (id),
	created_by_name text not null,
	version bigint not null
);
comment on table app.photos is
	'A photo of a row of the hall (an incident, a patrol check…): its bytes are the Storage object at object_path.';

create index photos_hall_version_id_idx on app.photos (hall_id, version, id);
create index photos_owner_idx on app.photos (owner_kind, owner_id);

create trigger photos_stamp_version
	before insert or update on app.photos
	for each row execute function app.stamp_version();

alter table app.photos enable row level security;
-- No DELETE: a photo once attached is part of the record it documents (no op changes one yet either).
grant select on app.photos to authenticated;
grant select, insert, update on app.photos to app_writer;

create policy "Staff can read their own hall's photos"
	on app.photos for select to authenticated, app_writer
	using (hall_id = (select app.current_hall_id()));
create policy "Photos are attached in the caller's own hall"
	on app.photos for insert to app_writer
	with check (hall_id = (select app.current_hall_id()));
create policy "Photos stay in the caller's own hall"
	on app.photos for update to app_writer
	using (hall_id = (select app.current_hall_id()))
	with check (hall_id = (select app.current_hall_id()));

-- ─── Op ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** A whole number field that must be there (int_field answers null for a null). */
create function app.required_int_field(payload jsonb, field text, low int, high int)
returns int
language plpgsql
stable
set search_path = ''
as $$
declare
	value int := app.int_field(payload, field, low, high);
begin
	if value is null then
		perform app.reject('validation', format('%s must be a whole number from %s to %s.', field, low, high));
	end if;
	return value;
end;
$$;

create function app.op_photo_attach(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
<<attaching>>
declare
	caller app.staff := app.require_staff();
	rules jsonb := app.photos_rules();
	photo_id uuid := app.uuid_field(payload, 'id');
	owner_kind text := app.pattern_field(payload, 'owner_kind', rules ->> 'ownerKindPattern',
		'an owner kind (a to z and _, starting with a letter, at most 30)', false);
	owner_id uuid := app.uuid_field(payload, 'owner_id');
	bytes int := app.required_int_field(payload, 'bytes', 1, (rules ->> 'maxBytes')::int);
	width int := app.required_int_field(payload, 'width', 1, (rules ->> 'maxSide')::int);
	height int := app.required_int_field(payload, 'height', 1, (rules ->> 'maxSide')::int);
	taken_at timestamptz := app.timestamp_field(payload, 'taken_at');
	owner_table regclass;
	owner_found boolean;
begin
	perform app.next_version(caller.hall_id);
	if exists (select 1 from app.photos p where p.id = photo_id) then
		return; -- attached already (the same photo sent again under a new op id)
	end if;
	select o.owner_table into owner_table from app.photo_owners o where o.kind = attaching.owner_kind;
	if owner_table is null then
		perform app.reject('not_found', format('Photos cannot belong to a %s: no such owner kind.', owner_kind));
	end if;
	execute format('select exists (select 1 from %s where id = $1 and hall_id = $2)', owner_table)
		into owner_found using owner_id, caller.hall_id;
	if not owner_found then
		perform app.reject('not_found', format('The %s %s does not exist in your hall.', owner_kind, owner_id));
	end if;
	if (select count(*) from app.photos p where p.owner_kind = attaching.owner_kind and p.owner_id = attaching.owner_id)
			>= (rules ->> 'perOwner')::int then
		perform app.reject('conflict', format('The %s %s already has %s photos, the most one row may have.',
			owner_kind, owner_id, rules ->> 'perOwner'));
	end if;
	insert into app.photos (id, hall_id, owner_kind, owner_id, object_path, content_type, bytes, width, height,
		taken_at, created_by, created_by_name)
	values (photo_id, caller.hall_id, owner_kind, owner_id,
		caller.hall_id || '/' || owner_kind || '/' || photo_id || '.jpg', 'image/jpeg', bytes, width, height, taken_at,
		caller.id, caller.display_name);
end attaching;
$$;

-- ─── Storage ──────────────────────────────────────────────────────────────────────────────────────────────────

-- The bucket: private (read through the API or a signed URL), 2 MB, JPEG only (the device re-encodes every photo).
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('photos', 'photos', false, 2097152, array['image/jpeg'])
on conflict (id) do update
	set public = excluded.public, file_size_limit = excluded.file_size_limit,
		allowed_mime_types = excluded.allowed_mime_types;

-- A hall's staff reach the objects in their hall's folder, and nothing else; anon has no policy, so nothing.
create policy "Hall staff upload photos into their hall's folder"
	on storage.objects for insert to authenticated
	with check (bucket_id = 'photos' and (storage.foldername(name))[1] = (select app.current_hall_id())::text);
create policy "Hall staff replace photos in their hall's folder"
	on storage.objects for update to authenticated
	using (bucket_id = 'photos' and (storage.foldername(name))[1] = (select app.current_hall_id())::text)
	with check (bucket_id = 'photos' and (storage.foldername(name))[1] = (select app.current_hall_id())::text);
create policy "Hall staff read photos in their hall's folder"
	on storage.objects for select to authenticated
	using (bucket_id = 'photos' and (storage.foldername(name))[1] = (select app.current_hall_id())::text);

-- ─── Registration ─────────────────────────────────────────────────────────────────────────────────────────────

grant execute on function app.photos_rules(), app.required_int_field(jsonb, text, int, int),
	app.op_photo_attach(jsonb) to app_writer;

select app.register_synced_table('photos', 'photos');
select app.register_op_type('photos', 'photo.attach', 'app.op_photo_attach(jsonb)',
	required => array['id', 'owner_kind', 'owner_id', 'bytes', 'width', 'height', 'taken_at']);

-- The first owner kind: a service record (a material, a form) may carry photos too. Patrols and incidents register
-- theirs in their own migrations.
select app.register_photo_owner('service_record', 'app.service_records');
