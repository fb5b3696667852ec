-- DEMO DATA. Loaded only into a local or fresh development database (`npm start`, `npm run db:reset`,
-- `supabase db reset`); never pushed to production. Every account here is a demonstration account with the
-- password demo1234; app.staff.is_demo and auth.users.raw_app_meta_data.demo mark them.

insert into app.halls (id, code, name, kind, parent_hall_id) values
	('a0000000-0000-4000-8000-000000000001', 'hebei-center', '天津市河北区政务服务中心', 'district_center', null),
	('a0000000-0000-4000-8000-000000000002', 'wanghailou-station', '河北区望海楼街便民服务中心', 'street_station',
		'a0000000-0000-4000-8000-000000000001');

-- The 12 full-time staff of the comprehensive windows across the posts, two managers, and three station staff
-- (the station's manager included).
-- The first four and the station's assist account are the documented demo logins.
create temporary table demo_people (id uuid, email text, display_name text, post app.staff_post, hall_id uuid);
insert into demo_people values
	('d0000000-0000-4000-8000-000000000001', 'intake@demo.hall', '李娜', 'intake', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000002', 'delivery@demo.hall', '王磊', 'delivery', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000003', 'assist@demo.hall', '张敏', 'assist', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000004', 'manager@demo.hall', '刘洋', 'manager', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000005', 'assist@station.demo.hall', '陈静', 'assist', 'a0000000-0000-4000-8000-000000000002'),
	('d0000000-0000-4000-8000-000000000006', 'zhaoli@demo.hall', '赵丽', 'intake', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000007', 'sunhao@demo.hall', '孙浩', 'intake', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000008', 'zhouting@demo.hall', '周婷', 'intake', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000009', 'wuqiang@demo.hall', '吴强', 'delivery', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000010', 'zhengxue@demo.hall', '郑雪', 'delivery', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000011', 'majun@demo.hall', '马骏', 'assist', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000012', 'huling@demo.hall', '胡玲', 'assist', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000013', 'guopeng@demo.hall', '郭鹏', 'assist', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000014', 'hejia@demo.hall', '何佳', 'assist', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000015', 'gaofeng@demo.hall', '高峰', 'manager', 'a0000000-0000-4000-8000-000000000001'),
	('d0000000-0000-4000-8000-000000000016', 'yangfan@station.demo.hall', '杨帆', 'intake', 'a0000000-0000-4000-8000-000000000002'),
	-- The station's manager: publishes the station's own demo catalog (seed-catalog.sql) and can edit it.
	('d0000000-0000-4000-8000-000000000017', 'manager@station.demo.hall', '林涛', 'manager', 'a0000000-0000-4000-8000-000000000002');

-- Written the way hosted Supabase expects users made in SQL: confirmed e-mail, an email identity, and empty
-- strings (not NULL) in GoTrue's token columns, so the same seed works with `supabase db reset`.
insert into auth.users (
	instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
	raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
	confirmation_token, recovery_token, email_change_token_new, email_change
)
select
	'00000000-0000-0000-0000-000000000000', p.id, 'authenticated', 'authenticated', p.email,
	extensions.crypt('demo1234', extensions.gen_salt('bf')), now(),
	jsonb_build_object('provider', 'email', 'providers', jsonb_build_array('email'), 'demo', true),
	'{}'::jsonb, now(), now(), '', '', '', ''
from demo_people p;

insert into auth.identities (id, user_id, provider_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select
	gen_random_uuid(), p.id, p.id::text,
	jsonb_build_object('sub', p.id::text, 'email', p.email, 'email_verified', true),
	'email', now(), now(), now()
from demo_people p;

insert into app.staff (user_id, hall_id, post, display_name, is_demo)
select p.id, p.hall_id, p.post, p.display_name, true
from demo_people p;

drop table demo_people;

-- How each hall's queue machine encodes its tickets (src/lib/domain/ticket-format.ts): the center's prints a link,
-- the station's a JSON object.
update app.halls set ticket_format = '{"kind": "url", "param": "ticket", "date_param": "date"}'
where id = 'a0000000-0000-4000-8000-000000000001';
update app.halls set ticket_format = '{"kind": "json", "field": "ticketNo", "date_field": "date"}'
where id = 'a0000000-0000-4000-8000-000000000002';

-- The phone and address each hall prints on its one-time notices (demo values).
update app.halls set phone = '022-26288000', address = '天津市河北区狮子林大街 200 号'
where id = 'a0000000-0000-4000-8000-000000000001';
update app.halls set phone = '022-24456120', address = '天津市河北区望海楼街建国道 88 号'
where id = 'a0000000-0000-4000-8000-000000000002';
