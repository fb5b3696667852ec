import pg from 'pg';

/** PostgREST's login: it can only switch to anon, authenticated and service_role (platform.sql). */
export const restLoginRole = 'authenticator';
/** GoTrue's login on Supabase: rights on the auth tables, nothing else. */
export const authLoginRole = 'supabase_auth_admin';

/** Connection strings for the gateway's two pools; neither is a superuser. */
export interface GatewayDatabaseUrls {
	rest: string;
	auth: string;
}

/**
 * Gives the gateway's two login roles a password and returns their connection strings. Like `supabase start`,
 * which gives its service logins the database password, they get the superuser URL's password (`postgres` for
 * the embedded server). A fixed value rather than a random one: roles belong to the whole PostgreSQL cluster,
 * and two stacks on one server (DATABASE_URL) must not lock each other's gateway out.
 */
export async function prepareGatewayLogins(superuserUrl: string): Promise<GatewayDatabaseUrls> {
	const password = loginPassword(superuserUrl);
	const client = new pg.Client({ connectionString: superuserUrl });
	await client.connect();
	try {
		for (const role of [restLoginRole, authLoginRole]) {
			await client.query(
				`alter role ${client.escapeIdentifier(role)} with login password ${client.escapeLiteral(password)}`
			);
		}
	} finally {
		await client.end();
	}
	return gatewayLoginUrls(superuserUrl);
}

/** The superuser URL with the gateway's logins instead: same host, port, database and options. */
export function gatewayLoginUrls(superuserUrl: string): GatewayDatabaseUrls {
	const as = (role: string) => {
		const url = new URL(superuserUrl);
		url.username = encodeURIComponent(role);
		url.password = encodeURIComponent(loginPassword(superuserUrl));
		return url.toString();
	};
	return { rest: as(restLoginRole), auth: as(authLoginRole) };
}

function loginPassword(superuserUrl: string): string {
	return decodeURIComponent(new URL(superuserUrl).password) || 'postgres';
}
