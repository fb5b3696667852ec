-- What ties the three areas of docs/PATROL.md together, once all three exist:
-- - an incident's checkpoint is an active or retired checkpoint of the incident's hall, whatever path writes it
--   (the op, or a manager's direct insert): a trigger, so `incident.report` is not restated here;
-- - incidents and patrol checks own photos (`photo.attach` checks the owner row is in the caller's hall).

create function app.incident_checkpoint_in_hall()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	-- As the caller: RLS lets them read their hall's checkpoints, which is all this asks.
	if new.checkpoint_id is not null and not exists (
			select 1 from app.checkpoints c where c.id = new.checkpoint_id and c.hall_id = new.hall_id) then
		perform app.reject('not_found', 'checkpoint_id names no checkpoint of this hall.');
	end if;
	return new;
end;
$$;

create trigger incident_checkpoint_in_hall
	before insert or update of checkpoint_id, hall_id on app.incidents
	for each row execute function app.incident_checkpoint_in_hall();

select app.register_photo_owner('incident', 'app.incidents');
select app.register_photo_owner('patrol_check', 'app.patrol_checks');
