import { expect, it } from 'vitest';
import { stack } from '../integration/support/clients';
import { freshSeed } from './prng';
import { formatReport, runPassed } from './report';
import { runTorture } from './run';
import { fromEnv } from './run-options';

// The long torture run (`npm run torture`): the same run as the short one in `npm test`, longer and wider.
const settings = fromEnv(process.env);
const seed = settings.seed ?? freshSeed();
const durationMs = settings.minutes * 60_000;

it(
	`torture: ${settings.devices} devices for ${settings.minutes} minutes`,
	async () => {
		console.log(`torture: seed ${seed}`);
		const report = await runTorture({
			devices: settings.devices,
			durationMs,
			seed,
			faultRate: 0.4,
			killChance: 0.02,
			workChance: 0.3,
			offlineChance: 0.01,
			stack: stack(),
			settleMs: 300_000,
			log: (line) => console.log(line)
		});
		const rerun = `npm run torture -- --devices ${settings.devices} --minutes ${settings.minutes} --seed ${seed}`;
		console.log(formatReport(report, rerun));
		expect(runPassed(report), 'the torture run found a defect: see the report above').toBe(true);
	},
	durationMs + 600_000
);
