import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readAuthSettings } from '../../../supabase/local/auth-config';

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'hall-auth-config-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

it('reads the settings from the tables the Supabase CLI reads them from', async () => {
	const file = path.join(dir, 'config.toml');
	await writeFile(
		file,
		[
			'[auth]',
			'jwt_expiry = 900',
			'refresh_token_reuse_interval = 5',
			'[auth.rate_limit]',
			'token_refresh = 42 # per 5 minutes',
			'[auth.email]',
			'token_refresh = 7'
		].join('\n')
	);
	expect(readAuthSettings(file)).toEqual({
		jwtExpirySeconds: 900,
		refreshTokenReuseIntervalSeconds: 5,
		tokenRequestsPerFiveMinutes: 42
	});
});

it("falls back to Supabase's defaults", () => {
	expect(readAuthSettings(path.join(dir, 'missing.toml'))).toEqual({
		jwtExpirySeconds: 3600,
		refreshTokenReuseIntervalSeconds: 10,
		tokenRequestsPerFiveMinutes: 150
	});
});
