import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_CURSOR, type PullResult } from '$lib/domain/sync-protocol';
import { registry } from '$lib/features/registry';
import { prepareForUser } from '$lib/local/device-data';
import { LocalDb } from '$lib/local/db';
import { serviceRecords } from '$lib/local/service-records/tables';
import { STAFF } from '../../../tests/support/fake-server';
import { recordRow } from '../../../tests/support/rows';
import { readState, storePage } from './pull-steps';

function page(count: number): PullResult {
	const changes = Array.from({ length: count }, (_, index) => ({
		table: 'service_records',
		row: recordRow({
			id: `0190a000-0000-7000-8000-${String(index).padStart(12, '0')}`,
			ticket_no: `P${String(index).padStart(3, '0')}`,
			opened_at: '2026-11-25T01:00:00.000Z'
		})
	}));
	return { changes, cursor: String(count), has_more: false, epoch: 1 };
}

async function freshDevice(name: string): Promise<LocalDb> {
	const db = new LocalDb(name, registry);
	await prepareForUser(db, STAFF);
	return db;
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('storing a pulled page', () => {
	it('a large page is written in batches, and all of it lands with its cursor', async () => {
		const db = await freshDevice('pull-steps-1');
		const bulkPut = vi.spyOn(serviceRecords.of(db), 'bulkPut');
		expect(await storePage(db, registry, STAFF.user_id, page(250), FIRST_CURSOR)).toBe(0);
		expect(await serviceRecords.of(db).count()).toBe(250);
		expect((await readState(db)).cursor).toBe('250');
		const batches = bulkPut.mock.calls.map(([rows]) => rows.length);
		expect(batches).toEqual([100, 100, 50]);
	});

	it('a batch that fails leaves neither the earlier batches nor the cursor: the page is pulled again whole', async () => {
		const db = await freshDevice('pull-steps-2');
		const table = serviceRecords.of(db);
		const bulkPut = table.bulkPut.bind(table);
		let calls = 0;
		vi.spyOn(table, 'bulkPut').mockImplementation((rows) => {
			calls++;
			// The third batch is refused by the database (a key it cannot store).
			const [first] = rows;
			return calls === 3 && first ? bulkPut([{ ...first, id: {} as string }]) : bulkPut(rows);
		});
		await expect(storePage(db, registry, STAFF.user_id, page(250), FIRST_CURSOR)).rejects.toThrow();
		expect(await table.count()).toBe(0);
		expect((await readState(db)).cursor).toBe(FIRST_CURSOR);
	});
});
