-- DEMO DATA. Key enterprises of the two demo halls (docs/VISITS.md, "Demo data"), marked is_demo, loaded after
-- seed.sql (the halls and staff) into local or fresh development databases only, like seed.sql. Every name,
-- credit code, address, person and phone number is made up; the credit codes are valid (河北区, division 120105) so
-- the check constraint takes them. Visits and follow-ups are placed relative to now() so every traffic light
-- (overdue, due soon, on plan, no plan), an archived enterprise, a running visit, the far and no-position flags,
-- and overdue / due today / closed follow-ups show on whatever day the database is seeded. Versions are stamped by
-- app.stamp_version(), so devices pull these rows like any other change.

/** A hall date `days` after today's (UTC+8), as a milestone's YYYY-MM-DD. */
create function pg_temp.demo_day(days int)
returns text
language sql
stable
as $$
	select to_char(app.hall_day(now()) + days, 'YYYY-MM-DD')
$$;

-- The demo staff by their login (supabase/seed.sql): their staff ids are generated.
create temporary table demo_staff (login text primary key, id uuid, name text);
insert into demo_staff (login, id, name)
select p.login, s.id, s.display_name
from (values
	('intake', 'd0000000-0000-4000-8000-000000000001'::uuid), -- 李娜
	('delivery', 'd0000000-0000-4000-8000-000000000002'), -- 王磊
	('assist', 'd0000000-0000-4000-8000-000000000003'), -- 张敏
	('manager', 'd0000000-0000-4000-8000-000000000004'), -- 刘洋
	('station_assist', 'd0000000-0000-4000-8000-000000000005'), -- 陈静
	('station_manager', 'd0000000-0000-4000-8000-000000000017') -- 林涛
) p (login, user_id)
join app.staff s on s.user_id = p.user_id;

-- ─── Enterprises ──────────────────────────────────────────────────────────────────────────────────────────────

