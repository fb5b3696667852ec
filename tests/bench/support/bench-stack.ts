import { rm } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../../../supabase/local/ports';
import { makeScratchDir } from '../../../supabase/local/scratch-dir';
import { startStack, type RunningStack, type StackOptions } from '../../../supabase/local/stack';

/**
 * Runs `work` against a fresh seeded local stack on free ports in a temp folder, then stops it and deletes its
 * data, whatever happens: a benchmark never touches a developer's running stack (54321 / 54322).
 */
export async function withBenchStack<T>(
	work: (stack: RunningStack) => Promise<T>,
	options: Pick<StackOptions, 'tokenRateLimit'> = {}
): Promise<T> {
	const workDir = await makeScratchDir('hall-bench-');
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
