-- Part of supabase/demo/history.sql (docs/HISTORY.md): pre-checks, notices and return visits.

-- ─── Pre-checks ───────────────────────────────────────────────────────────────────────────────────────────────

/** The catalog scope of a business category. */
create or replace function demo.scope_of(category text)
returns text
language sql
immutable
parallel safe
as $$
	select case category when 'construction_project' then 'investment_project'
		when 'other_approval' then 'administrative_approval' else category end
$$;

/** The notice code of the tablet each demo staff member numbers notices on, claimed once as a device would. */
create or replace function demo.device_code_of(hall uuid, staff uuid)
returns text
language plpgsql
set search_path = ''
as $$
declare
	device uuid := demo.uuid_of(concat_ws('/', 'device', hall, staff));
	code text;
	next_seq int;
begin
	select d.code into code from app.device_codes d where d.hall_id = hall and d.device_id = device;
	if code is null then
		select coalesce(max(d.seq) + 1, 0) into next_seq from app.device_codes d where d.hall_id = hall;
		code := app.device_code(next_seq);
		insert into app.device_codes (hall_id, device_id, seq, code, claimed_by)
		values (hall, device, next_seq, code, staff);
	end if;
	return code;
end;
$$;

/**
 * g_pc and g_pm: pre-checks on the hall's current catalog versions, from ~20 % of business visitors' records and a
 * few at the desk without a ticket; the situation and answers chosen, the materials that apply (as
 * applicableMaterials of src/lib/domain/precheck-rules.ts) marked: ~60 % complete the first time. g_pm holds each
 * material's mark for the first visit and, should they happen, the return visits (gen_precheck_rounds).
 */
