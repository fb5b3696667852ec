-- me(): who and where the caller is. The app's first call after sign-in.

create function public.me()
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
		'hall_name', h.name
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
comment on function public.me() is 'The signed-in staff member: name, post and hall.';

grant execute on function public.me() to authenticated;
