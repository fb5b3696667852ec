import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { STAFF } from '../../../../tests/support/fake-server';
import { RecordSteps } from './records.svelte';

const author = { staff_id: STAFF.staff_id, staff_name: STAFF.staff_name, hall_id: STAFF.hall_id };
const recordId = '0190a000-0000-7000-8000-0000000000f1';

describe('a record page’s steps', () => {
	it('show a tapped event at once, marked pending, before the device has stored it', async () => {
		const steps = new RecordSteps();
		const adding = steps.add(recordId, { kind: 'consult', window_no: null, note: null }, author);
		expect(steps.shown([]).map(({ event, pending }) => [event.kind, event.staff_name, pending])).toEqual([
			['consult', STAFF.staff_name, true]
		]);
		// Nobody is signed in on this device's database: the event is refused, and leaves the screen with the reason.
		const result = await adding;
		expect(result).toMatchObject({ ok: false, message: expect.any(String) as string });
		expect(steps.shown([])).toEqual([]);
	});

	it('refuse bad input before showing anything', async () => {
		const steps = new RecordSteps();
		const result = await steps.add(recordId, { kind: 'note', window_no: null, note: '   ' }, author);
		expect(result.ok).toBe(false);
		expect(steps.shown([])).toEqual([]);
	});
});
