import { gatewayLoginUrls } from '../../../supabase/local/gateway-logins';
import {
	startGateway,
	type GatewayOptions,
	type RunningGateway
} from '../../../supabase/local/gateway/server';
import { stack } from './clients';

/**
 * A second gateway on the test database, for tests that need settings of their own (a low rate limit) or a
 * fresh start (role settings are read when it starts). Close it in the test.
 */
export function startOwnGateway(overrides: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
	const urls = gatewayLoginUrls(stack().databaseUrl);
	return startGateway({
		restDatabaseUrl: urls.rest,
		authDatabaseUrl: urls.auth,
		port: 0,
		jwtSecret: stack().jwtSecret,
		...overrides
	});
}
