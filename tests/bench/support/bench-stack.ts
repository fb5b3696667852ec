import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../supabase/local/ports';
import { startStack, type RunningStack, type StackOptions } from '../../../supabase/local/stack';

/**
 * Runs `work` against a fresh seeded local stack on free ports in a temp folder, then stops it and deletes its
 * data, whatever happens: a benchmark never touches a developer's running stack (54321 / 54322).
 */
export async function withBenchStack<T>(
	work: (stack: RunningStack) => Promise<T>,
	options: Pick<StackOptions, 'tokenRateLimit'> = {}
): Promise<T> {
	const workDir = await mkdtemp(path.join(os.tmpdir(), 'hall-bench-'));
	let stack: RunningStack | undefined;
	try {
		stack = await startStack({
			dataDir: path.join(workDir, 'pg'),
			gatewayPort: await freePort(),
			dbPort: await freePort(),
			databaseUrl: '', // always embedded, never a DATABASE_URL server
			...options
		});
		return await work(stack);
	} finally {
		await stack?.stop();
		await rm(workDir, { recursive: true, force: true });
	}
}
