import { afterEach, describe, expect, it, vi } from 'vitest';
import { registry } from '$lib/features/registry';
import { recordRow } from '../../../tests/support/rows';
import { readPulledChanges } from './pulled';

afterEach(() => {
	vi.restoreAllMocks();
});

function records(count: number) {
	return Array.from({ length: count }, (_, index) => ({
		table: 'service_records',
		row: recordRow({
			id: `0190a000-0000-7000-8000-${String(index).padStart(12, '0')}`,
			ticket_no: `P${String(index).padStart(3, '0')}`,
			opened_at: '2026-11-25T01:00:00.000Z'
		})
	}));
}

describe('reading a pulled page', () => {
	it('gives the browser back the page between slices of work, so a long first pull does not freeze the screen', async () => {
		let clock = 0;
		vi.spyOn(performance, 'now').mockImplementation(() => (clock += 3)); // every row "takes" 3 ms
		const pause = vi.fn(() => Promise.resolve());
		const read = await readPulledChanges(registry, records(30), pause);
		expect(read.byTable.get(registry.table('service_records')!)).toHaveLength(30);
		expect(pause.mock.calls.length).toBeGreaterThanOrEqual(5); // ~8 ms slices of 3 ms rows
	});

	it('starts reading in a task of its own, after the one that parsed the page, and pauses no more when quick', async () => {
		const page = records(30);
		const table = registry.table('service_records')!;
		const parse = vi.spyOn(table, 'parse');
		const rowsReadAtPause: number[] = [];
		const pause = vi.fn(() => {
			rowsReadAtPause.push(parse.mock.calls.length);
			return Promise.resolve();
		});
		vi.spyOn(performance, 'now').mockReturnValue(0);
		await readPulledChanges(registry, page, pause);
		expect(rowsReadAtPause).toEqual([0]);
	});

	it('does not pause for an empty page (the usual periodic pull)', async () => {
		const pause = vi.fn(() => Promise.resolve());
		await readPulledChanges(registry, [], pause);
		expect(pause).not.toHaveBeenCalled();
	});
});
