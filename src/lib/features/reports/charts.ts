import type { Chart as ChartType, ChartConfiguration } from 'chart.js';
import type { ReportTable } from './sections';

/**
 * chart.js for the report's bar charts, loaded only by the report screen and only once it has a report: just the
 * bar controller, its element and the two scales are registered, so the rest of the library stays out of the
 * bundle. No animation (a chart is drawn once, ready to print) and no events (the table holds the values).
 */
let loading: Promise<typeof ChartType> | undefined;

export function loadChart(): Promise<typeof ChartType> {
	loading ??= import('chart.js').then(({ Chart, BarController, BarElement, CategoryScale, LinearScale }) => {
		Chart.register(BarController, BarElement, CategoryScale, LinearScale);
		return Chart;
	});
	// A failed load (offline before the screen was cached) is tried again by the next chart.
	loading.catch(() => (loading = undefined));
	return loading;
}

const BAR_COLOUR = '#b71c1c';
const TEXT_COLOUR = '#1a1a1a';
const GRID_COLOUR = '#e2ddd8';

/** The chart of a table: the first column labels the bars, each count column is a series. */
export function chartConfig(table: ReportTable): ChartConfiguration<'bar'> {
	const countColumns = table.headers
		.map((header, index) => ({ header, index }))
		.filter(({ index }) => table.rows.every((row) => row[index]?.kind === 'count'));
	const labels = table.rows.map((row) => {
		const first = row[0];
		return first?.kind === 'text' ? first.text : '';
	});
	const ticks = { color: TEXT_COLOUR, precision: 0 };
	return {
		type: 'bar',
		data: {
			labels,
			datasets: countColumns.map(({ header, index }) => ({
				label: header,
				data: table.rows.map((row) => {
					const cell = row[index];
					return cell?.kind === 'count' ? cell.value : 0;
				}),
				backgroundColor: BAR_COLOUR
			}))
		},
		options: {
			indexAxis: table.chart?.horizontal ? 'y' : 'x',
			animation: false,
			events: [],
			responsive: true,
			maintainAspectRatio: false,
			scales: {
				x: { ticks, grid: { color: GRID_COLOUR }, beginAtZero: true },
				y: { ticks, grid: { color: GRID_COLOUR }, beginAtZero: true }
			}
		}
	};
}

/** A horizontal chart grows with its bars, so long names stay readable; a vertical one has a fixed height. */
export function chartHeight(table: ReportTable): number {
	return table.chart?.horizontal ? Math.max(160, 40 + table.rows.length * 28) : 240;
}
