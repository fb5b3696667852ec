import { demoPassword, stack } from '../../support/clients';

/**
 * Calls through the real gateway over HTTP, as a device does (no client library in between, so any body can be
 * sent): as anon with the anon key, or as a signed-in staff member with their access token.
 */
export interface Caller {
	label: string;
	/** Null for anon. */
	token: string | null;
	userId: string | null;
	hallId: string | null;
}

export interface Answer {
	status: number;
	body: unknown;
	text: string;
	ms: number;
}

export async function signIn(label: string, email: string): Promise<Caller> {
	const response = await fetch(`${stack().url}/auth/v1/token?grant_type=password`, {
		method: 'POST',
		headers: { apikey: stack().anonKey, 'content-type': 'application/json' },
		body: JSON.stringify({ email, password: demoPassword })
	});
	const session = (await response.json()) as { access_token?: string; user?: { id: string } };
	if (!response.ok || !session.access_token || !session.user) {
		throw new Error(`sign-in as ${email} failed: ${response.status}`);
	}
	const caller: Caller = { label, token: session.access_token, userId: session.user.id, hallId: null };
	const me = await callRpc(caller, 'me', {});
	caller.hallId = (me.body as { hall_id: string }).hall_id;
	return caller;
}

export const anon: Caller = { label: 'anon', token: null, userId: null, hallId: null };

export async function callRpc(caller: Caller, name: string, body: unknown): Promise<Answer> {
	const started = performance.now();
	const response = await fetch(`${stack().url}/rest/v1/rpc/${encodeURIComponent(name)}`, {
		method: 'POST',
		headers: {
			apikey: stack().anonKey,
			'content-type': 'application/json',
			...(caller.token ? { authorization: `Bearer ${caller.token}` } : {})
		},
		body: JSON.stringify(body)
	});
	const text = await response.text();
	let parsed: unknown = undefined;
	try {
		parsed = text ? JSON.parse(text) : null;
	} catch {
		// Not JSON: the checks report the text.
	}
	return { status: response.status, body: parsed, text, ms: performance.now() - started };
}

/** The server still answers: me() for a signed-in staff member. */
export async function healthy(caller: Caller): Promise<boolean> {
	const answer = await callRpc(caller, 'me', {});
	return answer.status === 200;
}