create temporary table demo_enterprises (
	n int primary key, hall_id uuid, name text, credit_code text, street_code text, address text,
	latitude double precision, longitude double precision, industry text, visit_every_days int, created_days_ago int,
	archived_days_ago int
);
insert into demo_enterprises values
	-- 天津市河北区政务服务中心
	(1, 'a0000000-0000-4000-8000-000000000001', '天津海河智造科技有限公司', '91120105MA05H3KT4C', '120105001',
		'天津市河北区光复道街海河东路 18 号', 39.1378, 117.2046, '智能制造', 14, 200, null),
	(2, 'a0000000-0000-4000-8000-000000000001', '天津金钢桥商业管理有限公司', '91120105MA05JX8L12', '120105001',
		'天津市河北区光复道街中山路 6 号', 39.1412, 117.1968, '商业服务', 30, 180, null),
	(3, 'a0000000-0000-4000-8000-000000000001', '天津意风文旅发展有限公司', '91120105MA06A2PQ7F', '120105002',
		'天津市河北区望海楼街博爱道 22 号', 39.1452, 117.2031, '文化旅游', 30, 160, null),
	(4, 'a0000000-0000-4000-8000-000000000001', '天津鸿顺医疗器械有限公司', '91120105MA05KD9R37', '120105003',
		'天津市河北区鸿顺里街新大路 105 号', 39.1668, 117.2011, '医疗器械', 90, 150, null),
	(5, 'a0000000-0000-4000-8000-000000000001', '天津新河生物医药有限公司', '91120105MA06B7NW04', '120105004',
		'天津市河北区新开河街志成道 39 号', 39.1842, 117.1893, '生物医药', 14, 30, null),
	(6, 'a0000000-0000-4000-8000-000000000001', '天津铁东供应链管理有限公司', '91120105MA05LG2U68', '120105005',
		'天津市河北区铁东路街北站东路 12 号', 39.1897, 117.2108, '现代物流', 30, 5, null),
	(7, 'a0000000-0000-4000-8000-000000000001', '天津建昌数字科技有限公司', '91120105MA06C4XE9B', '120105006',
		'天津市河北区建昌道街金钟河大街 77 号', 39.1745, 117.2152, '软件和信息服务', 14, 120, null),
	(8, 'a0000000-0000-4000-8000-000000000001', '天津宁园环境工程有限公司', '91120105MA05MR6T2A', '120105007',
		'天津市河北区宁园街宁园路 9 号', 39.1651, 117.1902, '节能环保', 90, 140, null),
	(9, 'a0000000-0000-4000-8000-000000000001', '天津王串场建设工程有限公司', '91120105MA06D1HJ51', '120105008',
		'天津市河北区王串场街王串场一号路 31 号', 39.1603, 117.2214, '建筑业', 30, 130, null),
	(10, 'a0000000-0000-4000-8000-000000000001', '天津江都汽车销售服务有限公司', '91120105MA05NW3Y8D', '120105009',
		'天津市河北区江都路街江都路 58 号', 39.1552, 117.2268, '汽车销售', null, 110, null),
	(11, 'a0000000-0000-4000-8000-000000000001', '天津月牙河新能源科技有限公司', '91120105MA06E8KF4G', '120105010',
		'天津市河北区月牙河街昆俞路 160 号', 39.1706, 117.2395, '新能源', 30, 100, null),
	(12, 'a0000000-0000-4000-8000-000000000001', '天津北站商贸有限公司', '91120105MA05PQ5C1B', '120105005',
		'天津市河北区铁东路街新大路 2 号', 39.1862, 117.2067, '批发零售', 90, 100, null),
	(13, 'a0000000-0000-4000-8000-000000000001', '天津中山路食品有限公司', '91120105MA06F3LM79', '120105006',
		'天津市河北区建昌道街中山路 210 号', 39.1721, 117.2105, '食品加工', 30, 90, null),
	(14, 'a0000000-0000-4000-8000-000000000001', '天津暖阳热力服务有限公司', '91120105MA05QT7D0T', '120105008',
		'天津市河北区王串场街增产道 45 号', 39.1628, 117.2187, '热力供应', 90, 90, null),
	(15, 'a0000000-0000-4000-8000-000000000001', '天津三岔河口文化传媒有限公司', '91120105MA06G6RX2U', '120105002',
		'天津市河北区望海楼街狮子林大街 15 号', 39.1469, 117.1962, '文化传媒', 14, 80, null),
	(16, 'a0000000-0000-4000-8000-000000000001', '天津金狮电子商务有限公司', '91120105MA05RB4N9A', '120105001',
		'天津市河北区光复道街进步道 8 号', 39.1395, 117.2003, '电子商务', null, 70, null),
	(17, 'a0000000-0000-4000-8000-000000000001', '天津律纬设计咨询有限公司', '91120105MA06H2WU5Y', '120105003',
		'天津市河北区鸿顺里街律纬路 66 号', 39.1631, 117.2042, '工程咨询', 30, 60, null),
	(18, 'a0000000-0000-4000-8000-000000000001', '天津民权门纺织有限公司', '91120105MA05TL8G31', '120105007',
		'天津市河北区宁园街民权门大街 3 号', 39.1689, 117.1938, '纺织服装', null, 300, 20),
	(19, 'a0000000-0000-4000-8000-000000000001', '天津育婴里人力资源服务有限公司', '91120105MA06J5AP65', '120105004',
		'天津市河北区新开河街育婴里 27 号', 39.1798, 117.1951, '人力资源', 90, 50, null),
	(20, 'a0000000-0000-4000-8000-000000000001', '天津昆纬智能装备有限公司', '91120105MA05UC1K8R', '120105009',
		'天津市河北区江都路街昆纬路 120 号', 39.1583, 117.2302, '高端装备', 30, 45, null),
	-- 河北区望海楼街便民服务中心 (望海楼街道)
	(21, 'a0000000-0000-4000-8000-000000000002', '天津望海楼餐饮管理有限公司', '91120105MA06K9EQ4B', '120105002',
		'天津市河北区望海楼街建国道 96 号', 39.1437, 117.2019, '餐饮服务', 30, 120, null),
	(22, 'a0000000-0000-4000-8000-000000000002', '天津建国道酒店管理有限公司', '91120105MA05WF6H2Y', '120105002',
		'天津市河北区望海楼街建国道 120 号', 39.1426, 117.2048, '住宿服务', 90, 20, null),
	(23, 'a0000000-0000-4000-8000-000000000002', '天津海河东岸文创有限公司', '91120105MA06L3TB7P', '120105002',
		'天津市河北区望海楼街海河东路 60 号', 39.1448, 117.1991, '文化创意', 14, 60, null);

/** The demo id of row n of a kind: e1… enterprises, e2… contacts, e3… projects, e4… notes, e5… visits, e6… follow-ups. */
create function pg_temp.demo_id(kind int, n int)
returns uuid
language sql
immutable
as $$
	select format('e%s000000-0000-4000-8000-%s', kind, lpad(n::text, 12, '0'))::uuid
