import { spawnSync } from 'node:child_process';
import { parseArgs, toEnv, type ProofSettings } from './run-options';

/**
 * Runs one of tests/torture/*.run.ts in vitest's `proof` project (which starts its own fresh stack), with the
 * settings from the command line. Through vitest because the app's modules need its SvelteKit transforms.
 */
export function runProof(file: string, defaults: ProofSettings): never {
	const settings = parseArgs(process.argv.slice(2), defaults);
	const result = spawnSync('npx', ['vitest', 'run', '--project', 'proof', file], {
		stdio: 'inherit',
		env: { ...process.env, ...toEnv(settings), HALL_PROOF_RUN: '1' }
	});
	process.exit(result.status ?? 1);
}
