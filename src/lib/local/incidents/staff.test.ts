import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { device } from '../../../../tests/support/device';
import { FakeServer, STAFF } from '../../../../tests/support/fake-server';
import { staffDirectory } from '../staff/tables';
import { listKnownStaff } from './queries';

const COLLEAGUE = '0190c000-0000-7000-8000-0000000000bb';
const LEFT = '0190c000-0000-7000-8000-0000000000cc';

describe('the incident assign picker', () => {
	it('offers the active staff of the synced directory, by name', async () => {
		const { db } = await device(new FakeServer());
		await staffDirectory.of(db).bulkPut([
			{
				id: STAFF.staff_id,
				hall_id: STAFF.hall_id,
				display_name: '王芳',
				post: 'intake',
				active: true,
				version: 1
			},
			{
				id: COLLEAGUE,
				hall_id: STAFF.hall_id,
				display_name: '李娜',
				post: 'assist',
				active: true,
				version: 2
			},
			{ id: LEFT, hall_id: STAFF.hall_id, display_name: '赵强', post: 'delivery', active: false, version: 3 }
		]);
		expect(await listKnownStaff(db)).toEqual([
			{ id: COLLEAGUE, name: '李娜' },
			{ id: STAFF.staff_id, name: '王芳' }
		]);
	});

	it('falls back to the names this device has seen while the directory is empty', async () => {
		const { db } = await device(new FakeServer());
		expect(await listKnownStaff(db)).toEqual([{ id: STAFF.staff_id, name: STAFF.staff_name }]);
	});
});