$$;

insert into app.enterprises (id, hall_id, name, credit_code, street_code, address, latitude, longitude, industry,
	visit_every_days, archived_at, created_at, updated_by, updated_by_name, is_demo)
select pg_temp.demo_id(1, e.n), e.hall_id, e.name, e.credit_code, e.street_code, e.address, e.latitude, e.longitude,
	e.industry, e.visit_every_days, now() - make_interval(days => e.archived_days_ago),
	now() - make_interval(days => e.created_days_ago), m.id, m.name, true
from demo_enterprises e
join demo_staff m on m.login = case when e.n <= 20 then 'manager' else 'station_manager' end;

-- ─── Contacts (personal data: made up, numbers from the 13800000000 test range) ────────────────────────────

insert into app.enterprise_contacts (id, hall_id, enterprise_id, name, role, phone, created_by, created_by_name)
select pg_temp.demo_id(2, c.n), e.hall_id, pg_temp.demo_id(1, c.enterprise), c.name, c.role, c.phone, s.id, s.name
from (values
	(1, 1, '赵建国', '总经理', '13800000001'), (2, 1, '钱晓燕', '行政主管', '13800000002'),
	(3, 2, '孙立伟', '运营总监', '13800000003'),
	(4, 3, '周雅琴', '总经理', '13800000004'), (5, 3, '吴海涛', '项目经理', '13800000005'),
	(6, 4, '郑明辉', '质量负责人', '13800000006'),
	(7, 5, '王思远', '董事长', '13800000007'), (8, 5, '冯佳', '注册专员', '13800000008'),
	(9, 6, '陈国栋', '物流经理', '13800000009'),
	(10, 7, '褚云飞', '技术总监', '13800000010'), (11, 7, '卫丽', '人事经理', '13800000011'),
	(12, 8, '蒋文斌', '总工程师', '13800000012'),
	(13, 9, '沈志强', '项目负责人', '13800000013'),
	(14, 10, '韩雪梅', '店总经理', '13800000014'),
	(15, 11, '杨光', '总经理', '13800000015'), (16, 11, '朱敏', '报建专员', '13800000016'),
	(17, 12, '秦大海', '采购经理', '13800000017'),
	(18, 13, '尤春燕', '厂长', '13800000018'),
	(19, 14, '许振华', '安全负责人', '13800000019'),
	(20, 15, '何晓雯', '策划总监', '13800000020'),
	(21, 16, '吕方', '创始人', '13800000021'),
	(22, 17, '施文静', '主任设计师', '13800000022'),
	(23, 18, '张德贵', '原厂长', null),
	(24, 19, '孔令华', '总经理', '13800000024'),
	(25, 20, '曹永刚', '总经理', '13800000025'), (26, 20, '严冬梅', '财务经理', '13800000026'),
	(27, 21, '华晓东', '店长', '13800000027'),
	(28, 22, '金美玲', '总经理', '13800000028'), (29, 22, '魏强', '工程部经理', '13800000029'),
	(30, 23, '陶然', '创始人', '13800000030')
) c (n, enterprise, name, role, phone)
join demo_enterprises e on e.n = c.enterprise
join demo_staff s on s.login = case when c.enterprise <= 20 then 'assist' else 'station_assist' end;

-- ─── Key projects and their milestones ─────────────────────────────────────────────────────────────────────────

insert into app.enterprise_projects (id, hall_id, enterprise_id, name, stage, steward_id, steward_name, milestones)
select pg_temp.demo_id(3, p.n), e.hall_id, pg_temp.demo_id(1, p.enterprise), p.name, p.stage::app.enterprise_project_stage,
	s.id, s.name, p.milestones
