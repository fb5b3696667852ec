-- Service records (办事记录): one visitor with one queue ticket on one day in one hall, and the append-only
-- timeline of what happened to them. Columns, enums and limits mirror src/lib/domain/service-record.ts (the
-- client's definition); tests/integration/schema/client-types-match-sql.test.ts keeps the two in step.
-- Written only through the op functions that sync_push dispatches (docs/SYNC.md).

-- ─── Ticket formats ───────────────────────────────────────────────────────────────────────────────────────────

/** True for the formats of src/lib/domain/ticket-format.ts: plain, url with param, json with field. */
create function app.is_ticket_format(format jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select jsonb_typeof(format) = 'object'
		and coalesce(case format ->> 'kind'
			when 'plain' then format - array['kind', 'pattern'] = '{}'::jsonb
			when 'url' then jsonb_typeof(format -> 'param') = 'string'
				and format - array['kind', 'param', 'date_param', 'pattern'] = '{}'::jsonb
			when 'json' then jsonb_typeof(format -> 'field') = 'string'
				and format - array['kind', 'field', 'date_field', 'pattern'] = '{}'::jsonb
		end, false)
		and coalesce(jsonb_typeof(format -> 'pattern'), 'string') = 'string'
		and coalesce(jsonb_typeof(format -> 'date_param'), 'string') = 'string'
		and coalesce(jsonb_typeof(format -> 'date_field'), 'string') = 'string'
$$;

alter table app.halls
	add column ticket_format jsonb not null default '{"kind": "plain"}'::jsonb
	constraint halls_ticket_format_is_known check (app.is_ticket_format(ticket_format));
comment on column app.halls.ticket_format is
	'How the hall''s queue machine encodes a ticket in its QR code (TicketFormat in src/lib/domain/ticket-format.ts).';

-- ─── Tables ───────────────────────────────────────────────────────────────────────────────────────────────────

create type app.business_category as enum (
	'enterprise_setup', 'construction_project', 'cross_province', 'one_thing', 'credit_repair',
	'unified_certificate', 'other_approval', 'consultation'
);
comment on type app.business_category is
	'企业开办, 工程建设项目, 跨省通办, 高效办成一件事, 信用修复, 统一出证, 行政审批(其他), 咨询.';

create type app.special_group as enum ('elderly', 'disabled', 'pregnant', 'foreigner');
comment on type app.special_group is '老年人, 残疾人, 孕妇, 外籍人士.';

create type app.service_event_kind as enum (
	'consult', 'precheck', 'guide_to_window', 'accept', 'notify_pickup', 'picked_up', 'mail', 'note'
);
comment on type app.service_event_kind is '咨询, 预审, 引导至窗口 N, 受理, 通知领取, 已领取, 邮寄, 备注.';

create table app.service_records (
	id uuid primary key,
	hall_id uuid not null references app.halls (id),
	ticket_date date not null,
	ticket_no text not null constraint service_records_ticket_no_format check (ticket_no ~ '^[A-Z0-9][A-Z0-9-]{0,11}$'),
	raw_payload text not null constraint service_records_raw_payload_length check (char_length(raw_payload) <= 2000),
	category app.business_category,
	special_groups app.special_group[] not null default '{}',
	green_channel boolean not null default false,
	first_responder_id uuid not null references app.staff (id),
	-- Denormalized: the name as it was, readable even after the person moved to another hall.
	first_responder_name text not null,
	opened_at timestamptz not null,
	updated_at timestamptz not null default now(),
	deleted_at timestamptz,
	merged_into uuid references app.service_records (id),
	version bigint not null,
	-- The events' (record_id, hall_id) foreign key needs this: an event always lives in its record's hall.
	unique (id, hall_id),
	constraint service_records_merged_only_when_deleted check (merged_into is null or deleted_at is not null)
);
comment on table app.service_records is
	'办事记录: one visitor''s ticket on one day in one hall. Never hard-deleted: deleted_at is a synced tombstone.';
comment on column app.service_records.merged_into is
	'On the tombstone of a record merged into another (the same ticket opened on two devices): the survivor.';

create unique index service_records_one_live_record_per_ticket
	on app.service_records (hall_id, ticket_date, ticket_no) where deleted_at is null;
create index service_records_hall_version_idx on app.service_records (hall_id, version);
create index service_records_merged_into_idx on app.service_records (merged_into) where merged_into is not null;

create table app.service_record_events (
	id uuid primary key,
	record_id uuid not null,
	hall_id uuid not null,
	kind app.service_event_kind not null,
	window_no int constraint service_record_events_window_no_range check (window_no between 1 and 99),
	note text constraint service_record_events_note_length check (char_length(note) <= 500),
	staff_id uuid not null references app.staff (id),
	staff_name text not null,
	occurred_at timestamptz not null,
	version bigint not null,
	foreign key (record_id, hall_id) references app.service_records (id, hall_id),
	constraint service_record_events_window_for_guidance check (kind <> 'guide_to_window' or window_no is not null),
	constraint service_record_events_text_for_notes check (kind <> 'note' or char_length(btrim(note)) > 0)
);
comment on table app.service_record_events is
	'The append-only timeline of a service record: each entry with its staff member and time.';

create index service_record_events_hall_version_idx on app.service_record_events (hall_id, version);
create index service_record_events_record_id_idx on app.service_record_events (record_id);

create function app.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.updated_at := now();
	return new;
end;
$$;

create trigger service_records_touch_updated_at
	before insert or update on app.service_records
	for each row execute function app.touch_updated_at();
create trigger service_records_stamp_version
	before insert or update on app.service_records
	for each row execute function app.stamp_version();
create trigger service_record_events_stamp_version
	before insert or update on app.service_record_events
	for each row execute function app.stamp_version();

alter table app.service_records enable row level security;
alter table app.service_record_events enable row level security;
-- No DELETE: rows are never hard-deleted, a tombstone is an UPDATE.
grant select, insert, update on app.service_records to authenticated;
grant select, insert, update on app.service_record_events to authenticated;

create policy "Staff can read their own hall's service records"
	on app.service_records for select to authenticated
	using (hall_id = (select app.current_hall_id()));
create policy "Staff can open service records in their own hall"
	on app.service_records for insert to authenticated
	with check (hall_id = (select app.current_hall_id()));
create policy "Staff can change service records of their own hall"
	on app.service_records for update to authenticated
	using (hall_id = (select app.current_hall_id()))
	with check (hall_id = (select app.current_hall_id()));

create policy "Staff can read their own hall's service record events"
	on app.service_record_events for select to authenticated
	using (hall_id = (select app.current_hall_id()));
create policy "Staff can add events in their own hall"
	on app.service_record_events for insert to authenticated
	with check (hall_id = (select app.current_hall_id()));
-- Only a merge moves events (to the surviving record); RLS keeps that inside the hall.
create policy "Staff can move events within their own hall"
	on app.service_record_events for update to authenticated
	using (hall_id = (select app.current_hall_id()))
	with check (hall_id = (select app.current_hall_id()));

-- ─── Pull dispatch (see sync_core) ────────────────────────────────────────────────────────────────────────────
-- Each row goes out as to_jsonb of the table row: the columns are exactly those of serviceRecordRow and
-- serviceRecordEventRow, so the shape cannot drift from the table.

create function app.versions_since(hall uuid, since bigint, max_rows int)
returns table (version bigint)
language sql
stable
set search_path = ''
as $$
	select v.version from (
		(select r.version from app.service_records r
		 where r.hall_id = hall and r.version > since order by r.version limit max_rows)
		union all
		(select e.version from app.service_record_events e
		 where e.hall_id = hall and e.version > since order by e.version limit max_rows)
	) v
	order by v.version
	limit max_rows
$$;
comment on function app.versions_since(uuid, bigint, int) is
	'The versions of the next max_rows changed rows of a hall after since, lowest first (one per row).';

create function app.changes_since(hall uuid, since bigint, up_to bigint)
returns table (table_name text, version bigint, row_json jsonb)
language sql
stable
set search_path = ''
as $$
	select 'service_records', r.version, to_jsonb(r)
	from app.service_records r
	where r.hall_id = hall and r.version > since and r.version <= up_to
	union all
	select 'service_record_events', e.version, to_jsonb(e)
	from app.service_record_events e
	where e.hall_id = hall and e.version > since and e.version <= up_to
$$;
comment on function app.changes_since(uuid, bigint, bigint) is
	'Every synced row of a hall with since < version <= up_to, as {table, version, row}.';

grant execute on function app.versions_since(uuid, bigint, int) to authenticated;
grant execute on function app.changes_since(uuid, bigint, bigint) to authenticated;
