import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffWorkload, WORKLOAD_MEASURES, type StaffWorkload } from '../../../src/lib/domain/assessment';
import { hallReport } from '../../../src/lib/domain/report';
import { useAdminDb } from '../support/clients';
import { createAssessmentWorld, type AssessmentWorld, type Person } from './fixture';
import { forbidden, Gateway, invalidRange } from './gateway';

// public.staff_workload (docs/REPORTS.md, "Staff workload") through the gateway: every count of every person
// against the hand-made October of fixture.ts, counted by hand below; who may see which halls; the range.

const db = useAdminDb();
const gateway = new Gateway();
let world: AssessmentWorld;

beforeAll(async () => {
	world = await createAssessmentWorld(db());
	await gateway.signIn([world.a, world.m, world.stationManager, world.otherManager]);
});
afterAll(async () => {
	if (!world) return;
	await db().query('update app.staff set active = false where hall_id = any ($1)', [
		[world.center, world.station, world.other]
	]);
});

const october = { from_day: '2026-10-01', to_day: '2026-10-31' };

async function workload(person: Person, halls: string[], range = october): Promise<StaffWorkload> {
	const { status, body } = await gateway.call(person, 'staff_workload', { hall_ids: halls, ...range });
	expect({ status, body: status === 200 ? 'an answer' : body }).toEqual({ status: 200, body: 'an answer' });
	return staffWorkload.parse(body);
}

const none = Object.fromEntries(WORKLOAD_MEASURES.map((measure) => [measure, 0]));

describe('one hall, one month: every count of every person', () => {
	let answer: StaffWorkload;
	beforeAll(async () => {
		answer = await workload(world.m, [world.center]);
	});

	it('names the hall and the range', () => {
		expect(answer.halls).toEqual([{ id: world.center, name: '考核测试中心' }]);
		expect([answer.from, answer.to]).toEqual(['2026-10-01', '2026-10-31']);
	});

	it('lists the active staff and the one who left with work, by name; not the one who left without', () => {
		expect(answer.staff.map((row) => [row.name, row.post, row.active])).toEqual([
			['A 王芳', 'intake', true],
			['B 李娜', 'assist', true],
			['E 赵强', 'intake', false],
			['M 刘洋', 'manager', true]
		]);
		expect(answer.staff.every((row) => row.hall_id === world.center)).toBe(true);
	});

	it('A: records, pre-checks, patrols, incidents, a visit, follow-ups', () => {
		expect(answer.staff[0]).toEqual({
			staff_id: world.a.staffId,
			name: 'A 王芳',
			post: 'intake',
			hall_id: world.center,
			active: true,
			// R1, R2 (23:59 on the 31st); not R4 (deleted).
			records_first_responder: 2,
			// Consults on R1 and R2.
			record_events: 2,
			// P1, P2; the notice of P2; P3's return on the 2nd.
			prechecks: 2,
			notices: 1,
			return_rounds: 1,
			// W8, W9 (late), W12 (incomplete); not S30 or N2.
			patrol_rounds: 3,
			patrol_rounds_late: 1,
			patrol_rounds_incomplete: 1,
			// I1, I2, I5 (23:59 on the 31st); not I6 (00:00 on November 1st) or I8.
			incidents_reported: 3,
			incidents_handled: 0,
			incident_steps: 0,
			visits: 1,
			visits_accompanied: 0,
			// F2, F4 (F1 is September's); a note on F2.
			follow_ups_opened: 2,
			follow_ups_closed: 0,
			follow_up_steps: 1
		});
	});

	it('B: events on others’ records, returns, a late round of an on-time window, handled incidents', () => {
		expect(answer.staff[1]).toEqual({
			...none,
			staff_id: world.b.staffId,
			name: 'B 李娜',
			post: 'assist',
			hall_id: world.center,
			active: true,
			// The acceptance on R1 (R3 is November's).
			record_events: 1,
			// P4 and its notice; P2's two returns and P5's October one.
			prechecks: 1,
			notices: 1,
			return_rounds: 3,
			// W13late (started 09:20, after 09:15), W13, X17 (no checks); W14 never finished.
			patrol_rounds: 3,
			patrol_rounds_late: 1,
			patrol_rounds_incomplete: 1,
			// I3, I4 (I7 was reported in September); I1 and I2 resolved, their two resolve steps.
			incidents_reported: 2,
			incidents_handled: 2,
			incident_steps: 2,
			// V2 (23:59 on the 31st), along on V1; not V3.
			visits: 1,
			visits_accompanied: 1,
			// F3, F5; F4 done; F4 started.
			follow_ups_opened: 2,
			follow_ups_closed: 1,
			follow_up_steps: 1
		});
	});

	it('E, gone, with one record; M: assignments, closings, a follow-up given up and one reassigned', () => {
		expect(answer.staff[2]).toEqual({
			...none,
			staff_id: world.e.staffId,
			name: 'E 赵强',
			post: 'intake',
			hall_id: world.center,
			active: false,
			records_first_responder: 1
		});
		expect(answer.staff[3]).toEqual({
			...none,
			staff_id: world.m.staffId,
			name: 'M 刘洋',
			post: 'manager',
			hall_id: world.center,
			active: true,
			// I7, resolved on October 1st 01:00; assigning I1 and I2, closing I1, resolving I7.
			incidents_handled: 1,
			incident_steps: 4,
			// F5 (cannot solve); reassigning F2.
			follow_ups_closed: 1,
			follow_up_steps: 1
		});
	});

	it('the records and their events agree with the report’s figures for the same hall and days', async () => {
		const { body } = await gateway.call(world.m, 'hall_report', { hall_ids: [world.center], ...october });
		const report = hallReport.parse(body);
		const sum = (measure: 'records_first_responder' | 'record_events') =>
			answer.staff.reduce((total, row) => total + row[measure], 0);
		expect(sum('records_first_responder')).toBe(report.operation.visitors);
		expect(sum('record_events')).toBe(report.operation.events.reduce((total, row) => total + row.count, 0));
	});
});

