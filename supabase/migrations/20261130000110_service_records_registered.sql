-- Service records join the sync registry (20261130000100_sync_registry.sql): their tables and op types are
-- registered instead of being named in sync_core's dispatch points, and their limits and ticket pattern are
-- defined once, in app.service_records_rules(), which the check constraints and the writing functions read.
-- The client's SERVICE_RECORD_RULES (src/lib/domain/service-record.ts) must be equal; a test compares them.

-- ─── Rules ────────────────────────────────────────────────────────────────────────────────────────────────────

create function app.service_records_rules()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object(
		'ticketNo', l.ticket_no,
		'rawPayload', l.raw_payload,
		'note', l.note,
		'windowNo', l.window_no,
		-- Letters, digits and -, starting with a letter or digit; read the same by JavaScript and PostgreSQL.
		'ticketNoPattern', format('^[A-Z0-9][A-Z0-9-]{0,%s}$', l.ticket_no - 1)
	)
	from (values (12, 2000, 500, 99)) l (ticket_no, raw_payload, note, window_no)
$$;
comment on function app.service_records_rules() is
	'Limits and the ticket pattern of service records; SERVICE_RECORD_RULES on the client.';

create function app.service_record_limit(rule text)
returns int
language sql
immutable
set search_path = ''
as $$
	select (app.service_records_rules() ->> rule)::int
$$;

create function app.is_ticket_no(value text)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select value ~ (app.service_records_rules() ->> 'ticketNoPattern')
$$;

alter table app.service_records
	drop constraint service_records_ticket_no_format,
	add constraint service_records_ticket_no_format check (app.is_ticket_no(ticket_no)),
	drop constraint service_records_raw_payload_length,
	add constraint service_records_raw_payload_length
		check (char_length(raw_payload) <= app.service_record_limit('rawPayload'));

alter table app.service_record_events
	drop constraint service_record_events_window_no_range,
	add constraint service_record_events_window_no_range
		check (window_no between 1 and app.service_record_limit('windowNo')),
	drop constraint service_record_events_note_length,
	add constraint service_record_events_note_length
		check (char_length(note) <= app.service_record_limit('note'));

-- ─── Writing functions that read the rules ────────────────────────────────────────────────────────────────────

