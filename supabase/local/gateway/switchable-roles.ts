import type pg from 'pg';
import { fromDatabaseError, type PostgrestError } from './errors';

/** A role we would refuse is looked up again (it may be new, or newly granted), at most this often. */
const reloadIntervalMs = 1_000;

/**
 * Which roles the REST login (authenticator) may switch to. PostgREST lets PostgreSQL refuse `SET ROLE` inside
 * the request's transaction; we look first, so a token naming any other role runs no SQL at all, and answer
 * what PostgREST would have passed on from PostgreSQL: 42501 for a role it may not become (403 with a token),
 * 22023 for one that does not exist (401).
 */
export class SwitchableRoles {
	private roles: Map<string, boolean> | undefined;
	private loadedAt = 0;

	constructor(private readonly pool: pg.Pool) {}

	async refusal(role: string): Promise<PostgrestError | undefined> {
		let switchable = (await this.load(false)).get(role);
		if (switchable !== true && Date.now() - this.loadedAt >= reloadIntervalMs) {
			switchable = (await this.load(true)).get(role);
		}
		if (switchable === true) return undefined;
		// PostgreSQL quotes the name as is, without escaping.
		const quoted = `"${role}"`;
		return switchable === false
			? fromDatabaseError({ code: '42501', message: `permission denied to set role ${quoted}` }, true)
			: fromDatabaseError({ code: '22023', message: `role ${quoted} does not exist` }, true);
	}

	private async load(force: boolean): Promise<Map<string, boolean>> {
		if (this.roles && !force) return this.roles;
		// current_user is the login itself here (no role switched yet); it is a member of itself, which does
		// not count: PostgREST's anon and user roles are always others.
		const result = await this.pool.query<{ rolname: string; switchable: boolean }>(
			`select rolname, rolname <> current_user and pg_has_role(current_user, oid, 'member') as switchable
			   from pg_roles`
		);
		this.roles = new Map(result.rows.map((row) => [row.rolname, row.switchable]));
		this.loadedAt = Date.now();
		return this.roles;
	}
}
