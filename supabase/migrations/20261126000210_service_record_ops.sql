-- The writing functions of the service_record.* op types, dispatched by sync_push (app.dispatch_op). Each runs
-- as the caller under RLS, takes the hall's version (and with it the hall's write lock) before it reads what it
-- decides on, and rejects with a code of REJECTION_CODES (src/lib/domain/sync-protocol.ts).

/**
 * The live record an op means: a record merged into another is followed to its survivor, so ops queued on a
 * device that had not yet seen the merge land on the merged record. Null when the caller cannot see the id.
 */
create function app.service_record_survivor(record_id uuid)
returns app.service_records
language plpgsql
stable
set search_path = ''
as $$
declare
	found_record app.service_records;
	hops int := 0;
begin
	select r.* into found_record from app.service_records r where r.id = record_id;
	-- Merges point straight at the survivor; the bound only guards against a hand-made cycle.
	while found_record.merged_into is not null and hops < 10 loop
		select r.* into found_record from app.service_records r where r.id = found_record.merged_into;
		hops := hops + 1;
	end loop;
	return found_record;
end;
$$;

create function app.op_service_record_open(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
-- The label qualifies the variables that share a column's name (opening.ticket_no).
<<opening>>
declare
	caller app.staff := app.require_staff();
	record_id uuid := app.uuid_field(payload, 'id');
	ticket_no text := app.text_field(payload, 'ticket_no', 12, false);
	raw_payload text := app.text_field(payload, 'raw_payload', 2000, false);
	category app.business_category := app.enum_field(payload, 'category', null::app.business_category, true);
	special_groups app.special_group[] := app.enum_set_field(payload, 'special_groups', null::app.special_group);
	green_channel boolean := app.boolean_field(payload, 'green_channel');
	opened_at timestamptz := app.timestamp_field(payload, 'opened_at');
	ticket_date date := app.date_field(payload, 'ticket_date');
	existing app.service_records;
begin
	if ticket_no !~ '^[A-Z0-9][A-Z0-9-]{0,11}$' then
		perform app.reject('validation', format(
			'ticket_no %L is not a ticket number (upper-case letters, digits and -, at most 12).', ticket_no));
	end if;
	if ticket_date is null then
		-- The client sends the ticket's date; without one the ticket is from the day it was opened, in the hall.
		select (opened_at at time zone h.time_zone)::date into ticket_date from app.halls h where h.id = caller.hall_id;
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

create function app.union_special_groups(a app.special_group[], b app.special_group[])
returns app.special_group[]
language sql
immutable
set search_path = ''
as $$
	select array(select distinct g from unnest(a || coalesce(b, '{}')) g order by g)
$$;

/** The live record an op on `record_id` changes, or a not_found / conflict rejection. */
create function app.live_service_record(record_id uuid)
returns app.service_records
language plpgsql
set search_path = ''
as $$
declare
	target app.service_records := app.service_record_survivor(record_id);
begin
	if target.id is null then
		perform app.reject('not_found', format('Service record %s does not exist in your hall.', record_id));
	end if;
	if target.deleted_at is not null then
		perform app.reject('conflict', format('Service record %s was deleted.', target.id));
	end if;
	return target;
end;
$$;

create function app.op_service_record_update(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
declare
	caller app.staff := app.require_staff();
	target app.service_records;
begin
	perform app.next_version(caller.hall_id);
	target := app.live_service_record(app.uuid_field(payload, 'id'));
	-- Absent fields stay as they are; present ones win in server order (last writer wins).
	update app.service_records r set
		category = case when payload ? 'category'
			then app.enum_field(payload, 'category', null::app.business_category, true) else r.category end,
		special_groups = case when payload ? 'special_groups'
			then app.enum_set_field(payload, 'special_groups', null::app.special_group) else r.special_groups end,
		green_channel = case when payload ? 'green_channel'
			then app.boolean_field(payload, 'green_channel') else r.green_channel end
	where r.id = target.id;
end;
$$;

create function app.op_service_record_add_event(payload jsonb)
returns void
language plpgsql
set search_path = ''
as $$
declare
	caller app.staff := app.require_staff();
	event_id uuid := app.uuid_field(payload, 'id');
	kind app.service_event_kind := app.enum_field(payload, 'kind', null::app.service_event_kind, false);
	window_no int := app.int_field(payload, 'window_no', 1, 99);
	note text := app.text_field(payload, 'note', 500, true);
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

create function app.op_service_record_delete(payload jsonb)
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
	if target.first_responder_id <> caller.id and caller.post <> 'manager' then
		perform app.reject('forbidden',
			'Only the record''s first responder or a manager of the hall may delete a service record.');
	end if;
	update app.service_records r set deleted_at = now() where r.id = target.id;
end;
$$;

grant execute on function app.service_record_survivor(uuid) to authenticated;
grant execute on function app.union_special_groups(app.special_group[], app.special_group[]) to authenticated;
grant execute on function app.live_service_record(uuid) to authenticated;
grant execute on function app.op_service_record_open(jsonb) to authenticated;
grant execute on function app.op_service_record_update(jsonb) to authenticated;
grant execute on function app.op_service_record_add_event(jsonb) to authenticated;
grant execute on function app.op_service_record_delete(jsonb) to authenticated;