describe('the hall day (UTC+8) and the range', () => {
	it('the 31st holds the 23:59 record, incident and visit; November 1st their 00:00 twins', async () => {
		const last = await workload(world.m, [world.center], { from_day: '2026-10-31', to_day: '2026-10-31' });
		const first = await workload(world.m, [world.center], { from_day: '2026-11-01', to_day: '2026-11-01' });
		const a = (answer: StaffWorkload) => answer.staff.find((row) => row.staff_id === world.a.staffId);
		const b = (answer: StaffWorkload) => answer.staff.find((row) => row.staff_id === world.b.staffId);
		expect(a(last)).toMatchObject({ records_first_responder: 1, incidents_reported: 1 });
		expect(b(last)).toMatchObject({ visits: 1, records_first_responder: 0, incidents_reported: 1 });
		expect(a(first)).toMatchObject({ records_first_responder: 0, incidents_reported: 1 });
		expect(b(first)).toMatchObject({ visits: 1, records_first_responder: 1 });
	});

	it('refuses an inverted range, a missing day, no halls and more than 400 days', async () => {
		const ask = (args: object) => gateway.refusal(world.m, 'staff_workload', args);
		expect(await ask({ hall_ids: [world.center], from_day: '2026-10-31', to_day: '2026-10-01' })).toEqual(
			invalidRange
		);
		expect(await ask({ hall_ids: [world.center], from_day: null, to_day: '2026-10-01' })).toEqual(
			invalidRange
		);
		expect(await ask({ hall_ids: [], ...october })).toEqual(invalidRange);
		expect(await ask({ hall_ids: [world.center], from_day: '2025-09-26', to_day: '2026-10-31' })).toEqual(
			invalidRange
		);
		expect(await ask({ hall_ids: [world.center], from_day: 'infinity', to_day: '2026-10-31' })).toEqual(
			invalidRange
		);
	});
});

describe('who sees which halls', () => {
	it('a center’s manager sees the center and its station, hall by hall', async () => {
		const both = await workload(world.m, [world.station, world.center]);
		expect(both.halls.map((hall) => hall.id)).toEqual([world.center, world.station]);
		expect(both.staff.map((row) => row.name)).toEqual(['A 王芳', 'B 李娜', 'E 赵强', 'M 刘洋', 'S 周敏']);
		expect(both.staff[4]).toEqual({
			...none,
			staff_id: world.stationManager.staffId,
			name: 'S 周敏',
			post: 'manager',
			hall_id: world.station,
			active: true,
			// SP1–SP5, their notices and returns; SC1–SC6 reported and resolved.
			prechecks: 5,
			notices: 5,
			return_rounds: 5,
			incidents_reported: 6,
			incidents_handled: 6
		});
	});

	it('a station’s manager sees the station only; another hall’s manager and a colleague are refused', async () => {
		const station = await workload(world.stationManager, [world.station]);
		expect(station.staff.map((row) => row.name)).toEqual(['S 周敏']);
		expect(
			await gateway.refusal(world.stationManager, 'staff_workload', { hall_ids: [world.center], ...october })
		).toEqual(forbidden);
		expect(
			await gateway.refusal(world.otherManager, 'staff_workload', { hall_ids: [world.center], ...october })
		).toEqual(forbidden);
		expect(
			await gateway.refusal(world.otherManager, 'staff_workload', {
				hall_ids: ['00000000-0000-4000-8000-000000000000'],
				...october
			})
		).toEqual(forbidden);
		expect(
			await gateway.refusal(world.a, 'staff_workload', { hall_ids: [world.center], ...october })
		).toEqual(forbidden);
	});
});
