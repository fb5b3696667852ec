import { beforeAll, describe, expect, it } from 'vitest';
import { chartConfig, chartHeight } from './charts';
import { reportMessages } from './messages';
import { reportSections } from './sections';
import { testReport } from './test-report';

beforeAll(async () => {
	await reportMessages.load();
});

const tables = () => reportSections(testReport()).flatMap((section) => section.tables);
const tableOf = (id: string) => {
	const table = tables().find((candidate) => candidate.id === id);
	if (!table) throw new Error(`no table ${id}`);
	return table;
};

describe('the charts of the report’s tables', () => {
	it('draws a bar per row, labelled by the first column, one series per count column', () => {
		const config = chartConfig(tableOf('operation-by-day'));
		expect(config.data.labels).toEqual(['2026-11-01', '2026-11-02']);
		expect(config.data.datasets).toHaveLength(1);
		expect(config.data.datasets[0]).toMatchObject({ label: '办事人数', data: [12, 18] });
		expect(config.options?.indexAxis).toBe('x');
	});

	it('lays long names out horizontally, growing with the rows', () => {
		const table = tableOf('prechecks-most-missed');
		const config = chartConfig(table);
		expect(config.options?.indexAxis).toBe('y');
		expect(config.data.datasets.map((dataset) => dataset.label)).toEqual(['次数']);
		expect(chartHeight(table)).toBe(160);
		expect(chartHeight({ ...table, rows: Array.from({ length: 10 }, () => table.rows[0]!) })).toBe(320);
	});

	it('draws the tables that help as charts, in every section that has counts to compare', () => {
		expect(
			tables()
				.filter((table) => table.chart)
				.map((table) => table.id)
		).toEqual([
			'operation-by-day',
			'operation-by-hour',
			'operation-by-category',
			'consultations-by-category',
			'prechecks-most-missed',
			'incidents-by-category',
			'incidents-by-severity',
			'patrols-rounds',
			'patrols-by-checkpoint',
			'visits-by-kind'
		]);
	});
});
