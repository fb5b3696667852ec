import { signedInClient, stack } from '../support/clients';
import type { Person } from './fixture';

/** Calls the managers' computed functions through the gateway as people of the world, as the app does. */
export class Gateway {
	private readonly tokens = new Map<string, string>();

	async signIn(people: Person[]): Promise<void> {
		for (const person of people) {
			const client = await signedInClient(person.email);
			const { data } = await client.auth.getSession();
			this.tokens.set(person.email, data.session?.access_token ?? '');
		}
	}

	async call(person: Person, fn: string, args: object): Promise<{ status: number; body: unknown }> {
		const response = await fetch(`${stack().url}/rest/v1/rpc/${fn}`, {
			method: 'POST',
			headers: {
				apikey: stack().anonKey,
				Authorization: `Bearer ${this.tokens.get(person.email) ?? ''}`,
				'Content-Type': 'application/json'
			},
			body: JSON.stringify(args)
		});
		return { status: response.status, body: await response.json() };
	}

	/** A refusal's status and message, or what came instead. */
	async refusal(person: Person, fn: string, args: object): Promise<{ status: number; message?: string }> {
		const { status, body } = await this.call(person, fn, args);
		return { status, message: (body as { message?: string }).message };
	}
}

export const forbidden = { status: 403, message: 'report_forbidden' };
export const invalidRange = { status: 400, message: 'report_invalid_range' };