create or replace function demo.gen_prechecks()
returns void
language plpgsql
set search_path = ''
as $$
begin
	drop table if exists g_items;
	create temp table g_items on commit drop as
	select i.hall_id, i.id as item_id, v.id as version_id, v.scope::text as scope, v.name_zh, v.materials,
		v.situations, v.questions,
		(row_number() over (partition by i.hall_id, v.scope order by i.code) - 1)::int as k_scope,
		(count(*) over (partition by i.hall_id, v.scope))::int as n_scope,
		(row_number() over (partition by i.hall_id order by i.code) - 1)::int as k_all,
		(count(*) over (partition by i.hall_id))::int as n_all
	from app.service_items i
	join app.service_item_versions v on v.id = i.current_version_id
	join demo.run r on r.hall_id = i.hall_id
	where i.withdrawn_at is null;

	drop table if exists g_pc;
	create temp table g_pc on commit drop as
	with at_records as (
		select s.hall_id, s.day, s.id as record_id, s.k || '/precheck' as k, s.first_responder_id as staff_id,
			s.opened_at + (2 + 8 * demo.rand(s.k || '/precheck/t')) * interval '1 minute' as created_at,
			s.category::text as category, 'foreigner' = any (s.special_groups) as foreigner
		from g_sr s where s.wants_precheck
	),
	at_desk as (
		select d.hall_id, d.day, null::uuid as record_id, concat_ws('/', d.hall_id, d.day, 'precheck', n) as k,
			null::uuid as staff_id, null::timestamptz as created_at, null::text as category, false as foreigner
		from demo.run_days d join demo.run r using (hall_id)
		cross join generate_series(1, case when r.kind = 'district_center' then 6 else 2 end) n
		where d.workday and demo.rand(concat_ws('/', d.hall_id, d.day, 'precheck', n, 'happens')) < 0.6
	),
	desk_drawn as (
		select a.hall_id, a.day, a.record_id, a.k, f.staff_id,
			demo.at(a.day, demo.arrival_minute(demo.rand(a.k || '/slot'), demo.rand(a.k || '/minute'))) as created_at,
			coalesce(nullif(demo.category_of(r.kind, demo.rand(a.k || '/category')), 'consultation'), 'other_approval')
				as category,
			demo.rand(a.k || '/foreigner') < 0.01 as foreigner
		from at_desk a join demo.run r using (hall_id)
		cross join lateral demo.pick_staff(a.hall_id, 'front', demo.rand(a.k || '/staff')) f
	),
	base as (
		select * from at_records
		union all
		select * from desk_drawn
	),
	picked as (
		select b.*, coalesce(
			(select i.version_id from g_items i where i.hall_id = b.hall_id and i.scope = demo.scope_of(b.category)
				and i.k_scope = floor(demo.rand(b.k || '/item') * i.n_scope)),
			(select i.version_id from g_items i where i.hall_id = b.hall_id
				and i.k_all = floor(demo.rand(b.k || '/item') * i.n_all))) as version_id
		from base b join demo.run r using (hall_id)
		where b.created_at <= r.horizon
	)
	select demo.uuid_of(p.k) as id, p.hall_id, p.day, p.k, p.record_id, i.item_id, i.version_id as item_version_id,
		i.name_zh, i.materials,
		case when jsonb_array_length(i.situations) > 0 then
			i.situations -> floor(demo.rand(p.k || '/situation') * jsonb_array_length(i.situations))::int ->> 'key'
		end as situation_key,
		(select coalesce(jsonb_object_agg(q.value ->> 'key', demo.rand(p.k || '/answer/' || (q.value ->> 'key')) < 0.3),
			'{}'::jsonb) from jsonb_array_elements(i.questions) q) as answers,
		(case when p.foreigner then 'zh_en' else 'zh' end)::app.notice_language as language,
		p.staff_id, s.display_name as staff_name, s.post::text as staff_post, p.created_at,
		demo.rand(p.k || '/first') < 0.6 as complete_first,
		demo.rand(p.k || '/returns') < 0.7 as returns,
		demo.rand(p.k || '/broken') < 0.1 as breaks_promise,
		demo.rand(p.k || '/again') < 0.6 as returns_again,
		demo.at(demo.next_workday(p.day + 1 + floor(5 * demo.rand(p.k || '/r2/day'))::int),
			570 + 420 * demo.rand(p.k || '/r2/minute')) as r2_at,
		null::timestamptz as r3_at,
		null::app.round_result as first_result,
		null::text as notice_no
	from picked p
	join g_items i on i.version_id = p.version_id
	join app.staff s on s.id = p.staff_id;
	update g_pc set r3_at = demo.at(demo.next_workday(r2_at::date + 2 + floor(5 * demo.rand(k || '/r3/day'))::int),
		570 + 420 * demo.rand(k || '/r3/minute'));

	drop table if exists g_pm;
	create temp table g_pm on commit drop as
	with applicable as (
		select p.id as precheck_id, p.k || '/m/' || (m.value ->> 'key') as k, p.k as precheck_k, p.complete_first,
			p.returns, p.breaks_promise, m.ordinality as ord, m.value ->> 'key' as material_key,
			m.value ->> 'requirement' <> 'optional' as required, m.value -> 'rejection_reasons' as own_reasons
		from g_pc p cross join lateral jsonb_array_elements(p.materials) with ordinality m
		where (jsonb_array_length(m.value -> 'situations') = 0
				or (p.situation_key is not null and m.value -> 'situations' ? p.situation_key))
			and (m.value ->> 'requirement' <> 'conditional'
				or p.answers -> (m.value -> 'condition' ->> 'question') = m.value -> 'condition' -> 'answer')
	),
	ranked as (
		select a.*,
			row_number() over (partition by a.precheck_id, a.required order by a.ord) as rank_in_kind,
			count(*) filter (where a.required) over (partition by a.precheck_id) as required_count
		from applicable a
	),
	first_marks as (
		select r.*,
			not r.complete_first and r.required and (r.rank_in_kind = 1 + floor(demo.rand(r.precheck_k || '/primary')
				* r.required_count) or demo.rand(r.k || '/gap') < 0.15) as gap1,
			demo.rand(r.k || '/how') as how
		from ranked r
	),
	with_status as (
		select f.*,
			case when f.gap1 then case when f.how < 0.65 then 'missing' else 'unacceptable' end
				when not f.required and demo.rand(f.k || '/optional') < 0.25 then 'missing'
				else 'present' end as status1,
			-- After a first visit with gaps, a required material it did not name is the broken promise's candidate.
			row_number() over (partition by f.precheck_id, (f.required and not f.gap1) order by f.ord) as fresh_rank,
			count(*) filter (where f.required and not f.gap1) over (partition by f.precheck_id) as fresh_count
		from first_marks f
	)
	select w.precheck_id, w.k, w.ord, w.material_key, w.required, w.status1,
		case when w.status1 = 'unacceptable' then
			case when jsonb_array_length(w.own_reasons) > 0 and demo.rand(w.k || '/own') < 0.4 then 'other'
				else demo.pick_text(array['expired', 'unsigned', 'unclear', 'wrong_version', 'incomplete', 'mismatch'],
					demo.rand(w.k || '/reason')) end end as reason,
		case when w.status1 = 'unacceptable' and jsonb_array_length(w.own_reasons) > 0 and demo.rand(w.k || '/own') < 0.4
			then w.own_reasons ->> floor(demo.rand(w.k || '/own/which') * jsonb_array_length(w.own_reasons))::int
		end as reason_text,
		-- The first return visit marks the open points again; most are brought.
		case when w.gap1 then case when demo.rand(w.k || '/r2') < 0.88 then 'present' else w.status1 end
			when w.breaks_promise and w.required and w.fresh_rank = 1 + floor(demo.rand(w.precheck_id::text || '/fresh')
				* w.fresh_count) then 'missing' end as status2,
		not w.gap1 and w.breaks_promise and w.required
			and w.fresh_rank = 1 + floor(demo.rand(w.precheck_id::text || '/fresh') * w.fresh_count) as new_gap,
		null::text as status3
	from with_status w;
	update g_pm set status3 = case when demo.rand(k || '/r3') < 0.92 then 'present' else status2 end
	where status2 is not null and status2 <> 'present';

	-- The first visit's result, and the notice number of an incomplete one: YYMMDD-<device code>-NN, counted per
	-- device and day as src/lib/local/prechecks/numbering.ts counts.
	update g_pc p set first_result = case when exists (select 1 from g_pm m where m.precheck_id = p.id
		and m.required and m.status1 <> 'present') then 'incomplete' else 'complete' end::app.round_result;
	perform demo.device_code_of(authors.hall_id, authors.staff_id)
	from (select distinct q.hall_id, q.staff_id from g_pc q where q.first_result = 'incomplete'
		order by q.hall_id, q.staff_id) authors;
	update g_pc p set notice_no = numbered.notice_no
	from (
		select q.id, to_char(q.day, 'YYMMDD') || '-' || d.code || '-'
			|| lpad((row_number() over (partition by q.hall_id, q.staff_id, q.day order by q.created_at, q.id))::text,
				2, '0') as notice_no
		from g_pc q
		join app.device_codes d on d.hall_id = q.hall_id
			and d.device_id = demo.uuid_of(concat_ws('/', 'device', q.hall_id, q.staff_id))
		where q.first_result = 'incomplete'
	) numbered
	where numbered.id = p.id;
