-- The one-time notice's number and the applicant's link (docs/PRECHECK.md "The notice"):
-- - device codes: each device database gets a short code from the server once (public.claim_device_code), so a
--   device numbers its notices YYMMDD-<code>-NN with no network and no two devices of a hall collide;
-- - the applicant's own copy: public.notice_view(token) answers anon (no sign-in) with the notice's open points and
--   how to obtain each, never the applicant's name or phone, and only while the pre-check is open and the link
--   younger than publicLinkDays;
-- - the hall's phone and address, printed on every notice, returned by me().

-- ─── The hall's phone and address ─────────────────────────────────────────────────────────────────────────────

alter table app.halls
	add column phone text constraint halls_phone_format check (app.is_phone(phone)),
	add column address text constraint halls_address_text check (address is null or app.is_visible_text(address, 200));
comment on column app.halls.phone is 'The hall''s public phone number, printed on one-time notices.';
comment on column app.halls.address is 'The hall''s street address, printed on one-time notices.';

create or replace function public.me()
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	-- The not_staff error is app.require_staff()'s, the same one sync_push and sync_pull raise.
	caller app.staff := app.require_staff();
begin
	-- Reads the hall through RLS as the caller: a staff member sees their own hall, nobody else's.
	return (
		select jsonb_build_object(
			'staff_id', caller.id,
			'email', (select auth.jwt()) ->> 'email',
			'display_name', caller.display_name,
			'post', caller.post,
			'hall_id', h.id,
			'hall_name', h.name,
			'ticket_format', h.ticket_format,
			'hall_phone', h.phone,
			'hall_address', h.address
		)
		from app.halls h
		where h.id = caller.hall_id
	);
end;
$$;
comment on function public.me() is
	'The signed-in staff member: name, post and hall, the hall''s ticket format, phone and address.';

-- ─── Device codes ─────────────────────────────────────────────────────────────────────────────────────────────

create table app.device_codes (
	hall_id uuid not null references app.halls (id),
	-- The device database's id (made by the device once, kept until its data is wiped).
	device_id uuid not null,
	-- The hall's n-th code (from 0): codes are handed out in order and never reused.
	seq int not null constraint device_codes_seq_range check (seq between 0 and 1024 + 32768 - 1),
	code text not null constraint device_codes_code_format check (code ~ '^[2-9A-HJ-NP-Z]{2,3}$'),
	-- Who claimed it, for the record; no foreign key, so removing an account never frees (or blocks) a code.
	claimed_by uuid not null,
	claimed_at timestamptz not null default now(),
	primary key (hall_id, device_id),
	constraint device_codes_one_seq_per_hall unique (hall_id, seq),
	constraint device_codes_one_code_per_hall unique (hall_id, code)
);
comment on table app.device_codes is
	'The code each device database of a hall numbers its notices with (YYMMDD-<code>-NN); never reused.';

-- Reached only through public.claim_device_code (security definer): no grants, no policies.
alter table app.device_codes enable row level security;

/**
 * The n-th code of a hall (from 0) over the alphabet of PRECHECK_RULES.deviceCodeAlphabet: two characters for the
 * first 32² = 1,024 devices, three for the next 32³.
 */
create function app.device_code(seq int)
returns text
language sql
immutable
set search_path = ''
as $$
	select case
		when seq < 1024 then substr(a, seq / 32 + 1, 1) || substr(a, seq % 32 + 1, 1)
		else substr(a, (seq - 1024) / 1024 + 1, 1) || substr(a, (seq - 1024) / 32 % 32 + 1, 1)
			|| substr(a, (seq - 1024) % 32 + 1, 1)
	end
	from (select app.prechecks_rules() ->> 'deviceCodeAlphabet' as a) alphabet
$$;

/**
 * The caller's device's code in the caller's hall: the same code every time for the same device and hall
 * (idempotent: a retry after a lost answer gets it again), the hall's next code the first time.
 */
create function public.claim_device_code(p_device_id uuid)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	caller app.staff := app.require_staff();
	claimed text;
	next_seq int;
