import { workloadTotal, type StaffWorkload, type StaffWorkloadRow } from '$lib/domain/assessment';

/** A row of the workload table: the server's row, its hall's name and the person's total volume. */
export interface WorkloadTableRow extends StaffWorkloadRow {
	hall_name: string;
	total: number;
}

export type WorkloadOrder = 'total' | 'name';

/**
 * The table's rows in the order asked: by total volume, most first (ties by name), or as the server lists them
 * (hall by hall, then by name). Names compare in Chinese order so 王 and 李 sort as a reader expects.
 */
export function workloadRows(workload: StaffWorkload, order: WorkloadOrder): WorkloadTableRow[] {
	const hallNames = new Map(workload.halls.map((hall) => [hall.id, hall.name]));
	const rows = workload.staff.map((row) => ({
		...row,
		hall_name: hallNames.get(row.hall_id) ?? '',
		total: workloadTotal(row)
	}));
	if (order === 'name') return rows;
	const byName = new Intl.Collator('zh-CN');
	return rows.sort((a, b) => b.total - a.total || byName.compare(a.name, b.name));
}
