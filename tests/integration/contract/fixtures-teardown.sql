-- Removes everything contract/fixtures.sql created, so other test files (e.g. the RLS and function-privilege
-- checks) see only the app's own database.
drop function if exists
	public.contract_add(integer, integer),
	public.contract_greeting(text, text),
	public.contract_point_of(integer, integer),
	public.contract_series(integer),
	public.contract_ids(uuid[]),
	public.contract_nothing(text),
	public.contract_echo_json(jsonb),
	public.contract_whoami(),
	public.contract_session_user(),
	public.contract_timeouts(),
	public.contract_sleep(double precision),
	public.contract_fail(text),
	public.contract_payment_required(),
	public.contract_secret(),
	public.contract_claim_key(text),
	public.contract_bump(),
	public.contract_square(integer);
drop type if exists public.contract_point;
drop schema if exists contract cascade;
delete from auth.users where email like '%@contract.test';
