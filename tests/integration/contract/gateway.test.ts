import { describe, expect, it } from 'vitest';
import { anonClient, stack } from '../support/clients';
import { useContractFixtures } from '../support/contract-fixtures';

// What the local gateway does not implement is answered 501 with a message, never with a wrong answer.

useContractFixtures();

describe('endpoints the local stack does not implement', () => {
	it('answers table access through /rest/v1/<table> with 501 LOCAL501', async () => {
		const { error, status } = await anonClient().from('staff').select('*');
		expect(status).toBe(501);
		expect(error).toMatchObject({
			code: 'LOCAL501',
			message: 'The local Supabase stack does not implement GET /rest/v1/staff; see docs'
		});
	});

	it('answers storage and other auth endpoints with 501', async () => {
		const headers = { apikey: stack().anonKey };
		const storage = await fetch(`${stack().url}/storage/v1/bucket`, { headers });
		expect(storage.status).toBe(501);
		expect(await storage.json()).toMatchObject({ code: 'LOCAL501' });
		const signUp = await anonClient().auth.signUp({
			email: 'new@contract.test',
			password: 'long-password-1'
		});
		expect(signUp.error?.status).toBe(501);
	});

	it.each([false, true])(
		'answers result filtering on RPC with 501 instead of ignoring it (GET: %s)',
		async (get) => {
			const { status, error } = await anonClient().rpc('contract_series', { n: 3 }, { get }).eq('pos', 2);
			expect(status).toBe(501);
			expect(error?.code).toBe('LOCAL501');
		}
	);
});

describe('CORS for the browser app on another origin', () => {
	// Supabase's API gateway (Kong's cors plugin, default settings) answers every origin with `*` and never with
	// Access-Control-Allow-Credentials: a page may call the API with the keys it holds, but the browser never
	// sends cookies or HTTP auth for it. Echoing the Origin with credentials allowed would let any web page a
	// developer opens ride on whatever credentials the browser keeps for the local stack.
	const evilOrigin = 'https://any-site.example';

	it('answers the preflight of any origin with *, the headers asked for, and no credentials', async () => {
		const response = await fetch(`${stack().url}/rest/v1/rpc/contract_add`, {
			method: 'OPTIONS',
			headers: {
				Origin: evilOrigin,
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers':
					'apikey, authorization, content-type, x-client-info, content-profile'
			}
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-credentials')).toBeNull();
		expect(response.headers.get('access-control-allow-methods')).toContain('POST');
		expect(response.headers.get('access-control-allow-headers')).toBe(
			'apikey, authorization, content-type, x-client-info, content-profile'
		);
	});

	it.each([
		['an RPC call', '/rest/v1/rpc/contract_add', JSON.stringify({ a: 1, b: 1 })],
		['a sign-in', '/auth/v1/token?grant_type=password', JSON.stringify({ email: 'x@y.test', password: 'x' })]
	])('marks the answer to %s readable by any origin, without credentials', async (_, path, body) => {
		const response = await fetch(`${stack().url}${path}`, {
			method: 'POST',
			headers: { Origin: evilOrigin, apikey: stack().anonKey, 'content-type': 'application/json' },
			body
		});
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-credentials')).toBeNull();
		expect(response.headers.get('vary') ?? '').not.toMatch(/origin/i);
	});
});
