-- me() also tells the app how its hall's queue machine encodes tickets (app.halls.ticket_format), so the scan
-- screen can parse a ticket offline with the format it stored at sign-in. Replaces 20261125000300_me.sql's me().

create or replace function public.me()
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	result jsonb;
begin
	-- Reads through RLS as the caller: a staff member sees their own row and hall, nobody else's.
	select jsonb_build_object(
		'staff_id', s.id,
		'email', (select auth.jwt()) ->> 'email',
		'display_name', s.display_name,
		'post', s.post,
		'hall_id', h.id,
		'hall_name', h.name,
		'ticket_format', h.ticket_format
	)
	into result
	from app.staff s
	join app.halls h on h.id = s.hall_id
	where s.user_id = (select auth.uid()) and s.active;

	if result is null then
		raise exception using
			errcode = 'P0001',
			message = 'not_staff',
			detail = 'This account has no active staff record in any hall.',
			hint = 'A manager must add the account to a hall before it can be used.';
	end if;
	return result;
end;
$$;
comment on function public.me() is 'The signed-in staff member: name, post and hall, and the hall''s ticket format.';
