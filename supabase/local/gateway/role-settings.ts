import type pg from 'pg';

/** What one impersonated role's `ALTER ROLE … SET` values mean for its transactions. */
export interface RoleSettings {
	/** Applied with set_config(name, value, true) at the start of each transaction. */
	settings: [string, string][];
	/** The role's default_transaction_isolation, used in BEGIN (SET ROLE would not apply it either). */
	isolation: IsolationLevel;
}

export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

/**
 * How long role settings are kept before they are read again. PostgREST reads them at start and on
 * `NOTIFY pgrst, 'reload config'`; re-reading every few seconds saves the local stack a listener connection,
 * and an `alter role … set` in a migration or a psql session takes effect without a restart.
 */
const maxAgeMs = 5_000;

const defaults: RoleSettings = { settings: [], isolation: 'read committed' };

interface SettingRow {
	rolname: string;
	name: string;
	value: string;
}

/**
 * PostgREST's impersonated role settings: `SET ROLE` does not apply a role's `ALTER ROLE … SET` values (only a
 * login does), so they are applied per transaction for the role a request runs as: statement_timeout,
 * lock_timeout and any other setting a user may change (context `user`), plus the isolation level.
 */
export class ImpersonatedRoleSettings {
	private byRole = new Map<string, RoleSettings>();
	private loadedAt = Number.NEGATIVE_INFINITY;
	private loading: Promise<void> | undefined;

	/** `db` is the request's own connection, still the login (authenticator): no extra pool checkout. */
	async forRole(role: string, db: pg.PoolClient): Promise<RoleSettings> {
		if (Date.now() - this.loadedAt > maxAgeMs) {
			this.loading ??= this.load(db).finally(() => {
				this.loading = undefined;
			});
			await this.loading;
		}
		return this.byRole.get(role) ?? defaults;
	}

	private async load(db: pg.PoolClient): Promise<void> {
		// Settings for all databases (setdatabase 0) and for this one, the latter winning, as at a login; only
		// for roles the login can switch to.
		const result = await db.query<SettingRow>(
			`with role_setting as (
			   select r.rolname, s.setdatabase, unnest(s.setconfig) as setting
			     from pg_db_role_setting s
			     join pg_roles r on r.oid = s.setrole
			    where s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
			      and r.rolname <> current_user and pg_has_role(current_user, r.oid, 'member')
			 ), pairs as (
			   select rolname, setdatabase,
			          substr(setting, 1, strpos(setting, '=') - 1) as name,
			          substr(setting, strpos(setting, '=') + 1) as value
			     from role_setting
			 )
			 select distinct on (p.rolname, p.name) p.rolname, p.name, p.value
			   from pairs p
			   join pg_settings ps on ps.name = p.name and ps.context = 'user'
			  order by p.rolname, p.name, p.setdatabase desc`
		);
		const byRole = new Map<string, RoleSettings>();
		for (const row of result.rows) {
			const entry = byRole.get(row.rolname) ?? { settings: [], isolation: defaults.isolation };
			if (row.name === 'default_transaction_isolation') entry.isolation = isolationLevel(row.value);
			else entry.settings.push([row.name, row.value]);
			byRole.set(row.rolname, entry);
		}
		this.byRole = byRole;
		this.loadedAt = Date.now();
	}
}

/** Only the levels BEGIN accepts; anything else (read uncommitted behaves as read committed) falls back. */
function isolationLevel(value: string): IsolationLevel {
	const level = value.toLowerCase();
	return level === 'repeatable read' || level === 'serializable' ? level : 'read committed';
}