from (values
	(1, 1, '智能产线二期扩建项目', 'construction', 'intake', jsonb_build_array(
		jsonb_build_object('key', 'filing', 'label', '立项备案', 'due_on', pg_temp.demo_day(-90), 'done_on', pg_temp.demo_day(-95)),
		jsonb_build_object('key', 'permit', 'label', '取得施工许可', 'due_on', pg_temp.demo_day(-30), 'done_on', pg_temp.demo_day(-21)),
		jsonb_build_object('key', 'topping', 'label', '主体结构封顶', 'due_on', pg_temp.demo_day(40), 'done_on', null),
		jsonb_build_object('key', 'acceptance', 'label', '竣工联合验收', 'due_on', pg_temp.demo_day(150), 'done_on', null))),
	(2, 11, '分布式光伏电站项目', 'approval', 'manager', jsonb_build_array(
		jsonb_build_object('key', 'filing', 'label', '企业投资项目备案', 'due_on', pg_temp.demo_day(-20), 'done_on', pg_temp.demo_day(-24)),
		jsonb_build_object('key', 'grid', 'label', '并网接入方案批复', 'due_on', pg_temp.demo_day(10), 'done_on', null),
		jsonb_build_object('key', 'start', 'label', '开工建设', 'due_on', pg_temp.demo_day(60), 'done_on', null))),
	(3, 20, '智能装备研发中心项目', 'planning', 'assist', jsonb_build_array(
		jsonb_build_object('key', 'site', 'label', '选址论证', 'due_on', pg_temp.demo_day(-5), 'done_on', null),
		jsonb_build_object('key', 'approval', 'label', '项目立项', 'due_on', pg_temp.demo_day(45), 'done_on', null))),
	(4, 5, '生物医药中试基地项目', 'landed', 'delivery', jsonb_build_array(
		jsonb_build_object('key', 'license', 'label', '取得生产许可', 'due_on', pg_temp.demo_day(-40), 'done_on', pg_temp.demo_day(-45)),
		jsonb_build_object('key', 'production', 'label', '投产', 'due_on', pg_temp.demo_day(-10), 'done_on', pg_temp.demo_day(-12)))),
	(5, 22, '酒店改造提升项目', 'approval', 'station_assist', jsonb_build_array(
		jsonb_build_object('key', 'design', 'label', '改造方案审查', 'due_on', pg_temp.demo_day(15), 'done_on', null),
		jsonb_build_object('key', 'fire', 'label', '消防设计审查', 'due_on', pg_temp.demo_day(45), 'done_on', null)))
) p (n, enterprise, name, stage, steward, milestones)
join demo_enterprises e on e.n = p.enterprise
join demo_staff s on s.login = p.steward;

-- ─── Notes ─────────────────────────────────────────────────────────────────────────────────────────────────────

insert into app.enterprise_notes (id, hall_id, enterprise_id, note, staff_id, staff_name, occurred_at)
select pg_temp.demo_id(4, t.n), e.hall_id, pg_temp.demo_id(1, t.enterprise), t.note, s.id, s.name,
	now() - make_interval(days => t.days_ago)
from (values
	(1, 1, '企业计划明年上半年二期投产，关注电力增容进度。', 'manager', 12),
	(2, 5, '企业开办全程代办完成，营业执照、印章、税务一次办结。', 'assist', 28),
	(3, 18, '企业已整体搬迁至静海区，经研究归档。', 'manager', 20),
	(4, 21, '门店装修期间暂停营业，约定下月再访。', 'station_manager', 10)
) t (n, enterprise, note, author, days_ago)
join demo_enterprises e on e.n = t.enterprise
join demo_staff s on s.login = t.author;

-- ─── Visits ────────────────────────────────────────────────────────────────────────────────────────────────────

