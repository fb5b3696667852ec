import { createAuthRpcClient } from '../../src/lib/backend/auth-rpc-client';
import { FIRST_CURSOR, pullResult, SYNC_LIMITS } from '../../src/lib/domain/sync-protocol';
import { registry } from '../../src/lib/features/registry';

/** Rows by table, then by id, as a device that applied every page in order holds them. */
export type TableRows = Map<string, Map<string, Record<string, unknown>>>;

/**
 * What the server shows one person: sync_pull from the first cursor to the end, straight to the gateway (no
 * proxy), each row read with its table's schema as a device reads it. This is what that person's devices must
 * hold once synced.
 */
export async function serverView(url: string, anonKey: string, email: string): Promise<TableRows> {
	const client = createAuthRpcClient(url, anonKey, {
		persistSession: false,
		autoRefreshToken: false,
		detectSessionInUrl: false
	});
	const { error: signInError } = await client.auth.signInWithPassword({ email, password: 'demo1234' });
	if (signInError) throw new Error(`server view: sign-in as ${email}: ${signInError.message}`);
	const view: TableRows = new Map(
		registry.tables.map((table) => [table.name, new Map<string, Record<string, unknown>>()])
	);
	let cursor = FIRST_CURSOR;
	for (;;) {
		const { error, ...response } = await client.rpc('sync_pull', {
			cursor,
			max_rows: SYNC_LIMITS.maxPullRows
		});
		if (error) throw new Error(`server view: sync_pull as ${email}: ${error.message}`);
		const answer: unknown = response.data;
		const page = pullResult.parse(answer);
		for (const change of page.changes) {
			const table = registry.table(change.table);
			const rows = view.get(change.table);
			if (!table || !rows)
				throw new Error(`server view: a row of ${change.table}, which no workflow declares`);
			rows.set(String(change.row['id']), (table.parse(change.row) ?? change.row) as Record<string, unknown>);
		}
		cursor = page.cursor;
		if (!page.has_more) break;
	}
	await client.auth.signOut({ scope: 'local' });
	return view;
}

/** Two rows are the same when every field is (key order aside). */
export function sameRow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	return canonical(a) === canonical(b);
}

/** The fields in which the device's row differs from the server's, with both values. */
export function differences(device: Record<string, unknown>, server: Record<string, unknown>): string {
	const keys = [...new Set([...Object.keys(device), ...Object.keys(server)])].sort();
	return keys
		.filter((key) => canonical(device[key]) !== canonical(server[key]))
		.map((key) => `${key} device ${canonical(device[key])} server ${canonical(server[key])}`)
		.join('; ');
}

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
		return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}
