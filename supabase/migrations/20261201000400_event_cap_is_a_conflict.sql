-- A full timeline is a state of the record, not a fault of the op: `service_record.add_event` on a record that
-- already holds eventsPerRecord events is refused as `conflict`, not `validation`. `validation` promises that the
-- client's schemas refuse the payload too (the fuzz suite holds the two sides to that), and no payload schema can
-- know how many events a record holds on the server. Found by the fuzz suite, which had filled one record.

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
		perform app.reject('conflict', format('A service record holds at most %s events; this one is full.',
			app.service_record_limit('eventsPerRecord')));
	end if;
	insert into app.service_record_events (id, record_id, hall_id, kind, window_no, note, staff_id, staff_name,
		occurred_at)
	values (event_id, target.id, target.hall_id, kind, window_no, note, caller.id, caller.display_name,
		occurred_at);
end;
$$;
