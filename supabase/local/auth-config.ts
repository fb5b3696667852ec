import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './config';
import { defaultTokenRateLimit } from './gateway/rate-limit';

export interface AuthSettings {
	jwtExpirySeconds: number;
	refreshTokenReuseIntervalSeconds: number;
	/** `[auth.rate_limit] token_refresh`: token requests (sign-in and refresh) per 5 minutes and address. */
	tokenRequestsPerFiveMinutes: number;
}

/**
 * Reads `jwt_expiry` and `refresh_token_reuse_interval` from the [auth] table of supabase/config.toml and
 * `token_refresh` from [auth.rate_limit], the names the Supabase CLI reads, so the local stack and
 * `supabase start` behave alike; Supabase's defaults (3600 s, 10 s, 150) otherwise.
 */
export function readAuthSettings(configFile = path.join(repoRoot, 'supabase', 'config.toml')): AuthSettings {
	const settings: AuthSettings = {
		jwtExpirySeconds: 3600,
		refreshTokenReuseIntervalSeconds: 10,
		tokenRequestsPerFiveMinutes: defaultTokenRateLimit.perFiveMinutes
	};
	if (!existsSync(configFile)) return settings;
	let table = '';
	for (const rawLine of readFileSync(configFile, 'utf8').split('\n')) {
		const line = rawLine.replace(/#.*$/, '').trim();
		const header = /^\[([^\]]+)\]$/.exec(line);
		if (header) {
			table = header[1] ?? '';
			continue;
		}
		const setting = /^(\w+)\s*=\s*(\d+)$/.exec(line);
		const key = `${table}.${setting?.[1] ?? ''}`;
		const value = Number(setting?.[2]);
		if (key === 'auth.jwt_expiry') settings.jwtExpirySeconds = value;
		if (key === 'auth.refresh_token_reuse_interval') settings.refreshTokenReuseIntervalSeconds = value;
		if (key === 'auth.rate_limit.token_refresh') settings.tokenRequestsPerFiveMinutes = value;
	}
	return settings;
}
