/**
 * What the server holds, seen through the app's own public API (`sync_pull` as a signed-in staff member), so a
 * test checks "synced" the way another device would see it, not through private tables.
 */
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { LOCAL_SUPABASE_ANON_KEY } from '../../../src/lib/backend/local-stack';
import { FIRST_CURSOR, pullResult } from '../../../src/lib/domain/sync-protocol';
import { DEMO_PASSWORD } from '../fixtures';
import { E2E_GATEWAY_URL } from '../ports';

export interface ServerRecord {
	id: string;
	ticket_no: string;
	ticket_date: string;
	first_responder_name: string;
	deleted_at: string | null;
	events: Array<{ kind: string; window_no: number | null; staff_name: string }>;
}

/** The live record for one ticket as `email`'s hall sees it on the server, or null. */
export async function serverRecord(
	email: string,
	ticketNo: string,
	ticketDate: string
): Promise<ServerRecord | null> {
	const client = createClient(E2E_GATEWAY_URL, LOCAL_SUPABASE_ANON_KEY, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
	const { error: signInError } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
	if (signInError) throw new Error(`sign-in as ${email}: ${signInError.message}`);
	const rows = new Map<string, Record<string, unknown>>();
	const events: Array<Record<string, unknown>> = [];
	let cursor = FIRST_CURSOR;
	for (let hasMore = true; hasMore;) {
		const response = await client.rpc('sync_pull', { cursor, max_rows: 1000 });
		if (response.error) throw new Error(`sync_pull: ${response.error.message}`);
		// Untyped client: checked with the protocol's own schema.
		const page = pullResult.parse(response.data as unknown);
		for (const change of page.changes) {
			if (change.table === 'service_records') rows.set(String(change.row['id']), change.row);
			else events.push(change.row);
		}
		cursor = page.cursor;
		hasMore = page.has_more;
	}
	await client.auth.signOut();
	const record = [...rows.values()].find(
		(row) => row['ticket_no'] === ticketNo && row['ticket_date'] === ticketDate && row['deleted_at'] === null
	);
	if (!record) return null;
	const latest = new Map(events.map((event) => [String(event['id']), event]));
	return {
		id: String(record['id']),
		ticket_no: ticketNo,
		ticket_date: ticketDate,
		first_responder_name: String(record['first_responder_name']),
		deleted_at: null,
		events: [...latest.values()]
			.filter((event) => event['record_id'] === record['id'])
			.sort((a, b) => String(a['occurred_at']).localeCompare(String(b['occurred_at'])))
			.map((event) => ({
				kind: String(event['kind']),
				window_no: typeof event['window_no'] === 'number' ? event['window_no'] : null,
				staff_name: String(event['staff_name'])
			}))
	};
}