end;
$$;

/** A round's marks as the client writes them: {material_key, status, reason, reason_text}, reason only when not acceptable. */
create or replace function demo.mark(material_key text, status text, reason text, reason_text text)
returns jsonb
language sql
immutable
parallel safe
as $$
	select jsonb_build_object('material_key', material_key, 'status', status,
		'reason', case when status = 'unacceptable' then reason end,
		'reason_text', case when status = 'unacceptable' and reason = 'other' then reason_text end)
$$;

/**
 * g_pr and g_pa: the rounds of each pre-check and its applicant. ~70 % of notices come back within a few working
 * days; a return marks the open points (the last round's gaps), and ~8 % of returns find a required material the
 * notice did not name: a broken promise (new_gap_keys, the reason, promise_staff_id = the notice's author). A
 * return still short may come back once more. Rounds after the horizon do not happen (the notice stays open).
 * Then each pre-check's status is what precheck.record / precheck.recheck would have left.
 */
create or replace function demo.gen_precheck_rounds()
returns void
language plpgsql
set search_path = ''
as $$
begin
	drop table if exists g_pr;
	create temp table g_pr on commit drop as
	with rounds as (
		select p.id as precheck_id, p.hall_id, p.day, p.k, 1 as round_no, p.created_at as checked_at,
			p.staff_id, p.staff_name
		from g_pc p
		union all
		select p.id, p.hall_id, p.day, p.k, 2, p.r2_at, f.staff_id, f.name
		from g_pc p join demo.run r using (hall_id)
		cross join lateral demo.pick_staff(p.hall_id, 'front', demo.rand(p.k || '/r2/staff')) f
		where p.first_result = 'incomplete' and p.returns and p.r2_at <= r.horizon
		union all
		select p.id, p.hall_id, p.day, p.k, 3, p.r3_at, f.staff_id, f.name
		from g_pc p join demo.run r using (hall_id)
		cross join lateral demo.pick_staff(p.hall_id, 'front', demo.rand(p.k || '/r3/staff')) f
		where p.first_result = 'incomplete' and p.returns and p.returns_again and p.r3_at <= r.horizon
			and exists (select 1 from g_pm m where m.precheck_id = p.id and m.status2 <> 'present')
	),
	marked as (
		select r.*,
			jsonb_agg(demo.mark(m.material_key, case r.round_no when 1 then m.status1 when 2 then m.status2
				else m.status3 end, m.reason, m.reason_text) order by m.ord) as marks,
			bool_or(m.required and case r.round_no when 1 then m.status1 when 2 then m.status2 else m.status3 end
				<> 'present') as has_gaps,
			coalesce(array_agg(m.material_key order by m.ord) filter (where r.round_no = 2 and m.new_gap), '{}')
				as new_gap_keys
		from rounds r
		join g_pm m on m.precheck_id = r.precheck_id
			and case r.round_no when 1 then true when 2 then m.status2 is not null else m.status3 is not null end
		group by r.precheck_id, r.hall_id, r.day, r.k, r.round_no, r.checked_at, r.staff_id, r.staff_name
	)
	select demo.uuid_of(m.k || '/round/' || m.round_no) as id, m.precheck_id, m.hall_id, m.day, m.round_no, m.marks,
		(case when m.has_gaps then 'incomplete' else 'complete' end)::app.round_result as result, m.new_gap_keys,
		case when cardinality(m.new_gap_keys) > 0 then demo.pick_text(array['首次预审时漏告知该材料，已向申请人致歉',
			'窗口审核口径调整，需补充该材料', '申请人情况变化后该材料成为必需', '告知单未写明该材料的具体要求'],
			demo.rand(m.k || '/promise')) end as broken_promise_reason,
		case when cardinality(m.new_gap_keys) > 0 then p.staff_id end as promise_staff_id,
		m.staff_id, m.staff_name, m.checked_at
	from marked m join g_pc p on p.id = m.precheck_id;

	alter table g_pc add column status app.precheck_status, add column completed_at timestamptz,
		add column event_note text;
	update g_pc p set status = last.status, completed_at = last.completed_at,
		event_note = p.name_zh || case when p.first_result = 'complete' then '：材料齐全' else '：一次性告知 ' || p.notice_no end
	from (
		select distinct on (r.precheck_id) r.precheck_id,
			(case when r.result = 'complete' then 'complete' else 'open' end)::app.precheck_status as status,
			case when r.result = 'complete' then r.checked_at end as completed_at
		from g_pr r order by r.precheck_id, r.round_no desc
	) last
	where last.precheck_id = p.id;

	-- The applicant's name and phone are optional: given for ~15 % of pre-checks.
	drop table if exists g_pa;
	create temp table g_pa on commit drop as
	select p.id, p.hall_id, p.day, p.staff_id,
		case when demo.rand(p.k || '/applicant/name') < 0.7 then demo.person_name(p.k || '/applicant') end as name,
		case when demo.rand(p.k || '/applicant/name') >= 0.7 or demo.rand(p.k || '/applicant/phone') < 0.6
			then demo.phone(p.k || '/applicant') end as phone
	from g_pc p
	where demo.rand(p.k || '/applicant') < 0.15;
end;
$$;
