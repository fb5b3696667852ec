/**
 * How many cases, from which seed: FUZZ_CASES (default 1,000, what `npm test` runs), FUZZ_SEED (default: a new
 * one, printed) FUZZ_PATH (fast-check's path of a failing case, to replay it) and FUZZ_SHRINK. `npm run fuzz` sets them.
 */
export interface FuzzSettings {
	cases: number;
	seed: number;
	path: string | undefined;
	/** Shrink a failing case (FUZZ_SHRINK=1): re-runs it many times, slowly with large bodies; off by default. */
	shrink: boolean;
	timeoutMs: number;
}

/** A generous bound per case (a full batch of 100 ops, and shrinking after a failure, take longer). */
const msPerCase = 400;

export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
	const cases = Number(env.FUZZ_CASES || 1000);
	const seed = env.FUZZ_SEED ? Number(env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 2 ** 31)) | 0;
	if (!Number.isInteger(cases) || cases < 1)
		throw new Error(`FUZZ_CASES must be a positive integer, not ${env.FUZZ_CASES}`);
	if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${env.FUZZ_SEED}`);
	return {
		cases,
		seed,
		path: env.FUZZ_PATH || undefined,
		shrink: env.FUZZ_SHRINK === '1',
		timeoutMs: 120_000 + cases * msPerCase
	};
}