begin
	if p_device_id is null then
		raise exception using errcode = '22023', message = 'p_device_id must be the device database''s id';
	end if;
	-- One claim per hall at a time: the next number is read and taken under this lock.
	perform pg_advisory_xact_lock(hashtextextended('device_codes/' || caller.hall_id::text, 0));
	select d.code into claimed from app.device_codes d where d.hall_id = caller.hall_id and d.device_id = p_device_id;
	if claimed is not null then
		return claimed;
	end if;
	select coalesce(max(d.seq) + 1, 0) into next_seq from app.device_codes d where d.hall_id = caller.hall_id;
	if next_seq >= 1024 + 32768 then
		raise exception using errcode = 'P0001', message = 'device_codes_exhausted',
			detail = 'This hall has used every device code; ask the administrator.';
	end if;
	insert into app.device_codes (hall_id, device_id, seq, code, claimed_by)
	values (caller.hall_id, p_device_id, next_seq, app.device_code(next_seq), caller.id)
	returning code into claimed;
	return claimed;
end;
$$;
comment on function public.claim_device_code(uuid) is
	'The code a device numbers its notices with in the caller''s hall; the same for the same device, never reused.';

-- ─── The applicant's own copy ─────────────────────────────────────────────────────────────────────────────────

/**
 * An open notice as the applicant's phone shows it, found by its link token alone (no sign-in): the item's
 * version as the notice was made, the open points (the last round's gaps) with how to obtain each, the staff
 * member's name and post, the hall's name and phone. Never the applicant's name or phone, nor anything of another
 * notice. `notice_not_found` when the token is unknown, the pre-check complete, or the link expired.
 */
create function public.notice_view(p_token text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	precheck app.prechecks;
	hall app.halls;
	item_version app.service_item_versions;
	item app.service_items;
	issued_on date;
	expires_on date;
	gaps jsonb;
	last_marks jsonb;
begin
	if p_token is not null and app.is_public_token(p_token) then
		select p.* into precheck from app.prechecks p where p.public_token = p_token;
	end if;
	if precheck.id is not null then
		select h.* into hall from app.halls h where h.id = precheck.hall_id;
		issued_on := (precheck.created_at at time zone hall.time_zone)::date;
		expires_on := issued_on + app.precheck_limit('publicLinkDays');
	end if;
	if precheck.id is null or precheck.status <> 'open' or (now() at time zone hall.time_zone)::date > expires_on then
		raise exception using errcode = 'P0001', message = 'notice_not_found',
			detail = 'No open notice has this link: it may be complete, expired, or mistyped.';
	end if;
	select v.* into item_version from app.service_item_versions v where v.id = precheck.item_version_id;
	select i.* into item from app.service_items i where i.id = precheck.item_id;
	select r.marks into last_marks from app.precheck_rounds r
	where r.precheck_id = precheck.id order by r.round_no desc limit 1;
	-- The open points, in the order the version lists its materials.
	select coalesce(jsonb_agg(jsonb_build_object(
			'material', x.value,
			'status', m.value -> 'status',
			'reason', m.value -> 'reason',
			'reason_text', m.value -> 'reason_text'
		) order by x.ordinality), '[]'::jsonb)
		into gaps
		from jsonb_array_elements(item_version.materials) with ordinality x
		join jsonb_array_elements(last_marks) m on m.value ->> 'material_key' = x.value ->> 'key'
		where m.value ->> 'status' <> 'present' and x.value ->> 'requirement' <> 'optional';
	return jsonb_build_object(
		'notice_no', precheck.notice_no,
		'issued_on', to_char(issued_on, 'YYYY-MM-DD'),
		'hall_name', hall.name,
		'hall_phone', hall.phone,
		'language', precheck.language,
		'item', jsonb_build_object(
			'code', item.code,
			'revision', item_version.revision,
			'name_zh', item_version.name_zh,
			'name_en', item_version.name_en,
			'scope', item_version.scope,
			'legal_days', item_version.legal_days,
			'promised_days', item_version.promised_days,
			'where_to_apply', item_version.where_to_apply,
			'online_url', item_version.online_url,
			'fee', item_version.fee
		),
		'situation', (
			select jsonb_build_object('name_zh', s.value ->> 'name_zh', 'name_en', s.value ->> 'name_en')
			from jsonb_array_elements(item_version.situations) s
			where s.value ->> 'key' = precheck.situation_key
		),
		'gaps', gaps,
		'staff_name', precheck.staff_name,
		'staff_post', precheck.staff_post,
		'expires_on', to_char(expires_on, 'YYYY-MM-DD')
	);
end;
$$;
comment on function public.notice_view(text) is
	'The applicant''s own copy of an open one-time notice, by its link token; no personal data. Callable by anon.';

grant execute on function public.claim_device_code(uuid) to authenticated;
grant execute on function public.notice_view(text) to anon, authenticated;
