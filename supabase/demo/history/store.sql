-- Part of supabase/demo/history.sql (docs/HISTORY.md): writing the run into the app's tables.

-- ─── Storing ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Writes the run's rows into the app's tables (parents first; a row whose id or unique key is already taken is
 * skipped, and so are its children) and lists them in demo.generated. Returns the rows written per table.
 */
create or replace function demo.store()
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
	counts jsonb := '{}';
	n int;
begin
	with written as (
		insert into app.service_records (id, hall_id, ticket_date, ticket_no, raw_payload, category, special_groups,
			green_channel, first_responder_id, first_responder_name, opened_at)
		select id, hall_id, day, ticket_no, raw_payload, category, special_groups, green_channel, first_responder_id,
			first_responder_name, opened_at
		from g_sr order by hall_id, opened_at
		on conflict do nothing returning id, hall_id, ticket_date
	)
	insert into demo.generated select 'service_records', id, hall_id, ticket_date from written;
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('service_records', n);

	with written as (
		insert into app.service_record_events (id, record_id, hall_id, kind, window_no, note, staff_id, staff_name,
			occurred_at)
		select e.id, e.record_id, e.hall_id, e.kind, e.window_no, e.note, e.staff_id, e.staff_name, e.occurred_at
		from g_sre e where exists (select 1 from app.service_records r where r.id = e.record_id)
		order by e.hall_id, e.occurred_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'service_record_events', w.id, e.hall_id, e.day from written w join g_sre e using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('service_record_events', n);

	with written as (
		insert into app.prechecks (id, hall_id, item_id, item_version_id, record_id, situation_key, answers, language,
			status, notice_no, public_token, staff_id, staff_name, staff_post, created_at, completed_at)
		select p.id, p.hall_id, p.item_id, p.item_version_id, p.record_id, p.situation_key, p.answers, p.language,
			p.status, p.notice_no,
			case when p.notice_no is not null then
				translate(rtrim(encode(decode(md5('hall-assist-demo/token/' || p.k), 'hex'), 'base64'), '='), '+/', '-_')
			end,
			p.staff_id, p.staff_name, p.staff_post, p.created_at, p.completed_at
		from g_pc p
		where p.record_id is null or exists (select 1 from app.service_records r where r.id = p.record_id)
		order by p.hall_id, p.created_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'prechecks', w.id, p.hall_id, p.day from written w join g_pc p using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('prechecks', n);

	with written as (
		insert into app.precheck_rounds (id, precheck_id, hall_id, round_no, marks, result, new_gap_keys,
			broken_promise_reason, promise_staff_id, staff_id, staff_name, checked_at)
		select r.id, r.precheck_id, r.hall_id, r.round_no, r.marks, r.result, r.new_gap_keys, r.broken_promise_reason,
			r.promise_staff_id, r.staff_id, r.staff_name, r.checked_at
		from g_pr r where exists (select 1 from app.prechecks p where p.id = r.precheck_id)
		order by r.hall_id, r.checked_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'precheck_rounds', w.id, r.hall_id, r.day from written w join g_pr r using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('precheck_rounds', n);

	with written as (
		insert into app.precheck_applicants (id, hall_id, staff_id, name, phone)
		select a.id, a.hall_id, a.staff_id, a.name, a.phone
		from g_pa a where exists (select 1 from app.prechecks p where p.id = a.id)
		on conflict do nothing returning id
	)
	insert into demo.generated select 'precheck_applicants', w.id, a.hall_id, a.day from written w join g_pa a using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('precheck_applicants', n);

	with written as (
		insert into app.patrol_rounds (id, hall_id, staff_id, staff_name, day, window_key, started_at, finished_at, comment)
		select id, hall_id, staff_id, staff_name, day, window_key, started_at, finished_at, comment
		from g_round order by hall_id, started_at
		on conflict do nothing returning id, hall_id, day
	)
	insert into demo.generated select 'patrol_rounds', id, hall_id, day from written;
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('patrol_rounds', n);

	with written as (
		insert into app.patrol_checks (id, round_id, hall_id, checkpoint_id, identified_by, list_reason, checked_at,
			results, same_as_last)
		select c.id, c.round_id, c.hall_id, c.checkpoint_id, c.identified_by, c.list_reason, c.checked_at, c.results,
			c.same_as_last
		from g_check c where exists (select 1 from app.patrol_rounds r where r.id = c.round_id)
		order by c.hall_id, c.checked_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'patrol_checks', w.id, c.hall_id, c.day from written w join g_check c using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('patrol_checks', n);

	with written as (
		insert into app.incidents (id, hall_id, category, severity, place, checkpoint_id, description, reporter_id,
			reporter_name, reported_at, status, assignee_id, assignee_name, responded_at, resolved_at, closed_at,
			callback_result, source_check_id)
		select id, hall_id, category, severity, place, checkpoint_id, description, reporter_id, reporter_name,
			reported_at, status, assignee_id, assignee_name, responded_at, resolved_at, closed_at, callback_result,
			source_check_id
		from g_inc order by hall_id, reported_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'incidents', w.id, i.hall_id, i.day from written w join g_inc i using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('incidents', n);

	with written as (
		insert into app.incident_events (id, incident_id, hall_id, kind, from_status, to_status, staff_id, staff_name,
			assignee_id, assignee_name, note, occurred_at)
		select e.id, e.incident_id, e.hall_id, e.kind, e.from_status, e.to_status, e.staff_id, e.staff_name,
			e.assignee_id, e.assignee_name, e.note, e.occurred_at
		from g_inc_ev e where exists (select 1 from app.incidents i where i.id = e.incident_id)
		order by e.hall_id, e.occurred_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'incident_events', w.id, e.hall_id, e.day from written w join g_inc_ev e using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('incident_events', n);

	with written as (
		insert into app.incident_complainants (id, hall_id, reporter_id, name, phone)
		select c.id, c.hall_id, c.reporter_id, c.name, c.phone
		from g_inc_cmp c where exists (select 1 from app.incidents i where i.id = c.id)
		on conflict do nothing returning id
	)
	insert into demo.generated select 'incident_complainants', w.id, c.hall_id, c.day from written w join g_inc_cmp c using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('incident_complainants', n);

	with written as (
		insert into app.visits (id, hall_id, enterprise_id, project_id, kind, staff_id, staff_name, companion_ids, met,
			check_in_at, check_in_geo, check_in_latitude, check_in_longitude, check_in_accuracy_m, check_out_at,
			check_out_geo, check_out_latitude, check_out_longitude, check_out_accuracy_m, summary, saved_at)
		select v.id, v.hall_id, v.enterprise_id, case when v.kind = 'project' then v.project_id end, v.kind, v.staff_id,
			v.staff_name, v.companion_ids, v.met, v.check_in_at, v.geo,
			case when v.geo = 'fix' then v.latitude + v.offset_deg end,
			case when v.geo = 'fix' then v.longitude + v.offset_deg * 0.8 end,
			case when v.geo = 'fix' then 8 + round(40 * demo.rand(v.k || '/accuracy')) end,
			v.check_out_at, case when v.check_out_at is not null then v.geo end,
			case when v.check_out_at is not null and v.geo = 'fix' then v.latitude + v.offset_deg * 0.9 end,
			case when v.check_out_at is not null and v.geo = 'fix' then v.longitude + v.offset_deg * 0.7 end,
			case when v.check_out_at is not null and v.geo = 'fix' then 8 + round(40 * demo.rand(v.k || '/accuracy_out')) end,
			case when v.check_out_at is not null then v.summary end, coalesce(v.check_out_at, v.check_in_at)
		from g_visit v order by v.hall_id, v.check_in_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'visits', w.id, v.hall_id, v.day from written w join g_visit v using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('visits', n);

	with written as (
		insert into app.follow_ups (id, hall_id, enterprise_id, visit_id, demand, owner_id, owner_name, due_on, status,
			opened_by, opened_by_name, opened_at, closed_at, reason)
		select f.id, f.hall_id, f.enterprise_id, f.visit_id, f.demand, f.owner_id, f.owner_name, f.due_on, f.status,
			f.opened_by, f.opened_by_name, f.opened_at, f.closed_at, f.reason
		from g_fu f where exists (select 1 from app.visits v where v.id = f.visit_id)
		order by f.hall_id, f.opened_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'follow_ups', w.id, f.hall_id, f.day from written w join g_fu f using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('follow_ups', n);

	with written as (
		insert into app.follow_up_events (id, hall_id, follow_up_id, kind, from_status, to_status, staff_id, staff_name,
			owner_id, owner_name, due_on, note, occurred_at)
		select e.id, e.hall_id, e.follow_up_id, e.kind, e.from_status, e.to_status, e.staff_id, e.staff_name, e.owner_id,
			e.owner_name, e.due_on, e.note, e.occurred_at
		from g_fu_ev e where exists (select 1 from app.follow_ups f where f.id = e.follow_up_id)
		order by e.hall_id, e.occurred_at
		on conflict do nothing returning id
	)
	insert into demo.generated select 'follow_up_events', w.id, e.hall_id, e.day from written w join g_fu_ev e using (id);
	get diagnostics n = row_count;
	counts := counts || jsonb_build_object('follow_up_events', n);
	return counts;
end;
$$;
