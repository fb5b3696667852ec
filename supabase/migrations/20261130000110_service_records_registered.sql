-- Service records join the sync registry (20261130000100_sync_registry.sql): their tables and op types are
-- registered instead of being named in sync_core's dispatch points, and their limits and ticket pattern are
-- defined once, in app.service_records_rules(), which the check constraints read (and the writing functions, as
-- restated in 20261130000220_service_record_guards.sql).
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
