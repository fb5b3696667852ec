import pg from 'pg';
import { generateHistory, hallToday } from '../../../supabase/local/demo-history';
import { createTestHall, type TestHall } from '../../integration/history/support/test-hall';
import { readStackInfo } from '../stack-info';

/** A calendar month: its first and last day, and `2026-11`. */
export interface HistoryMonth {
	from: string;
	to: string;
	slug: string;
}

/** Last month of the hall's calendar: the managers' screens are one "previous" away from it, the ledger opens it. */
export function lastMonth(): HistoryMonth {
	const [year, month] = hallToday().split('-').map(Number) as [number, number];
	const day = (date: Date) => date.toISOString().slice(0, 10);
	const from = day(new Date(Date.UTC(year, month - 2, 1)));
	return { from, to: day(new Date(Date.UTC(year, month - 1, 0))), slug: from.slice(0, 7) };
}

export type HistoryHall = TestHall & { name: string };

/**
 * A hall made for one spec file and filled with the month's generated history (and the day after it), so no other
 * spec's rows move. Slow (a minute on a shared machine): call it from a `beforeAll` with a long timeout.
 */
export async function createHistoryHall(
	kind: 'district_center' | 'street_station',
	month: HistoryMonth
): Promise<HistoryHall> {
	const { databaseUrl } = await readStackInfo();
	const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
	let hall: HistoryHall;
	try {
		const made = await createTestHall(db, kind);
		const { rows } = await db.query<{ name: string }>('select name from app.halls where id = $1', [made.id]);
		hall = { ...made, name: rows[0]?.name ?? '' };
	} finally {
		await db.end();
	}
	const days = Number(month.to.slice(8)) + 1;
	await generateHistory(databaseUrl, { anchor: month.to, days, hallIds: [hall.id] });
	return hall;
}
