import type { RunReport } from './run';

/** What a run did and found, as printed by `npm run torture` and the short run in `npm test`. */
export function formatReport(report: RunReport, rerun: string): string {
	const { exactlyOnce, convergence } = report;
	const unmeant = report.rejections.filter((seen) => seen.meant === null);
	const lines = [
		`torture run, seed ${report.seed}: ${report.devices} devices (${report.people} people, ${report.halls} halls), ` +
			`${(report.durationMs / 1000).toFixed(0)} s`,
		`  ops created   ${exactlyOnce.created} (${Object.entries(report.opsByType)
			.map(([type, count]) => `${type} ${count}`)
			.join(', ')})`,
		`  server        ${exactlyOnce.applied} applied, ${exactlyOnce.rejected} rejected`,
		`  faults        ${report.totalFaults} of ${report.requests} requests: ${Object.entries(report.faults)
			.map(([kind, count]) => `${kind} ${count}`)
			.join(', ')}; ${report.upstreamFailures} not forwarded for other reasons`,
		`  this process  event loop ${(report.eventLoopUtilization * 100).toFixed(0)}% busy while the devices worked; ` +
			`libraries logged ${report.libraryLogLines} transient errors`,
		`  devices       ${report.offlineSpells} offline spells, ${report.restarts} killed mid-push and relaunched`,
		`  push          ${report.push.summary()}`,
		`  pull          ${report.pull.summary()}`,
		`  lost          ${exactlyOnce.lost.length}`,
		`  duplicated    ${exactlyOnce.duplicated.length}`,
		`  divergent     ${convergence.divergent.length} (${[...convergence.halls]
			.map(
				([hall, seen]) =>
					`hall ${hall.slice(-4)}: ${seen.devices} devices × ${seen.rows} rows, ${seen.divergent} differ`
			)
			.join('; ')})`,
		`  rejections    ${report.rejections.length - unmeant.length} meant, ${unmeant.length} not meant`,
		...[...exactlyOnce.lost, ...exactlyOnce.duplicated, ...convergence.divergent]
			.slice(0, 20)
			.map((line) => `    ${line}`),
		...unmeant
			.slice(0, 20)
			.map(
				({ entry, device }) => `    device ${device}: ${entry.type} refused ${entry.code}: ${entry.message}`
			),
		...report.unexpectedErrors.slice(0, 20).map((line) => `    error: ${line}`),
		...(report.opTypesNeverMade.length > 0
			? [`  op types never made: ${report.opTypesNeverMade.join(', ')}`]
			: []),
		`  rerun with    ${rerun}`
	];
	return lines.join('\n');
}

/** True when the run proved what it must: nothing lost, duplicated or divergent, no rejection nobody meant. */
export function runPassed(report: RunReport): boolean {
	return (
		report.exactlyOnce.lost.length === 0 &&
		report.exactlyOnce.duplicated.length === 0 &&
		report.convergence.divergent.length === 0 &&
		report.rejections.every((seen) => seen.meant !== null) &&
		report.unexpectedErrors.length === 0 &&
		report.opTypesNeverMade.length === 0
	);
}
