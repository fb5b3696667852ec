import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import * as z from 'zod/mini';
import WebSocket from 'ws';
import {
	FIRST_CURSOR,
	opResult,
	pullResult,
	type Op,
	type OpResult,
	type PullResult
} from '../../../../src/lib/domain/sync-protocol';
import { demoPassword, stack } from '../../support/clients';
import type { UnsentOp } from './ops';

/** The sync RPCs as supabase-js sees them; results are checked with the protocol's zod schemas, not trusted. */
interface SyncDatabase {
	public: {
		Tables: Record<never, never>;
		Views: Record<never, never>;
		Functions: {
			sync_push: { Args: { ops: unknown[] }; Returns: unknown };
			sync_pull: { Args: { cursor: string; max_rows?: number }; Returns: unknown };
			me: { Args: Record<string, never>; Returns: unknown };
			claim_device_code: { Args: { p_device_id: string }; Returns: unknown };
		};
		Enums: Record<never, never>;
		CompositeTypes: Record<never, never>;
	};
}

export type SyncClient = SupabaseClient<SyncDatabase>;

/** A device: a supabase-js client signed in as a staff member, as the app creates it (Node 20 adapted). */
export async function device(email: string, password: string = demoPassword): Promise<SyncClient> {
	const client = createClient<SyncDatabase>(stack().url, stack().anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
	const { error } = await client.auth.signInWithPassword({ email, password });
	if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
	return client;
}

export class RpcError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly details: string | null
	) {
		super(message);
	}
}

const halls = new WeakMap<SyncClient, Promise<string>>();

/** The hall of the client's staff member, from me(), asked once per client. */
function hallOf(client: SyncClient): Promise<string> {
	let hall = halls.get(client);
	if (!hall) {
		hall = (async () => {
			const { data, error } = await client.rpc('me');
			if (error) throw new RpcError(error.code, error.message, error.details);
			return z.object({ hall_id: z.string() }).parse(data).hall_id;
		})();
		halls.set(client, hall);
	}
	return hall;
}

/** Pushes as the device would: each op carries its author's hall unless the test set one. */
export async function push(client: SyncClient, ops: UnsentOp[]): Promise<OpResult[]> {
	const needsHall = ops.some((op) => op.hall_id === undefined);
	const hall = needsHall ? await hallOf(client) : '';
	const sent: Op[] = ops.map((op) => ({ ...op, hall_id: op.hall_id ?? hall }));
	const { data, error } = await client.rpc('sync_push', { ops: sent });
	if (error) throw new RpcError(error.code, error.message, error.details);
	return z.array(opResult).parse(data);
}

export async function pull(client: SyncClient, cursor: string, maxRows?: number): Promise<PullResult> {
	const args = maxRows === undefined ? { cursor } : { cursor, max_rows: maxRows };
	const { data, error } = await client.rpc('sync_pull', args);
	if (error) throw new RpcError(error.code, error.message, error.details);
	return pullResult.parse(data);
}

/** Pulls page after page until has_more is false, as a device catching up does. */
export async function pullAll(
	client: SyncClient,
	cursor = FIRST_CURSOR,
	maxRows?: number
): Promise<{ pages: PullResult[]; cursor: string }> {
	const pages: PullResult[] = [];
	let page: PullResult;
	do {
		page = await pull(client, cursor, maxRows);
		pages.push(page);
		cursor = page.cursor;
	} while (page.has_more);
	return { pages, cursor };
}
