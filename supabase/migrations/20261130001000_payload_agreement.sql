-- Op payloads read exactly as the client's schemas read them (src/lib/domain/service-record.ts). Found by the fuzz
-- suite (tests/integration/fuzz/), each with a regression test in tests/integration/sync/payload-agreement.test.ts:
-- - ids: the server took any 8-4-4-4-12 hex text, the client's z.uuid() only RFC 9562 UUIDs (version 1-8,
--   variant 10) and the nil and max UUIDs. A record stored under another id was a row every device of the hall
--   counted as unreadable (it failed the row schema) and could not open;
-- - device times: the server also took a time without seconds (10:00Z) and an offset without a colon (+0800),
--   which RFC 3339 and z.iso.datetime({offset: true}) do not;
-- - a note's visible text: `\s` follows the database's locale (Unicode spaces count in some, not in others); it is
--   now a character other than space, tab and line breaks, as on the client, whatever the locale.

/** A UUID as z.uuid() accepts it: RFC 9562 (version 1-8, variant 10), or the nil or max UUID; any case. */
create or replace function app.uuid_field(payload jsonb, field text)
returns uuid
language plpgsql
stable
set search_path = ''
as $$
begin
	if jsonb_typeof(payload -> field) is distinct from 'string' or (payload ->> field) !~*
			('^([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}'
				'|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$') then
		perform app.reject('validation', format('%s must be a UUID.', field));
	end if;
	return (payload ->> field)::uuid;
end;
$$;

/**
 * An RFC 3339 date-time as z.iso.datetime({offset: true}) accepts it (seconds required, an offset as Z or ±hh:mm),
 * within the device window.
 */
create or replace function app.timestamp_field(payload jsonb, field text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
begin
	if jsonb_typeof(payload -> field) is distinct from 'string' or (payload ->> field) !~
			'^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$' then
		perform app.reject('validation', format('%s must be an ISO date-time with seconds and an offset.', field));
	end if;
	return app.check_device_time((payload ->> field)::timestamptz, field);
end;
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
	-- Visible text: something other than spaces, tabs and line breaks, named one by one (not \s, which follows
	-- the locale).
	if kind = 'note' and coalesce(note, '') !~ '[^ \t\r\n]' then
		perform app.reject('validation', 'A note event needs the note''s text.');
	end if;
	perform app.next_version(caller.hall_id);
	target := app.live_service_record(app.uuid_field(payload, 'record_id'));
	if exists (select 1 from app.service_record_events e where e.id = event_id) then
		return; -- the same event sent again under a new op id: the timeline already has it
	end if;
	if (select count(*) from app.service_record_events e where e.record_id = target.id)
			>= app.service_record_limit('eventsPerRecord') then
		perform app.reject('validation', format('A service record holds at most %s events.',
			app.service_record_limit('eventsPerRecord')));
	end if;
	insert into app.service_record_events (id, record_id, hall_id, kind, window_no, note, staff_id, staff_name,
		occurred_at)
	values (event_id, target.id, target.hall_id, kind, window_no, note, caller.id, caller.display_name,
		occurred_at);
end;
$$;
