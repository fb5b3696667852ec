-- sync_push, one call per user at a time. Found by the torture run (docs/TESTING.md): two calls carrying the same
-- ops at once (a request the network delivered twice, or an app killed mid-push that resent its outbox on relaunch
-- while the first call still ran) both missed the op in app.applied_ops, the second waited for the hall's write
-- lock, and its insert into applied_ops then failed on the primary key: the whole call answered 409, and the
-- device set its already applied op aside as refused ("23505"). The definition is sync_bounds' with the lock
-- added; it stays security definer, owned by app_writer.

create or replace function public.sync_push(ops jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
	caller app.staff := app.require_staff();
	started timestamptz := clock_timestamp();
	op jsonb;
	id_of_op text;
	previous jsonb;
	result jsonb;
	results jsonb := '[]'::jsonb;
begin
	-- One call per user at a time: the op lookup below and the applied_ops insert at the end must not interleave
	-- with another call carrying the same op ids (a duplicated delivery, an app relaunched mid-push resending).
	-- Held until commit; a person's calls already queue for their hall's write lock, so this costs no concurrency.
	perform pg_advisory_xact_lock(hashtextextended('sync_push/' || caller.user_id::text, 0));
	if jsonb_typeof(ops) is distinct from 'array' then
		raise exception using errcode = '22023', message = 'ops must be a JSON array of ops';
	end if;
	if jsonb_array_length(ops) > app.sync_limit('maxPushBatch') then
		raise exception using errcode = 'P0001', message = 'batch_too_large',
			detail = format('sync_push takes at most %s ops per call; this call had %s.',
				app.sync_limit('maxPushBatch'), jsonb_array_length(ops)),
			hint = 'Send the outbox in smaller batches.';
	end if;
	for op in select value from jsonb_array_elements(ops) with ordinality order by ordinality loop
		-- Past the time budget, stop: the hall's write lock is held until this call commits. The results say
		-- which ops were done; the device keeps the rest and sends them in its next call.
		if jsonb_array_length(results) > 0
				and clock_timestamp() - started > make_interval(secs => app.sync_limit('pushBudgetMs') / 1000.0) then
			exit;
		end if;
		id_of_op := op ->> 'op_id';
		if jsonb_typeof(op -> 'op_id') is distinct from 'string' or char_length(id_of_op) not between 1 and 100 then
			-- Without an id there is no way to report a result for the op or to recognise its replay.
			raise exception using errcode = '22023', message = 'every op needs an op_id string of 1 to 100 characters',
				detail = left(op::text, 200);
		end if;
		select a.result into previous from app.applied_ops a where a.user_id = caller.user_id and a.op_id = id_of_op;
		if found then
			-- A replay changes nothing. An applied op answers 'duplicate'; a rejected one is rejected the same way.
			results := results || jsonb_build_array(case
				when previous ->> 'status' = 'rejected' then previous
				else jsonb_build_object('op_id', id_of_op, 'status', 'duplicate') end);
			continue;
		end if;
		result := app.apply_op(op, caller.hall_id);
		insert into app.applied_ops (user_id, op_id, result) values (caller.user_id, id_of_op, result);
		results := results || jsonb_build_array(result);
	end loop;
	-- Results older than any op a device may still send (created_at beyond the device window is refused anyway)
	-- are no longer needed for exactly-once; each call clears a few of its caller's.
	delete from app.applied_ops a
	where a.ctid in (
		select old.ctid from app.applied_ops old
		where old.user_id = caller.user_id
			and old.applied_at < now() - make_interval(days => app.sync_limit('maxDeviceTimeAgeDays') + 1)
		limit 100);
	return results;
end;
$$;
