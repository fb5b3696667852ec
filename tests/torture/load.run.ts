import { it } from 'vitest';
import { stack } from '../integration/support/clients';
import type { Latencies } from './latency';
import { freshSeed } from './prng';
import { runTorture, type RunReport } from './run';
import { fromEnv } from './run-options';

// The sync load bench (tests/bench/sync-load.ts): the torture run's devices with no faults, no offline spells and
// no kills, timing every push and pull. Printed, never pass/fail.
const settings = fromEnv(process.env);
const seed = settings.seed ?? freshSeed();
/** The p95 push latency a hall should stay under; the ramp reports the device count where it no longer does. */
const PUSH_P95_LIMIT_MS = 200;

function load(devices: number, durationMs: number): Promise<RunReport> {
	return runTorture({
		devices,
		durationMs,
		seed,
		faultRate: 0,
		killChance: 0,
		workChance: 0.3,
		offlineChance: 0,
		stack: stack(),
		settleMs: 300_000
	});
}

const figures = (latencies: Latencies) =>
	['p50', 'p95', 'p99']
		.map(
			(p) =>
				`${p} ${latencies
					.percentile(Number(p.slice(1)))
					.toFixed(0)
					.padStart(5)} ms`
		)
		.join('  ');

function print(label: string, report: RunReport): void {
	const errors = report.push.errors + report.pull.errors;
	console.log(
		`${label}: ${report.devices} devices, ${report.exactlyOnce.created} ops, ${(report.durationMs / 1000).toFixed(0)} s`
	);
	console.log(`  push  ${figures(report.push)}  (${report.push.count} calls)`);
	console.log(`  pull  ${figures(report.pull)}  (${report.pull.count} calls)`);
	console.log(
		`  errors ${errors}${errors > 0 ? `: ${[...report.push.errorSamples, ...report.pull.errorSamples].join(' | ')}` : ''}`
	);
	console.log(`  requests the proxy failed to forward (not the server's doing): ${report.upstreamFailures}`);
	console.log(`  event loop of the devices' process ${(report.eventLoopUtilization * 100).toFixed(0)}% busy`);
}

/** Device counts tried in turn until p95 push passes the limit. */
const ramp = [1, 2, 5, 10, 20, 30, 40, 50, 60, 80, 100];
const rampMs = settings.rampSeconds * 1000;

it(
	`sync load: ${settings.devices} devices for ${settings.minutes} minutes, then a ramp`,
	async () => {
		console.log(`sync load bench, seed ${seed}`);
		const main = await load(settings.devices, settings.minutes * 60_000);
		print('steady load', main);

		console.log(`\nramp (${settings.rampSeconds} s per step): p95 push against ${PUSH_P95_LIMIT_MS} ms`);
		let knee: number | null = null;
		for (const devices of ramp) {
			const step = await load(devices, rampMs);
			const p95 = step.push.percentile(95);
			console.log(
				`  ${String(devices).padStart(3)} devices  p95 push ${p95.toFixed(0).padStart(5)} ms  p95 pull ${step.pull.percentile(95).toFixed(0).padStart(5)} ms  errors ${step.push.errors + step.pull.errors}`
			);
			if (p95 > PUSH_P95_LIMIT_MS) {
				knee = devices;
				break;
			}
		}
		console.log(
			knee === null
				? `  p95 push stayed under ${PUSH_P95_LIMIT_MS} ms up to ${ramp.at(-1)} devices`
				: `  knee: p95 push passes ${PUSH_P95_LIMIT_MS} ms at ${knee} devices on this machine`
		);
	},
	settings.minutes * 60_000 + ramp.length * (settings.rampSeconds * 1000 + 120_000) + 300_000
);
