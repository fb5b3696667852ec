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

	it('does not pause a page that reads quickly', async () => {
		const pause = vi.fn(() => Promise.resolve());
		vi.spyOn(performance, 'now').mockReturnValue(0);
		await readPulledChanges(registry, records(30), pause);
		expect(pause).not.toHaveBeenCalled();
	});
});
