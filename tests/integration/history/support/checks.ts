/**
 * The workflows' rules, restated as queries over generated history: each returns the rows that break its rule
 * (none expected), limited to the halls in $1. Restated from the migrations and src/lib/domain/, not from the
 * generator, so a broken generator shows here.
 */
export const RULE_BREAKERS: Record<string, string> = {
	'a round’s result is what the marks and the version’s materials make it (app.gap_keys)': `
		select r.id from app.precheck_rounds r
		join app.prechecks p on p.id = r.precheck_id
		join app.service_item_versions v on v.id = p.item_version_id
		where r.hall_id = any ($1) and (cardinality(app.gap_keys(r.marks, v.materials)) = 0) <> (r.result = 'complete')`,

	'a return visit marks exactly the last round’s gaps and its new gaps': `
		select r.id from app.precheck_rounds r
		join app.prechecks p on p.id = r.precheck_id
		join app.service_item_versions v on v.id = p.item_version_id
		join app.precheck_rounds prev on prev.precheck_id = r.precheck_id and prev.round_no = r.round_no - 1
		where r.hall_id = any ($1) and (
			(select array_agg(k order by k) from unnest(app.gap_keys(prev.marks, v.materials) || r.new_gap_keys) k)
			is distinct from (select array_agg(m ->> 'material_key' order by m ->> 'material_key')
				from jsonb_array_elements(r.marks) m)
			or exists (select 1 from unnest(r.new_gap_keys) k where k = any (app.gap_keys(prev.marks, v.materials)))
			or (cardinality(r.new_gap_keys) > 0) <> (r.promise_staff_id is not distinct from p.staff_id
				and r.broken_promise_reason is not null))`,

	'a pre-check is complete exactly when its last round is, with a notice exactly when its first is not': `
		select p.id from app.prechecks p
		join lateral (select * from app.precheck_rounds r where r.precheck_id = p.id order by r.round_no desc limit 1) l on true
		join app.precheck_rounds f on f.precheck_id = p.id and f.round_no = 1
		where p.hall_id = any ($1) and ((p.status = 'complete') <> (l.result = 'complete')
			or p.completed_at is distinct from case when l.result = 'complete' then l.checked_at end
			or (p.notice_no is not null) <> (f.result = 'incomplete')
			or p.notice_no !~ ('^' || to_char(app.hall_day(p.created_at), 'YYMMDD') || '-'))`,

	'an incident’s status, assignee and times are what its last lifecycle event left': `
		select i.id from app.incidents i
		join lateral (select * from app.incident_events e where e.incident_id = i.id and e.to_status is not null
			order by e.occurred_at desc limit 1) l on true
		where i.hall_id = any ($1) and (l.to_status <> i.status
			or i.responded_at is distinct from (select min(e.occurred_at) from app.incident_events e
				where e.incident_id = i.id and e.kind in ('assigned', 'started'))
			or i.assignee_id is distinct from (select e.assignee_id from app.incident_events e
				where e.incident_id = i.id and e.kind = 'assigned' order by e.occurred_at desc limit 1)
			or (i.status in ('resolved', 'closed')) <> (i.resolved_at is not null)
			or i.resolved_at <> (select max(e.occurred_at) from app.incident_events e
				where e.incident_id = i.id and e.kind = 'resolved')
			or (i.status = 'closed') <> (i.closed_at is not null))`,

	'each incident event starts from the status the one before left, as incident.act allows, by whom it allows': `
		select e.id from (
			select e.*, lag(e.to_status) over (partition by e.incident_id order by e.occurred_at) as before
			from app.incident_events e where e.hall_id = any ($1) and e.to_status is not null
		) e
		join app.staff s on s.id = e.staff_id
		join app.incidents i on i.id = e.incident_id
		where e.from_status is distinct from e.before
			or (e.kind::text, coalesce(e.from_status::text, '-')) not in (('reported', '-'), ('assigned', 'reported'),
				('assigned', 'assigned'),
				('assigned', 'in_progress'), ('started', 'assigned'), ('resolved', 'assigned'), ('resolved', 'in_progress'),
				('closed', 'resolved'), ('reopened', 'resolved'), ('reopened', 'closed'), ('callback', 'resolved'))
			or (e.kind in ('assigned', 'closed', 'reopened') and s.post <> 'manager')
			or (e.kind in ('started', 'resolved', 'callback') and s.post <> 'manager' and s.id <> i.assignee_id)
			or (e.kind = 'callback' and i.category <> 'complaint')`,

	'a complaint closes only after its callback, and names its complainant': `
		select i.id from app.incidents i
		where i.hall_id = any ($1) and i.category = 'complaint' and ((i.status = 'closed' and i.callback_result is null)
			or not exists (select 1 from app.incident_complainants c where c.id = i.id and c.reporter_id = i.reporter_id))`,

	'a follow-up’s status, owner and dates are what its events left, each step allowed and by whom it allows': `
		select e.id from (
			select e.*, lag(e.to_status) over (partition by e.follow_up_id order by e.occurred_at) as before
			from app.follow_up_events e where e.hall_id = any ($1) and e.kind <> 'note'
		) e
		join app.follow_ups f on f.id = e.follow_up_id
		join app.staff s on s.id = e.staff_id
		where e.from_status is distinct from e.before
			or (e.kind in ('reassigned', 'due_changed') and s.post <> 'manager')
			or (e.kind = 'started' and e.staff_id <> (select x.owner_id from app.follow_up_events x
				where x.follow_up_id = f.id and x.owner_id is not null and x.occurred_at < e.occurred_at
				order by x.occurred_at desc limit 1))
			or f.status <> (select x.to_status from app.follow_up_events x where x.follow_up_id = f.id
				and x.kind <> 'note' order by x.occurred_at desc limit 1)
			or (f.status in ('done', 'cannot_solve')) <> (f.closed_at is not null)
			or f.owner_id <> (select x.owner_id from app.follow_up_events x where x.follow_up_id = f.id
				and x.owner_id is not null order by x.occurred_at desc limit 1)`,

	'a patrol check is of an active checkpoint of the round’s hall, and a round finished short says why': `
		select c.id from app.patrol_checks c
		join app.patrol_rounds r on r.id = c.round_id
		join app.checkpoints k on k.id = c.checkpoint_id
		where r.hall_id = any ($1) and (k.hall_id <> r.hall_id or (k.retired_at is not null and k.retired_at <= c.checked_at)
			or c.checked_at < r.started_at or c.checked_at > coalesce(r.finished_at, now()))
		union all
		select r.id from app.patrol_rounds r
		where r.hall_id = any ($1) and r.finished_at is not null and r.comment is null and exists (
			select 1 from app.checkpoints k where k.hall_id = r.hall_id and k.retired_at is null
				and not exists (select 1 from app.patrol_checks c where c.round_id = r.id and c.checkpoint_id = k.id))`,

	'a record’s timeline opens with a consult or its pre-check, in time order, by staff of its hall': `
		select r.id from app.service_records r
		join lateral (select * from app.service_record_events e where e.record_id = r.id
			order by e.occurred_at, e.id limit 1) f on true
		where r.hall_id = any ($1) and (f.kind not in ('consult', 'precheck') or f.occurred_at < r.opened_at)
		union all
		select e.id from app.service_record_events e join app.staff s on s.id = e.staff_id
		where e.hall_id = any ($1) and s.hall_id <> e.hall_id`,

	'nothing happens after now': `
		select id from app.service_record_events where hall_id = any ($1) and occurred_at > now()
		union all select id from app.precheck_rounds where hall_id = any ($1) and checked_at > now()
		union all select id from app.patrol_checks where hall_id = any ($1) and checked_at > now()
		union all select id from app.incident_events where hall_id = any ($1) and occurred_at > now()
		union all select id from app.follow_up_events where hall_id = any ($1) and occurred_at > now()
		union all select id from app.visits where hall_id = any ($1) and check_in_at > now()`,

	'weekends: no activity but a few appointments': `
		select id from app.service_records where hall_id = any ($1) and not demo.is_workday(ticket_date)
			and ticket_no !~ '^Y'
		union all select id from app.prechecks where hall_id = any ($1) and not demo.is_workday(app.hall_day(created_at))
		union all select id from app.patrol_rounds where hall_id = any ($1) and not demo.is_workday(day)
		union all select id from app.incidents where hall_id = any ($1) and not demo.is_workday(app.hall_day(reported_at))
		union all select id from app.visits where hall_id = any ($1) and not demo.is_workday(app.hall_day(check_in_at))`
};
