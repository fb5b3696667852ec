import { describe, expect, it } from 'vitest';
import { WORKLOAD_MEASURES, workloadTotal, type StaffWorkload } from '$lib/domain/assessment';
import { workloadRows } from './workload-rows';

const CENTER = 'a0000000-0000-4000-8000-000000000001';
const STATION = 'a0000000-0000-4000-8000-000000000002';
const none = Object.fromEntries(WORKLOAD_MEASURES.map((measure) => [measure, 0])) as Record<
	(typeof WORKLOAD_MEASURES)[number],
	number
>;

function person(n: number, name: string, hall: string, counts: Partial<typeof none>) {
	return {
		...none,
		...counts,
		staff_id: `c0000000-0000-4000-8000-00000000000${n}`,
		name,
		post: 'intake' as const,
		hall_id: hall,
		active: true
	};
}

const workload: StaffWorkload = {
	halls: [
		{ id: CENTER, name: '中心' },
		{ id: STATION, name: '街道站' }
	],
	from: '2026-11-01',
	to: '2026-11-30',
	generated_at: '2026-12-01T08:00:00+00:00',
	staff: [
		person(1, '王芳', CENTER, { records_first_responder: 3, record_events: 4 }),
		person(2, '李娜', CENTER, { prechecks: 5, notices: 5, patrol_rounds: 2, patrol_rounds_late: 2 }),
		person(3, '张伟', STATION, { visits: 7 })
	]
};

describe('the workload table', () => {
	it('totals a person’s volume without counting a part twice (notices, late or incomplete rounds)', () => {
		expect(workloadTotal(workload.staff[1]!)).toBe(7);
		expect(workloadTotal({ ...none, notices: 3, patrol_rounds_incomplete: 1 })).toBe(0);
	});

	it('sorts by total, most first, ties by name in Chinese order, and names each row’s hall', () => {
		expect(workloadRows(workload, 'total').map((row) => [row.name, row.total, row.hall_name])).toEqual([
			['李娜', 7, '中心'],
			['王芳', 7, '中心'],
			['张伟', 7, '街道站']
		]);
		const more = { ...workload, staff: [...workload.staff, person(4, '赵强', STATION, { visits: 9 })] };
		expect(workloadRows(more, 'total').map((row) => row.name)).toEqual(['赵强', '李娜', '王芳', '张伟']);
	});

	it('keeps the server’s order (hall by hall, by name) when sorted by name', () => {
		expect(workloadRows(workload, 'name').map((row) => row.name)).toEqual(['王芳', '李娜', '张伟']);
	});
});