-- Each visit checks in `minutes_ago`, lasts `minutes` (null: still running), with a fix near the enterprise, a fix
-- `offset` degrees away (far), or no position (the geo status says why).
create temporary table demo_visits (
	n int primary key, enterprise int, project int, kind app.visit_kind, author text, companions text[], met text,
	minutes_ago int, minutes int, geo app.geo_status, offset_deg double precision, summary text
);
insert into demo_visits values
	(1, 1, 1, 'project', 'intake', array['assist'], '赵建国（总经理）', 20 * 1440 + 600, 90, 'fix', 0.0003,
		'了解二期扩建进度，施工许可已取得；企业提出电力增容报装需协调。'),
	(2, 2, null, 'onsite', 'assist', '{}', '孙立伟（运营总监）', 26 * 1440 + 300, 60, 'fix', 0.0002,
		'商场招商情况良好，暂无诉求。'),
	(3, 3, null, 'onsite', 'intake', array['manager'], '周雅琴（总经理）、吴海涛', 180, 75, 'fix', 0.0004,
		'意式风情区旺季客流大，企业反映周边停车位紧张。'),
	(4, 4, null, 'onsite', 'intake', '{}', '郑明辉（质量负责人）', 40 * 1440 + 420, 50, 'fix', 0.0002,
		'医疗器械经营许可证需变更经营范围，现场指导材料准备。'),
	(5, 7, null, 'stationed', 'intake', array['delivery'], '褚云飞（技术总监）', 14 * 1440 + 120, 240, 'fix', 0.0001,
		'驻点服务半天，辅导高新技术企业认定申报材料。'),
	(6, 8, null, 'onsite', 'delivery', '{}', '蒋文斌（总工程师）', 60 * 1440 + 500, 45, 'fix', 0.0003,
		'环保工程资质延续已办结，企业满意。'),
	(7, 9, null, 'onsite', 'delivery', '{}', '沈志强（项目负责人）', 45 * 1440 + 200, 40, 'denied', null,
		'企业新承接项目用工缺口约 50 人。'),
	(8, 11, 2, 'project', 'assist', '{}', '杨光（总经理）', 60, null, 'fix', 0.0002, null),
	(9, 13, null, 'onsite', 'assist', '{}', '尤春燕（厂长）', 8 * 1440 + 240, 30, 'fix', 0.011,
		'厂长在外地分厂，改为在区内联络点座谈；企业咨询老旧厂房改造补贴。'),
	(10, 14, null, 'onsite', 'delivery', '{}', '许振华（安全负责人）', 3 * 1440 + 100, 35, 'unavailable', null,
		'供热季前安全检查配合，无诉求。'),
	(11, 15, null, 'onsite', 'intake', '{}', '何晓雯（策划总监）', 10 * 1440 + 360, 40, 'fix', 0.0002,
		'演出场地备案流程咨询，已现场解答。'),
	(12, 17, null, 'onsite', 'assist', array['intake'], '施文静（主任设计师）', 5 * 1440 + 90, 55, 'fix', 0.0001,
		'设计资质升级政策宣讲。'),
	(13, 19, null, 'onsite', 'delivery', '{}', '孔令华（总经理）', 15 * 1440 + 80, 40, 'timeout', null,
		'人力资源服务许可证年报提醒。'),
	(14, 20, 3, 'project', 'intake', array['assist'], '曹永刚（总经理）、严冬梅（财务经理）', 1440 + 120, 80, 'fix',
		0.0002, '研发中心选址仍在比选；企业咨询研发费用加计扣除政策，另需办理厂区消防验收。'),
	(15, 21, null, 'onsite', 'station_assist', '{}', '华晓东（店长）', 33 * 1440 + 200, 30, 'fix', 0.0002,
		'餐饮油烟净化设施需整改，企业咨询整改标准。'),
	(16, 23, null, 'stationed', 'station_assist', array['station_manager'], '陶然（创始人）', 9 * 1440 + 60, 180,
		'fix', 0.0003, '驻点服务，协助办理文创产品商标注册咨询。');

insert into app.visits (id, hall_id, enterprise_id, project_id, kind, staff_id, staff_name, companion_ids, met,
	check_in_at, check_in_geo, check_in_latitude, check_in_longitude, check_in_accuracy_m, check_out_at,
	check_out_geo, check_out_latitude, check_out_longitude, check_out_accuracy_m, summary, saved_at)
select pg_temp.demo_id(5, v.n), e.hall_id, pg_temp.demo_id(1, v.enterprise),
	case when v.project is not null then pg_temp.demo_id(3, v.project) end, v.kind, a.id, a.name,
	array(select s.id from demo_staff s where s.login = any (v.companions)), v.met,
	now() - make_interval(mins => v.minutes_ago), v.geo,
	case when v.geo = 'fix' then e.latitude + v.offset_deg end,
	case when v.geo = 'fix' then e.longitude + v.offset_deg end,
	case when v.geo = 'fix' then 15 end,
	now() - make_interval(mins => v.minutes_ago - v.minutes),
	case when v.minutes is not null then v.geo end,
	case when v.minutes is not null and v.geo = 'fix' then e.latitude + v.offset_deg / 2 end,
	case when v.minutes is not null and v.geo = 'fix' then e.longitude + v.offset_deg / 2 end,
	case when v.minutes is not null and v.geo = 'fix' then 20 end,
	v.summary,
	now() - make_interval(mins => coalesce(v.minutes_ago - v.minutes, v.minutes_ago))
from demo_visits v
join demo_enterprises e on e.n = v.enterprise
join demo_staff a on a.login = v.author;

