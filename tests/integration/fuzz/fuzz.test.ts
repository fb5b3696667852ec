import fc from 'fast-check';
import { expect, it } from 'vitest';
import { registry } from '../../../src/lib/features/registry';
import { useAdminDb } from '../support/clients';
import { callableFunctions } from './support/rpc-arguments';
import { fuzzSettings } from './support/fuzz-settings';
import { caseArbitrary, fuzzWorld } from './support/fuzz-world';
import { runCase } from './support/fuzz-case';

// Property-based fuzzing of every public RPC through the real gateway (docs/TESTING.md, "Fuzzing"). 1,000 cases
// in `npm test`; `npm run fuzz -- --cases 10000 [--seed N]` for a long run. A failure prints fast-check's seed and
// path: `npm run fuzz -- --seed N --path P` replays the shrunk case.

const db = useAdminDb();
const settings = fuzzSettings();

it('fuzzes every function anon or authenticated may execute (sync_push and sync_pull among them)', async () => {
	const names = (await callableFunctions(db())).map((fn) => fn.name);
	expect(names).toEqual(expect.arrayContaining(['me', 'sync_pull', 'sync_push']));
});

it(
	`survives ${settings.cases} hostile calls: no 5xx, one result per op, nothing written for a rejected op, still answering`,
	async () => {
		const world = await fuzzWorld(db(), registry);
		const cases = await caseArbitrary(world);
		console.log(
			`fuzz: ${settings.cases} cases, seed ${settings.seed}${settings.path ? `, path ${settings.path}` : ''}`
		);
		const started = Date.now();
		await fc.assert(
			fc.asyncProperty(cases, async (fuzzCase) => {
				await world.refreshIds();
				await runCase(world, fuzzCase);
			}),
			{ numRuns: settings.cases, seed: settings.seed, path: settings.path, endOnFailure: !settings.shrink }
		);
		console.log(
			`fuzz: ${settings.cases} cases passed in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${settings.seed})`
		);
		console.log(
			[...world.tally]
				.sort()
				.map(([what, times]) => `  ${what}: ${times}`)
				.join('\n')
		);
	},
	settings.timeoutMs
);
