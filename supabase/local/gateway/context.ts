import type pg from 'pg';
import type { DummyPasswordHash } from './auth-dummy-hash';
import type { CallerSlots } from './caller-slots';
import type { FunctionCatalog } from './functions';
import type { RateLimiter } from './rate-limit';
import type { ImpersonatedRoleSettings } from './role-settings';
import type { SwitchableRoles } from './switchable-roles';

/** Everything a request handler needs; one per running gateway. */
export interface GatewayContext {
	/** Logged in as authenticator, like PostgREST: RPC calls and the schema cache. */
	restPool: pg.Pool;
	/** Logged in as supabase_auth_admin, like GoTrue: the /auth/v1 endpoints. */
	authPool: pg.Pool;
	catalog: FunctionCatalog;
	roles: SwitchableRoles;
	roleSettings: ImpersonatedRoleSettings;
	callerSlots: CallerSlots;
	/** GoTrue's per-address limit on /auth/v1/token. */
	tokenLimiter: RateLimiter;
	dummyPasswordHash: DummyPasswordHash;
	jwtSecret: string;
	/** Lifetime of access tokens in seconds (Supabase's `jwt_expiry`, default 3600). */
	jwtExpirySeconds: number;
	/** GoTrue's `refresh_token_reuse_interval` in seconds (Supabase's default 10). */
	refreshTokenReuseIntervalSeconds: number;
	/** Public base URL of the gateway, used as the token issuer (`<url>/auth/v1`). */
	baseUrl: string;
	log: (line: string) => void;
}
