-- Photos on the ledger's manual items (docs/REPORTS.md, "Manual items"): a manager's evidence (a letter of thanks,
-- a complaint's paper) photographed and attached through the photo pipeline (docs/PATROL.md, "Photos") as the
-- owner kind `ledger_item`. The items themselves stay written by RPC (20261206000110); only their photos sync.
--
-- photo.attach already refuses an owner that is not a row of the caller's hall (not_found). Here:
-- - app_writer (sync_push) reads the caller's hall's items only when the caller is a manager of it, as the ledger is
--   theirs: anyone else's attach finds no owner (not_found, saying nothing of whether the item exists);
-- - a trigger on app.photos refuses a photo of an item whose month is closed (its snapshot is the ledger, photo
--   counts included) or that was removed, as a conflict the device shows with its reason;
-- - the live ledger lists each item's photo count, so the closing snapshot keeps it and a center's manager sees a
--   station's counts (the photos themselves are the station's, in its Storage folder).

grant select on app.ledger_items to app_writer;
create policy "A hall's managers' ops read the hall's ledger items"
	on app.ledger_items for select to app_writer
	using (hall_id = (select app.current_hall_id()) and (select (app.current_staff()).post) = 'manager');

-- The trigger below asks whether the item's month is closed, as the caller; only that hall's rows.
grant select on app.ledger_months to app_writer;
create policy "A hall's managers' ops see which of the hall's ledger months are closed"
	on app.ledger_months for select to app_writer
	using (hall_id = (select app.current_hall_id()) and (select (app.current_staff()).post) = 'manager');

select app.register_photo_owner('ledger_item', 'app.ledger_items');

/** A photo of a manual item: the item not removed, its month open. Waits for a closing under way (its lock). */
create function app.ledger_item_photo_allowed()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
	item app.ledger_items;
begin
	if new.owner_kind <> 'ledger_item' then
		return new;
	end if;
	-- As the caller: photo.attach found the item already, so the policy above lets them read it.
	select i.* into item from app.ledger_items i where i.id = new.owner_id;
	if item.id is null then
		perform app.reject('not_found', 'owner_id names no ledger item of your hall.');
	end if;
	if item.removed_at is not null then
		perform app.reject('conflict', 'This ledger item was removed: it takes no more photos.');
	end if;
	-- The lock close_ledger_month and the items' functions take: a photo and a closing never cross.
	perform pg_advisory_xact_lock(hashtextextended('ledger_month:' || item.hall_id || ':' || item.month, 0));
	if exists (select 1 from app.ledger_months m where m.hall_id = item.hall_id and m.month = item.month) then
		perform app.reject('conflict', 'This ledger month is closed: reopen it (with the reason) to add photos.');
	end if;
	return new;
end;
$$;
revoke execute on function app.ledger_item_photo_allowed() from public, anon, authenticated;

create trigger photos_ledger_item_allowed
	before insert or update of owner_kind, owner_id on app.photos
	for each row execute function app.ledger_item_photo_allowed();

/** The live ledger (20261206000120), each item with its number of photos. */
create or replace function app.ledger_live(hall uuid, first_day date)
returns jsonb
language sql
stable
set search_path = ''
as $$
	with computed as (select app.ledger_compute(hall, first_day, app.ledger_rules_of(hall)) as answer),
	items as (
		select i.* from app.ledger_items i
		where i.hall_id = hall and i.month = first_day and i.removed_at is null
	),
	totals as (
		select (c.answer ->> 'deductions')::numeric
				+ coalesce((select sum(i.points) from items i where i.points < 0), 0) as deductions,
			(c.answer ->> 'bonuses')::numeric
				+ coalesce((select sum(i.points) from items i where i.points > 0), 0) as bonuses,
			(app.ledger_scale() ->> 'base')::numeric as base,
			(app.ledger_scale() ->> 'passMark')::numeric as pass_mark
		from computed c
	),
	scored as (
		select t.*, least(t.base, greatest(0, t.base + t.deductions) + t.bonuses) as score from totals t
	)
	select c.answer || jsonb_build_object(
		'rules', coalesce(c.answer -> 'rules', '[]'),
		'items', coalesce((select jsonb_agg(jsonb_build_object('id', i.id, 'points', i.points, 'note', i.note,
				'by_name', i.created_by_name, 'at', i.created_at,
				'photos', (select count(*) from app.photos p where p.owner_kind = 'ledger_item' and p.owner_id = i.id))
				order by i.created_at, i.id) from items i), '[]'),
		'deductions', s.deductions,
		'bonuses', s.bonuses,
		'score', s.score,
		'passes', s.score >= s.pass_mark)
	from computed c, scored s
$$;
