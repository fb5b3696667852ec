-- DEMO DATA. The demo patrol checkpoints and plans of both demo halls (docs/PATROL.md), marked is_demo, loaded after
-- seed.sql (the halls) into local or fresh development databases only, like seed.sql. The version columns are
-- stamped by app.stamp_version(), as for any write, so devices pull these rows like any other change.
-- Every checkpoint has the common check items (clean, equipment, consumables, order, safety) and 1–3 of its own.

create temporary table demo_common_items (items jsonb);
insert into demo_common_items values ('[
	{"key": "clean", "label_zh": "清洁卫生", "label_en": "Clean"},
	{"key": "equipment", "label_zh": "设备运行正常", "label_en": "Equipment working"},
	{"key": "consumables", "label_zh": "耗材充足", "label_en": "Consumables stocked"},
	{"key": "order", "label_zh": "秩序良好", "label_en": "In order"},
	{"key": "safety", "label_zh": "无安全隐患", "label_en": "Safe"}
]');

create temporary table demo_checkpoints (
	id uuid, hall_id uuid, position int, name_zh text, name_en text, own_items jsonb
);
insert into demo_checkpoints values
	-- 天津市河北区政务服务中心
	('c7000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 1, '取号区', 'Ticket area',
		'[{"key": "ticket_machine", "label_zh": "取号机出票正常", "label_en": "Ticket machine prints"}]'),
	('c7000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', 2, '咨询导办台', 'Guidance desk',
		'[{"key": "staffed", "label_zh": "导办人员在岗", "label_en": "Desk staffed"},
		  {"key": "leaflets", "label_zh": "办事指南齐全", "label_en": "Service guides stocked"}]'),
	('c7000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001', 3, '综合受理区', 'Intake windows',
		'[{"key": "window_signs", "label_zh": "窗口标识清晰", "label_en": "Window signs clear"},
		  {"key": "evaluation_pads", "label_zh": "评价器正常", "label_en": "Rating pads working"}]'),
	('c7000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000001', 4, '出件区', 'Result delivery',
		'[{"key": "pickup_cabinet", "label_zh": "自助取件柜正常", "label_en": "Pick-up lockers working"}]'),
	('c7000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000001', 5, '自助服务区', 'Self-service area',
		'[{"key": "terminals", "label_zh": "自助终端可用", "label_en": "Terminals usable"},
		  {"key": "paper", "label_zh": "打印纸充足", "label_en": "Paper stocked"}]'),
	('c7000000-0000-4000-8000-000000000006', 'a0000000-0000-4000-8000-000000000001', 6, '等候区', 'Waiting area',
		'[{"key": "seats", "label_zh": "座椅完好", "label_en": "Seats intact"},
		  {"key": "call_screen", "label_zh": "叫号屏显示正常", "label_en": "Call screen working"},
		  {"key": "water", "label_zh": "饮水机正常", "label_en": "Water dispenser working"}]'),
	('c7000000-0000-4000-8000-000000000007', 'a0000000-0000-4000-8000-000000000001', 7, '母婴室', 'Mother and baby room',
		'[{"key": "changing_table", "label_zh": "尿布台完好", "label_en": "Changing table intact"},
		  {"key": "door_lock", "label_zh": "门锁可用", "label_en": "Door lock works"}]'),
	('c7000000-0000-4000-8000-000000000008', 'a0000000-0000-4000-8000-000000000001', 8, '无障碍通道', 'Accessible route',
		'[{"key": "unblocked", "label_zh": "通道无遮挡", "label_en": "Route unblocked"},
		  {"key": "wheelchair", "label_zh": "轮椅可借用", "label_en": "Wheelchair available"}]'),
	('c7000000-0000-4000-8000-000000000009', 'a0000000-0000-4000-8000-000000000001', 9, '卫生间', 'Toilets',
		'[{"key": "soap_paper", "label_zh": "洗手液、纸巾充足", "label_en": "Soap and paper stocked"},
		  {"key": "no_odour", "label_zh": "无异味", "label_en": "No odour"}]'),
	('c7000000-0000-4000-8000-000000000010', 'a0000000-0000-4000-8000-000000000001', 10, '安全出口/消防通道',
		'Emergency exits',
		'[{"key": "exit_clear", "label_zh": "通道畅通无堆放", "label_en": "Exit clear"},
		  {"key": "exit_lights", "label_zh": "应急指示灯亮", "label_en": "Exit lights on"},
		  {"key": "extinguishers", "label_zh": "灭火器在有效期内", "label_en": "Extinguishers in date"}]'),
	('c7000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000001', 11, '打印复印区', 'Print and copy',
		'[{"key": "copier", "label_zh": "复印机正常", "label_en": "Copier working"}]'),
	('c7000000-0000-4000-8000-000000000012', 'a0000000-0000-4000-8000-000000000001', 12, '邮寄服务台', 'Mailing desk',
		'[{"key": "forms", "label_zh": "邮寄单充足", "label_en": "Mailing forms stocked"},
		  {"key": "staffed", "label_zh": "人员在岗", "label_en": "Desk staffed"}]'),
	-- 河北区望海楼街便民服务中心
	('c7000000-0000-4000-8000-000000000101', 'a0000000-0000-4000-8000-000000000002', 1, '服务大厅', 'Service hall',
		'[{"key": "ticket_machine", "label_zh": "取号机出票正常", "label_en": "Ticket machine prints"},
		  {"key": "window_signs", "label_zh": "窗口标识清晰", "label_en": "Window signs clear"}]'),
	('c7000000-0000-4000-8000-000000000102', 'a0000000-0000-4000-8000-000000000002', 2, '等候区', 'Waiting area',
		'[{"key": "seats", "label_zh": "座椅完好", "label_en": "Seats intact"}]'),
	('c7000000-0000-4000-8000-000000000103', 'a0000000-0000-4000-8000-000000000002', 3, '卫生间', 'Toilets',
		'[{"key": "soap_paper", "label_zh": "洗手液、纸巾充足", "label_en": "Soap and paper stocked"}]'),
	('c7000000-0000-4000-8000-000000000104', 'a0000000-0000-4000-8000-000000000002', 4, '安全出口', 'Emergency exit',
		'[{"key": "exit_clear", "label_zh": "通道畅通无堆放", "label_en": "Exit clear"},
		  {"key": "extinguishers", "label_zh": "灭火器在有效期内", "label_en": "Extinguishers in date"}]');

insert into app.checkpoints (id, hall_id, name_zh, name_en, position, instruction_zh, items, is_demo)
select c.id, c.hall_id, c.name_zh, c.name_en, c.position, null, demo_common_items.items || c.own_items, true
from demo_checkpoints c, demo_common_items;

-- Before opening and after lunch; late 15 minutes after a window ends; scans 20 s apart at least.
insert into app.patrol_plans (id, hall_id, windows, grace_minutes, min_scan_interval_seconds, is_demo)
select id, hall_id, '[
	{"key": "before_opening", "label_zh": "开门前", "label_en": "Before opening", "start": "08:30", "end": "09:00"},
	{"key": "after_lunch", "label_zh": "午休后", "label_en": "After lunch", "start": "13:00", "end": "13:30"}
]', 15, 20, true
from (values
	('c8000000-0000-4000-8000-000000000001'::uuid, 'a0000000-0000-4000-8000-000000000001'::uuid),
	('c8000000-0000-4000-8000-000000000002'::uuid, 'a0000000-0000-4000-8000-000000000002'::uuid)
) plans (id, hall_id);

drop table demo_checkpoints;
drop table demo_common_items;
