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
	-- The not_staff error is app.require_staff()'s, the same one sync_push and sync_pull raise.
	caller app.staff := app.require_staff();
begin
	-- Reads the hall through RLS as the caller: a staff member sees their own hall, nobody else's.
	return (
		select jsonb_build_object(
			'staff_id', caller.id,
			'email', (select auth.jwt()) ->> 'email',
			'display_name', caller.display_name,
			'post', caller.post,
			'hall_id', h.id,
			'hall_name', h.name,
			'ticket_format', h.ticket_format
		)
		from app.halls h
		where h.id = caller.hall_id
	);
end;
$$;
comment on function public.me() is 'The signed-in staff member: name, post and hall, and the hall''s ticket format.';
