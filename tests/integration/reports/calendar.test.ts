import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CALENDAR_RULES, calendarDay, calendarDayState } from '../../../src/lib/domain/hall-calendar';
import { hallReport } from '../../../src/lib/domain/report';
import { createTestHall, type TestHall } from '../history/support/test-hall';
import { signedInClient, useAdminDb, type TestClient } from '../support/clients';

// The district calendar (20261205000050_hall_calendar.sql, docs/REPORTS.md "Open days"): 2026's holidays and
// worked weekend days as published, the open days every figure counts (expected patrol windows here), who may
// change a day, and what a change must carry. Days written here are of weeks no other test counts, and are
// removed after.

const db = useAdminDb();
let hall: TestHall;
let windowsPerDay: number;
let centerManager: TestClient;
let stationManager: TestClient;
let intake: TestClient;
let hallManager: TestClient;

/**
 * Monday 2 to Sunday 8 August 2021: no holiday, five open days, and a week no other test counts (the calendar is
 * the district's, so a day closed here would close it for every hall a test running beside this one reads).
 */
const quietWeek = { from: '2021-08-02', to: '2021-08-08' };
const quietWednesday = '2021-08-04';

beforeAll(async () => {
	hall = await createTestHall(db(), 'district_center');
	const { rows } = await db().query<{ windows: number }>(
		'select jsonb_array_length(windows) as windows from app.patrol_plans where hall_id = $1',
		[hall.id]
	);
	windowsPerDay = rows[0]?.windows ?? 0;
	[centerManager, stationManager, intake, hallManager] = await Promise.all([
		signedInClient('manager@demo.hall'),
		signedInClient('manager@station.demo.hall'),
		signedInClient('intake@demo.hall'),
		signedInClient(hall.emails[0]!)
	]);
});
afterAll(async () => {
	await db().query('delete from app.calendar_days where day between $1 and $2', [
		quietWeek.from,
		quietWeek.to
	]);
	await db().query('update app.staff set active = false where hall_id = $1', [hall.id]);
});

async function expectedRounds(range: { from: string; to: string }): Promise<number> {
	const { data, error } = await hallManager.rpc('hall_report', {
		hall_ids: [hall.id],
		from_day: range.from,
		to_day: range.to
	});
	if (error) throw new Error(error.message);
	return hallReport.parse(data).patrols.expected_rounds;
}

async function openOn(day: string): Promise<boolean> {
	const { rows } = await db().query<{ open: boolean }>('select app.hall_open_on($1) as open', [day]);
	return rows[0]!.open;
}

describe('the district calendar', () => {
	it('has the limits the client checks', async () => {
		const { rows } = await db().query<{ rules: unknown }>('select app.calendar_rules() as rules');
		expect(rows[0]?.rules).toEqual(CALENDAR_RULES);
	});

	it('holds 2026 as published: National Day off, the Saturday after worked, plain weeks as they are', async () => {
		expect(windowsPerDay).toBeGreaterThan(0);
		expect(await openOn('2026-10-01')).toBe(false); // Thursday, 国庆节
		expect(await openOn('2026-10-07')).toBe(false); // Wednesday, 国庆节
		expect(await openOn('2026-10-10')).toBe(true); // Saturday, 国庆节调休上班
		expect(await openOn('2026-10-11')).toBe(false); // Sunday
		expect(await openOn('2026-10-12')).toBe(true); // Monday
		expect(await openOn('2026-02-14')).toBe(true); // Saturday, 春节调休上班
	});

	it('counts the National Day fortnight’s expected patrol windows on its six open days', async () => {
		// Monday 28 September to Sunday 11 October: ten weekdays, five of them off, one Saturday worked.
		expect(await expectedRounds({ from: '2026-09-28', to: '2026-10-11' })).toBe(6 * windowsPerDay);
	});

	it('lets a manager of a district center record a holiday, which the figures follow, and undo it', async () => {
		expect(await expectedRounds(quietWeek)).toBe(5 * windowsPerDay);

		const set = await centerManager.rpc('set_calendar_day', {
			day: quietWednesday,
			open: false,
			note: ' 临时闭厅 '
		});
		expect(set.error).toBeNull();
		expect(calendarDayState.parse(set.data)).toEqual({ day: quietWednesday, open: false, note: '临时闭厅' });
		expect(await expectedRounds(quietWeek)).toBe(4 * windowsPerDay);

		// Anyone on the staff reads it, with who recorded it.
		const read = await intake.rpc('calendar_days', { from_day: quietWeek.from, to_day: quietWeek.to });
		expect(read.error).toBeNull();
		const days = z.array(calendarDay).parse(read.data);
		expect(
			days.map(({ day, open, note, updated_by_name }) => ({ day, open, note, updated_by_name }))
		).toEqual([{ day: quietWednesday, open: false, note: '临时闭厅', updated_by_name: '刘洋' }]);

		// Open again, as any Wednesday: no longer an exception.
		const undo = await centerManager.rpc('set_calendar_day', { day: quietWednesday, open: true });
		expect(calendarDayState.parse(undo.data)).toEqual({ day: quietWednesday, open: true, note: null });
		expect(await expectedRounds(quietWeek)).toBe(5 * windowsPerDay);
	});

	it('keeps nothing for a day set to what the plain week says', async () => {
		const sunday = await centerManager.rpc('set_calendar_day', {
			day: quietWeek.to,
			open: false,
			note: '周日'
		});
		expect(calendarDayState.parse(sunday.data)).toEqual({ day: quietWeek.to, open: false, note: null });
		const { rows } = await db().query('select 1 from app.calendar_days where day = $1', [quietWeek.to]);
		expect(rows).toEqual([]);
	});

	it('refuses a station’s manager and anyone not a manager, and a day without its reason', async () => {
		for (const client of [stationManager, intake]) {
			const { error, status } = await client.rpc('set_calendar_day', {
				day: quietWednesday,
				open: false,
				note: '临时闭厅'
			});
			expect({ status, message: error?.message }).toEqual({ status: 403, message: 'report_forbidden' });
		}
		const refusals = [
			{ day: quietWednesday, open: false },
			{ day: quietWednesday, open: false, note: '   ' },
			{ day: quietWednesday, open: false, note: '节'.repeat(CALENDAR_RULES.noteMax + 1) },
			{ day: '2101-01-03', open: false, note: '太远' },
			{ day: quietWeek.from, open: null, note: '无' }
		];
		for (const args of refusals) {
			const { error, status } = await centerManager.rpc('set_calendar_day', args);
			expect({ status, message: error?.message }, JSON.stringify(args)).toEqual({
				status: 400,
				message: 'report_invalid_range'
			});
		}
		expect(await openOn(quietWednesday)).toBe(true);
	});

	it('reads at most a year and a bit at once', async () => {
		const { error, status } = await intake.rpc('calendar_days', {
			from_day: '2026-01-01',
			to_day: '2027-03-01'
		});
		expect({ status, message: error?.message }).toEqual({ status: 400, message: 'report_invalid_range' });
	});
});
