import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './config';

export interface AuthSettings {
	jwtExpirySeconds: number;
	refreshTokenReuseIntervalSeconds: number;
}

/**
 * Reads `jwt_expiry` and `refresh_token_reuse_interval` from the [auth] table of supabase/config.toml, so the
 * local stack and `supabase start` behave alike; Supabase's defaults (3600 s, 10 s) otherwise.
 */
export function readAuthSettings(configFile = path.join(repoRoot, 'supabase', 'config.toml')): AuthSettings {
	const settings: AuthSettings = { jwtExpirySeconds: 3600, refreshTokenReuseIntervalSeconds: 10 };
	if (!existsSync(configFile)) return settings;
	let table = '';
	for (const rawLine of readFileSync(configFile, 'utf8').split('\n')) {
		const line = rawLine.replace(/#.*$/, '').trim();
		const header = /^\[([^\]]+)\]$/.exec(line);
		if (header) {
			table = header[1] ?? '';
			continue;
		}
		if (table !== 'auth') continue;
		const setting = /^(\w+)\s*=\s*(\d+)$/.exec(line);
		if (setting?.[1] === 'jwt_expiry') settings.jwtExpirySeconds = Number(setting[2]);
		if (setting?.[1] === 'refresh_token_reuse_interval')
			settings.refreshTokenReuseIntervalSeconds = Number(setting[2]);
	}
	return settings;
}
