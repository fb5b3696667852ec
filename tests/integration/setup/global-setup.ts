import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../../supabase/local/ports';
import { makeScratchDir } from '../../../supabase/local/scratch-dir';
import { startStack, type RunningStack } from '../../../supabase/local/stack';

/** What the integration tests get from `inject('stack')`. */
export interface ProvidedStack {
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	jwtSecret: string;
	databaseUrl: string;
}

declare module 'vitest' {
	export interface ProvidedContext {
		stack: ProvidedStack;
	}
}

/** Short, so the contract tests can watch GoTrue's refresh-token reuse window close without a long wait. */
export const testRefreshTokenReuseIntervalSeconds = 2;

/**
 * The suites sign in and refresh hundreds of times from 127.0.0.1 within a minute; GoTrue's limit (150 per
 * 5 minutes) would throttle them. password-guessing.test.ts checks the limit on a gateway of its own.
 */
const testTokenRateLimit = { perFiveMinutes: 1_000_000, burst: 10_000 };

/**
 * One fresh stack per test run: a new data directory in the temp folder and free ports, so a developer's
 * running stack (54321/54322) and other runs on the machine are never touched. Migrations and seed.sql are
 * applied as on `supabase start`; contract test files add their own fixtures (support/contract-fixtures.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const dataDir = await makeScratchDir('hall-stack-test-');
	const logLines: string[] = [];
	let stack: RunningStack | undefined;
	try {
		stack = await startStack({
			dataDir: path.join(dataDir, 'pg'),
			gatewayPort: await freePort(),
			dbPort: await freePort(),
			databaseUrl: '', // always embedded: the tests must never run against a DATABASE_URL server
			seed: true,
			refreshTokenReuseIntervalSeconds: testRefreshTokenReuseIntervalSeconds,
			tokenRateLimit: testTokenRateLimit,
			log: (line) => logLines.push(line)
		});
		project.provide('stack', {
			url: stack.url,
			anonKey: stack.anonKey,
			serviceRoleKey: stack.serviceRoleKey,
			jwtSecret: stack.jwtSecret,
			databaseUrl: stack.databaseUrl
		});
		const running = stack;
		return async () => {
			await running.stop();
			await rm(dataDir, { recursive: true, force: true });
		};
	} catch (error) {
		await stack?.stop();
		await rm(dataDir, { recursive: true, force: true });
		console.error(logLines.slice(-40).join('\n'));
		throw error;
	}
}
