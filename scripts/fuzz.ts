/**
 * `npm run fuzz -- [--cases N] [--seed N] [--path P] [--shrink]`: the fuzz suite (tests/integration/fuzz/) alone,
 * with as many cases as asked (default 10,000), on a fresh stack of its own (vitest's integration global setup
 * starts one in a temp folder on free ports). A failure prints fast-check's seed and path; passing both back
 * replays that case, and --shrink makes fast-check shrink it to a smaller one. The seed is printed either way.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: {
		cases: { type: 'string', default: '10000' },
		seed: { type: 'string' },
		path: { type: 'string' },
		shrink: { type: 'boolean', default: false }
	}
});

const env = {
	...process.env,
	FUZZ_CASES: values.cases,
	FUZZ_SEED: values.seed ?? '',
	FUZZ_PATH: values.path ?? '',
	FUZZ_SHRINK: values.shrink ? '1' : ''
};
const vitest = join(import.meta.dirname, '..', 'node_modules', '.bin', 'vitest');
const child = spawn(vitest, ['run', '--project', 'integration', 'tests/integration/fuzz/'], {
	env,
	stdio: 'inherit'
});
// Ctrl-C reaches vitest through the terminal; its global teardown stops the stack it started.
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
