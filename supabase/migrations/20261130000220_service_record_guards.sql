-- Service records, guarded against a colleague taking over or deleting another's work (docs/SECURITY.md):
-- - opening times are device times within the window (app.timestamp_field), and never before the ticket's own
--   day in the hall: a forged early time can no longer win a merge across days;
-- - deleting a record that holds another staff member's work (their events, or their opening merged into it)
--   needs a manager, whoever its first responder is;
-- - a record holds at most eventsPerRecord events, which bounds what one merge moves;
-- - a note must have visible text (not only spaces, tabs or line breaks), and no text field takes control
--   characters other than tab and line breaks.

create or replace function app.service_records_rules()
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
		'eventsPerRecord', l.events_per_record,
		-- Letters, digits and -, starting with a letter or digit; read the same by JavaScript and PostgreSQL.
		'ticketNoPattern', format('^[A-Z0-9][A-Z0-9-]{0,%s}$', l.ticket_no - 1)
	)
	from (values (12, 2000, 500, 99, 200)) l (ticket_no, raw_payload, note, window_no, events_per_record)
$$;

-- ─── Text ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Text of at most max_length characters without control characters (tab and line breaks aside). */
create or replace function app.text_field(payload jsonb, field text, max_length int, nullable boolean)
returns text
language plpgsql
stable
set search_path = ''
as $$
begin
	if coalesce(jsonb_typeof(payload -> field), 'null') = 'null' then
		if not nullable then
			perform app.reject('validation', format('%s is required.', field));
		end if;
		return null;
	end if;
	if jsonb_typeof(payload -> field) <> 'string' then
		perform app.reject('validation', format('%s must be text.', field));
	end if;
	if char_length(payload ->> field) > max_length then
		perform app.reject('validation', format('%s is longer than %s characters (%s).', field, max_length,
			char_length(payload ->> field)));
	end if;
	if (payload ->> field) ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]' then
		perform app.reject('validation', format('%s contains control characters.', field));
	end if;
	return payload ->> field;
end;
$$;

-- ─── Opening ──────────────────────────────────────────────────────────────────────────────────────────────────

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
	hall_zone text := (select h.time_zone from app.halls h where h.id = caller.hall_id);
	existing app.service_records;
begin
	if not app.is_ticket_no(ticket_no) then
		perform app.reject('validation', format(
			'ticket_no %L is not a ticket number (upper-case letters, digits and -, at most %s).', left(ticket_no, 20),
			app.service_record_limit('ticketNo')));
	end if;
	if ticket_date is null then
		perform app.reject('validation', 'ticket_date is required.');
	end if;
	-- A ticket is printed on its day: it cannot be opened before that day began in the hall.
	if (opened_at at time zone hall_zone)::date < ticket_date then
		perform app.reject('device_time', format('opened_at (%s) is before the ticket''s day %s in the hall.',
			opened_at, ticket_date));
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

-- ─── Events ───────────────────────────────────────────────────────────────────────────────────────────────────

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
	-- \s: spaces, tabs and line breaks alike (btrim would only strip spaces).
	if kind = 'note' and coalesce(note, '') ~ '^\s*$' then
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

-- ─── Deleting ─────────────────────────────────────────────────────────────────────────────────────────────────

create or replace function app.op_service_record_delete(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
declare
	caller app.staff := app.require_staff();
	record_id uuid := app.uuid_field(payload, 'id');
	target app.service_records;
begin
	perform app.next_version(caller.hall_id);
	target := app.service_record_survivor(record_id);
	if target.id is null then
		perform app.reject('not_found', format('Service record %s does not exist in your hall.', record_id));
	end if;
	if target.deleted_at is not null then
		return; -- already gone: deleting twice is the same as once
	end if;
	if caller.post = 'manager' then
		update app.service_records r set deleted_at = now() where r.id = target.id;
		return;
	end if;
	if target.first_responder_id <> caller.id then
		perform app.reject('forbidden',
			'Only the record''s first responder or a manager of the hall may delete a service record.');
	end if;
	-- Someone else's work in it (a step they recorded, or their own opening merged into it) is not the first
	-- responder's to throw away.
	if exists (select 1 from app.service_record_events e where e.record_id = target.id and e.staff_id <> caller.id)
			or exists (select 1 from app.service_records r
				where r.merged_into = target.id and r.first_responder_id <> caller.id) then
		perform app.reject('forbidden',
			'This record holds work by other staff; only a manager of the hall may delete it.');
	end if;
	update app.service_records r set deleted_at = now() where r.id = target.id;
end;
$$;
