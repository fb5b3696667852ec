import { describe, expect, it } from 'vitest';
import { stack } from '../support/clients';
import { freshSeed } from '../../torture/prng';
import { formatReport } from '../../torture/report';
import { runTorture } from '../../torture/run';

// The short torture run of docs/TESTING.md: ≥ 20 devices, ≥ 1,000 injected faults, within 90 s (the devices work
// 30 s, longer while fewer faults were injected, as on a machine busy with other work). TORTURE_SEED repeats a run.
const seed = Number(process.env['TORTURE_SEED']) || freshSeed();

describe('torture run (short)', () => {
	it('24 devices under faults, offline spells and kills: every op applied once, every device converged', async () => {
		const report = await runTorture({
			devices: 24,
			durationMs: 30_000,
			untilFaults: { faults: 1_050, maxDurationMs: 60_000 },
			seed,
			faultRate: 0.65,
			killChance: 0.05,
			workChance: 0.15,
			offlineChance: 0.01,
			stack: stack(),
			settleMs: 30_000
		});
		console.log(formatReport(report, `TORTURE_SEED=${seed} npx vitest run tests/integration/torture`));

		expect(report.devices).toBeGreaterThanOrEqual(20);
		expect(report.halls).toBe(2);
		expect(report.totalFaults).toBeGreaterThanOrEqual(1000);
		expect(report.restarts).toBeGreaterThan(0);
		expect(report.opTypesNeverMade).toEqual([]);
		expect(report.exactlyOnce.lost).toEqual([]);
		expect(report.exactlyOnce.duplicated).toEqual([]);
		expect(report.convergence.divergent).toEqual([]);
		expect(report.rejections.filter((seen) => seen.meant === null).map((seen) => seen.entry)).toEqual([]);
		expect(report.unexpectedErrors).toEqual([]);
		expect(report.durationMs).toBeLessThan(90_000);
	}, 120_000);
});