-- ─── Follow-ups and their timelines ────────────────────────────────────────────────────────────────────────────

-- opened `days_ago` (from visit `visit`, or the enterprise's page), due `due_in` hall days from today (negative:
-- overdue), in `status`; a closed one closed `closed_days_ago`.
create temporary table demo_follow_ups (
	n int primary key, enterprise int, visit int, demand text, owner text, opener text, days_ago int, due_in int,
	status app.follow_up_status, closed_days_ago int, reason text, note text
);
insert into demo_follow_ups values
	(1, 1, 1, '协调电力增容报装（新增 2000 kVA）', 'intake', 'intake', 20, -5, 'in_progress', null, null, null),
	(2, 20, 14, '咨询研发费用加计扣除政策', 'intake', 'intake', 1, 0, 'open', null, null, null),
	(3, 20, 14, '办理厂区消防验收', 'assist', 'intake', 1, 6, 'open', null, null, null),
	(4, 9, 7, '新项目用工约 50 人，对接招聘会', 'delivery', 'delivery', 45, -30, 'open', null, null, null),
	(5, 3, 3, '周边停车位紧张，协调规划临时停车场', 'manager', 'intake', 0, 20, 'open', null, null, null),
	(6, 4, 4, '医疗器械经营许可证变更经营范围', 'intake', 'intake', 40, -33, 'done', 30, null,
		'材料齐全，已一次办结并送达新证。'),
	(7, 13, 9, '申请老旧厂房改造补贴', 'assist', 'assist', 8, 7, 'cannot_solve', 2,
		'不符合本年度补贴申报条件，已告知企业明年一季度申报。', null),
	(8, 5, null, '企业开办后银行开户、社保登记指引', 'assist', 'manager', 2, 2, 'in_progress', null, null, null),
	(9, 7, 5, '高新技术企业认定申报材料辅导', 'intake', 'intake', 14, 10, 'open', null, null, null),
	(10, 21, 15, '油烟净化设施整改标准咨询及复查', 'station_assist', 'station_assist', 33, -3, 'open', null, null, null);

insert into app.follow_ups (id, hall_id, enterprise_id, visit_id, demand, owner_id, owner_name, due_on, status,
	opened_by, opened_by_name, opened_at, closed_at, reason)
select pg_temp.demo_id(6, f.n), e.hall_id, pg_temp.demo_id(1, f.enterprise),
	case when f.visit is not null then pg_temp.demo_id(5, f.visit) end, f.demand, o.id, o.name,
	app.hall_day(now()) + f.due_in, f.status, b.id, b.name,
	-- Opened as its visit ended (or, from the enterprise's page, that day).
	coalesce(case when f.visit is not null then
			(select v.check_out_at from app.visits v where v.id = pg_temp.demo_id(5, f.visit)) end,
		now() - make_interval(days => f.days_ago)),
	now() - make_interval(days => f.closed_days_ago), f.reason
from demo_follow_ups f
join demo_enterprises e on e.n = f.enterprise
join demo_staff o on o.login = f.owner
join demo_staff b on b.login = f.opener;

-- The timeline: opened, then started (in progress) or the closing action, each by the owner.
insert into app.follow_up_events (id, hall_id, follow_up_id, kind, from_status, to_status, staff_id, staff_name,
	owner_id, owner_name, due_on, note, occurred_at)
select gen_random_uuid(), f.hall_id, f.id, 'opened'::app.follow_up_event_kind, null::app.follow_up_status,
	'open'::app.follow_up_status, f.opened_by, f.opened_by_name, f.owner_id,
	f.owner_name, f.due_on, null::text, f.opened_at
from app.follow_ups f where f.id in (select pg_temp.demo_id(6, n) from demo_follow_ups)
union all
select gen_random_uuid(), f.hall_id, f.id,
	case f.status when 'in_progress' then 'started' when 'done' then 'done' else 'cannot_solve' end::app.follow_up_event_kind,
	'open'::app.follow_up_status, f.status, f.owner_id, f.owner_name, null::uuid, null::text, null::date, d.note_text, coalesce(f.closed_at, f.opened_at + interval '1 day')
from app.follow_ups f
join (select pg_temp.demo_id(6, n) as id, coalesce(note, reason) as note_text from demo_follow_ups) d on d.id = f.id
where f.status <> 'open';

drop table demo_follow_ups;
drop table demo_visits;
drop table demo_enterprises;
drop table demo_staff;
