import { describe, expect, it } from 'vitest';
import { anonClient, signedInClient, stack } from '../support/clients';
import { contractPassword, contractPeople } from '../support/contract-people';
import { useContractFixtures } from '../support/contract-fixtures';

// PostgREST RPC as supabase-js sees it: named arguments, response shapes, and PostgREST's errors and statuses.

const { alice } = contractPeople;

useContractFixtures();

describe('arguments and return shapes', () => {
	it('passes named arguments in any order and returns a scalar as a JSON value', async () => {
		const { data, error, status } = await anonClient().rpc('contract_add', { b: 40, a: 2 });
		expect(error).toBeNull();
		expect(status).toBe(200);
		expect(data).toBe(42);
	});

	it('lets an argument with a default be left out', async () => {
		const client = anonClient();
		expect((await client.rpc('contract_greeting', { name: 'Ada' })).data).toBe('Hello, Ada!');
		expect((await client.rpc('contract_greeting', { name: 'Ada', punctuation: '?' })).data).toBe(
			'Hello, Ada?'
		);
	});

	it('returns a composite as an object', async () => {
		const { data } = await anonClient().rpc('contract_point_of', { x: 3, y: 4 });
		expect(data).toEqual({ x: 3, y: 4, label: '3,4' });
	});

	it('returns a table as an array of objects, bigint as a JSON number', async () => {
		const { data } = await anonClient().rpc('contract_series', { n: 3 });
		expect(data).toEqual([
			{ pos: 1, square: 1 },
			{ pos: 2, square: 4 },
			{ pos: 3, square: 9 }
		]);
	});

	it('converts JSON arrays to PostgreSQL arrays and returns setof scalar as an array', async () => {
		const ids = ['0197a0a0-0000-7000-8000-000000000001', '0197a0a0-0000-7000-8000-000000000002'];
		const { data } = await anonClient().rpc('contract_ids', { ids });
		expect(data).toEqual(ids);
	});

	it('answers a void function with 204 No Content', async () => {
		const { data, error, status } = await anonClient().rpc('contract_nothing', { note: 'x' });
		expect(error).toBeNull();
		expect(status).toBe(204);
		expect(data).toBeNull();
	});

	it('hands the whole body to a function with a single unnamed jsonb parameter', async () => {
		const body = { ops: [{ op_id: 'a', type: 'x' }], cursor: 7 };
		const { data } = await anonClient().rpc('contract_echo_json', body);
		expect(data).toEqual(body);
	});

	it('calls a stable function with GET and query-string arguments', async () => {
		const { data, error, status } = await anonClient().rpc('contract_square', { n: 7 }, { get: true });
		expect(error).toBeNull();
		expect(status).toBe(200);
		expect(data).toBe(49);
	});

	it('runs GET read-only: a function that writes fails with 405 (25006), as on PostgREST', async () => {
		const { error, status } = await anonClient().rpc('contract_bump', {}, { get: true });
		expect(status).toBe(405);
		expect(error?.code).toBe('25006');
		const post = await anonClient().rpc('contract_bump');
		expect(post.status).toBe(200);
		expect(typeof post.data).toBe('number');
	});
});

describe('who the function runs as', () => {
	it('runs as anon with the anon key', async () => {
		const { data } = await anonClient().rpc('contract_whoami');
		expect(data).toMatchObject({ uid: null, role: 'anon', current_role: 'anon' });
	});

	it('runs as authenticated with the user id, email and session in auth.uid()/auth.jwt()', async () => {
		const client = await signedInClient(alice.email, contractPassword);
		const { data } = await client.rpc('contract_whoami');
		expect(data).toMatchObject({
			uid: alice.id,
			role: 'authenticated',
			current_role: 'authenticated',
			email: alice.email,
			session_id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown
		});
	});

	it('runs as service_role with the service_role key', async () => {
		const { data } = await anonClient(stack().serviceRoleKey).rpc('contract_whoami');
		expect(data).toMatchObject({ role: 'service_role', current_role: 'service_role' });
	});
});

describe('errors', () => {
	it('maps raise exception to 400 P0001 with message, details and hint', async () => {
		const { error, status } = await anonClient().rpc('contract_fail', { reason: 'closed' });
		expect(status).toBe(400);
		expect(error).toMatchObject({
			code: 'P0001',
			message: 'not_allowed: closed',
			details: 'The ticket is closed',
			hint: 'Reopen it first'
		});
	});

	it('answers permission denied with 401 for anon and 403 for a signed-in user (42501)', async () => {
		const anon = await anonClient().rpc('contract_secret');
		expect(anon.status).toBe(401);
		expect(anon.error).toMatchObject({
			code: '42501',
			message: 'permission denied for function contract_secret'
		});
		const user = await (await signedInClient(alice.email, contractPassword)).rpc('contract_secret');
		expect(user.status).toBe(403);
		expect(user.error?.code).toBe('42501');
		const service = await anonClient(stack().serviceRoleKey).rpc('contract_secret');
		expect(service.data).toBe('only for service_role');
	});

	it('answers a unique violation with 409 (23505)', async () => {
		const key = `key-${Date.now()}`;
		expect((await anonClient().rpc('contract_claim_key', { key })).status).toBe(204);
		const again = await anonClient().rpc('contract_claim_key', { key });
		expect(again.status).toBe(409);
		expect(again.error?.code).toBe('23505');
	});

	it('uses the status of a PTxyz SQLSTATE', async () => {
		const { error, status } = await anonClient().rpc('contract_payment_required');
		expect(status).toBe(402);
		expect(error).toMatchObject({ code: 'PT402', message: 'Payment required', details: 'Quota used up' });
	});

	it('answers a value of the wrong type with 400 (22P02)', async () => {
		const { error, status } = await anonClient().rpc('contract_add', { a: 'many', b: 1 });
		expect(status).toBe(400);
		expect(error?.code).toBe('22P02');
	});

	it('answers an unknown function with 404 PGRST202 and PostgREST message', async () => {
		const { error, status } = await anonClient().rpc('contract_missing', { a: 1, b: 2 });
		expect(status).toBe(404);
		expect(error).toMatchObject({
			code: 'PGRST202',
			message: 'Could not find the function public.contract_missing(a, b) in the schema cache',
			details:
				'Searched for the function public.contract_missing with parameters a, b or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.'
		});
	});

	it('answers known function, unknown argument names with 404 PGRST202 and a hint', async () => {
		const { error, status } = await anonClient().rpc(
			'contract_add',
			// Deliberately the wrong argument names, as an outdated client would send them.
			{ x: 1, y: 2 } as unknown as { a: number; b: number }
		);
		expect(status).toBe(404);
		expect(error).toMatchObject({
			code: 'PGRST202',
			hint: 'Perhaps you meant to call the function public.contract_add(a, b)'
		});
	});

	it('answers malformed JSON with 400 PGRST102', async () => {
		const response = await fetch(`${stack().url}/rest/v1/rpc/contract_add`, {
			method: 'POST',
			headers: { apikey: stack().anonKey, 'content-type': 'application/json' },
			body: '{"a": 1,'
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ code: 'PGRST102' });
	});

	it('refuses a schema other than public with 406 PGRST106', async () => {
		const { error, status } = await anonClient().schema('app').rpc('contract_add', { a: 1, b: 2 });
		expect(status).toBe(406);
		expect(error).toMatchObject({ code: 'PGRST106', hint: 'Only the following schemas are exposed: public' });
	});
});