create or replace function app.op_service_record_open(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
-- The label qualifies the variables that share a column's name (opening.ticket_no).
<<opening>>
declare
	caller app.staff := app.require_staff();
	record_id uuid := app.uuid_field(payload, 'id');
	ticket_no text := app.text_field(payload, 'ticket_no', app.service_record_limit('ticketNo'), false);
	raw_payload text := app.text_field(payload, 'raw_payload', app.service_record_limit('rawPayload'), false);
	category app.business_category := app.enum_field(payload, 'category', null::app.business_category, true);
	special_groups app.special_group[] := app.enum_set_field(payload, 'special_groups', null::app.special_group);
	green_channel boolean := app.boolean_field(payload, 'green_channel');
	opened_at timestamptz := app.timestamp_field(payload, 'opened_at');
	ticket_date date := app.date_field(payload, 'ticket_date');
	existing app.service_records;
begin
	if not app.is_ticket_no(ticket_no) then
		perform app.reject('validation', format(
			'ticket_no %L is not a ticket number (upper-case letters, digits and -, at most %s).', ticket_no,
			app.service_record_limit('ticketNo')));
	end if;
	if ticket_date is null then
		perform app.reject('validation', 'ticket_date is required.');
	end if;
	-- The hall's write lock, taken before looking for the ticket: two opens of one ticket cannot both miss it.
	perform app.next_version(caller.hall_id);

	if exists (select 1 from app.service_records r where r.id = record_id) then
		return; -- the same record opened again (a device re-sent its open under a new op id): nothing to do
	end if;

	select r.* into existing from app.service_records r
	where r.hall_id = caller.hall_id and r.ticket_date = opening.ticket_date
		and r.ticket_no = opening.ticket_no and r.deleted_at is null
	for update;

	if existing.id is null or (opened_at, record_id) < (existing.opened_at, existing.id) then
		-- A new ticket, or an earlier opening of a ticket that already has a record: this record survives.
		if existing.id is not null then
			-- Tombstone the later one first (one live record per ticket), then point it and anything merged into
			-- it at the survivor, and move its timeline over.
			update app.service_records r set deleted_at = now() where r.id = existing.id;
		end if;
		insert into app.service_records (id, hall_id, ticket_date, ticket_no, raw_payload, category, special_groups,
			green_channel, first_responder_id, first_responder_name, opened_at)
		values (record_id, caller.hall_id, ticket_date, ticket_no, raw_payload,
			coalesce(category, existing.category),
			app.union_special_groups(special_groups, existing.special_groups),
			green_channel or coalesce(existing.green_channel, false),
			caller.id, caller.display_name, opened_at);
		if existing.id is not null then
			update app.service_records r set merged_into = record_id
			where r.id = existing.id or r.merged_into = existing.id;
			update app.service_record_events e set record_id = opening.record_id
			where e.record_id = existing.id;
		end if;
	else
		-- A later opening of a ticket that already has a record: born as a tombstone pointing at the survivor,
		-- whose blank fields it fills. Either arrival order ends in the same record.
		insert into app.service_records (id, hall_id, ticket_date, ticket_no, raw_payload, category, special_groups,
			green_channel, first_responder_id, first_responder_name, opened_at, deleted_at, merged_into)
		values (record_id, caller.hall_id, ticket_date, ticket_no, raw_payload, category, special_groups,
			green_channel, caller.id, caller.display_name, opened_at, now(), existing.id);
		update app.service_records r set
			category = coalesce(r.category, opening.category),
			special_groups = app.union_special_groups(r.special_groups, opening.special_groups),
			green_channel = r.green_channel or opening.green_channel
		where r.id = existing.id;
	end if;
end opening;
$$;

create or replace function app.op_service_record_add_event(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
declare
	caller app.staff := app.require_staff();
	event_id uuid := app.uuid_field(payload, 'id');
	kind app.service_event_kind := app.enum_field(payload, 'kind', null::app.service_event_kind, false);
	window_no int := app.int_field(payload, 'window_no', 1, app.service_record_limit('windowNo'));
	note text := app.text_field(payload, 'note', app.service_record_limit('note'), true);
	occurred_at timestamptz := app.timestamp_field(payload, 'occurred_at');
	target app.service_records;
begin
	if kind = 'guide_to_window' and window_no is null then
		perform app.reject('validation', 'guide_to_window needs window_no.');
	end if;
	if kind = 'note' and coalesce(btrim(note), '') = '' then
		perform app.reject('validation', 'A note event needs the note''s text.');
	end if;
	perform app.next_version(caller.hall_id);
	target := app.live_service_record(app.uuid_field(payload, 'record_id'));
	if exists (select 1 from app.service_record_events e where e.id = event_id) then
		return; -- the same event sent again under a new op id: the timeline already has it
	end if;
	insert into app.service_record_events (id, record_id, hall_id, kind, window_no, note, staff_id, staff_name,
		occurred_at)
	values (event_id, target.id, target.hall_id, kind, window_no, note, caller.id, caller.display_name,
		occurred_at);
end;
$$;

-- ─── Registration ─────────────────────────────────────────────────────────────────────────────────────────────

-- Pages are ordered by (version, table, id) and may end inside a version: the index serves that order.
create index service_records_hall_version_id_idx on app.service_records (hall_id, version, id);
create index service_record_events_hall_version_id_idx on app.service_record_events (hall_id, version, id);
drop index app.service_records_hall_version_idx;
drop index app.service_record_events_hall_version_idx;

select app.register_synced_table('service_records', 'service_records');
select app.register_synced_table('service_records', 'service_record_events');

select app.register_op_type('service_records', 'service_record.open', 'app.op_service_record_open(jsonb)',
	required => array['id', 'ticket_no', 'ticket_date', 'raw_payload', 'category', 'special_groups',
		'green_channel', 'opened_at']);
select app.register_op_type('service_records', 'service_record.update', 'app.op_service_record_update(jsonb)',
	required => array['id'], optional => array['category', 'special_groups', 'green_channel']);
select app.register_op_type('service_records', 'service_record.add_event',
	'app.op_service_record_add_event(jsonb)',
	required => array['id', 'record_id', 'kind', 'window_no', 'note', 'occurred_at']);
select app.register_op_type('service_records', 'service_record.delete', 'app.op_service_record_delete(jsonb)',
	required => array['id']);

grant execute on function app.service_records_rules() to authenticated;
grant execute on function app.service_record_limit(text) to authenticated;
grant execute on function app.is_ticket_no(text) to authenticated;
