import { describe, expect, it } from 'vitest';
import { compareByPlan, daysBetween, visitPlanStanding, weekOf, type PlanEnterprise } from './visit-plan';

const plan = (fields: Partial<PlanEnterprise> = {}): PlanEnterprise => ({
	visit_every_days: 30,
	archived_at: null,
	created_at: '2026-10-01T02:00:00.000Z',
	...fields
});

describe('visitPlanStanding', () => {
	it('is due N days after the last check-in, by hall date (a 23:30 UTC check-in is the next hall day)', () => {
		// 2026-11-01T23:30Z is 2026-11-02 07:30 in the hall.
		const standing = visitPlanStanding(plan(), '2026-11-01T23:30:00.000Z', '2026-11-20');
		expect(standing).toEqual({
			light: 'on_plan',
			due_on: '2026-12-02',
			days_left: 12,
			last_visit_on: '2026-11-02'
		});
	});

	it('never visited: due on the day it was created (hall date), so a new enterprise is overdue the next day', () => {
		expect(visitPlanStanding(plan(), null, '2026-10-01')).toMatchObject({
			light: 'due_soon',
			due_on: '2026-10-01'
		});
		expect(visitPlanStanding(plan(), null, '2026-10-02')).toMatchObject({
			light: 'overdue',
			days_left: -1,
			last_visit_on: null
		});
	});

	it('due soon within the next 7 days, today included; overdue from the day after the due date', () => {
		const last = '2026-11-01T02:00:00.000Z'; // due 2026-12-01
		expect(visitPlanStanding(plan(), last, '2026-11-24').light).toBe('on_plan');
		expect(visitPlanStanding(plan(), last, '2026-11-25').light).toBe('due_soon');
		expect(visitPlanStanding(plan(), last, '2026-12-01').light).toBe('due_soon');
		expect(visitPlanStanding(plan(), last, '2026-12-02').light).toBe('overdue');
	});

	it('counts across month and year ends, and February', () => {
		expect(
			visitPlanStanding(plan({ visit_every_days: 14 }), '2026-12-25T02:00:00Z', '2026-12-26').due_on
		).toBe('2027-01-08');
		expect(
			visitPlanStanding(plan({ visit_every_days: 7 }), '2027-02-25T02:00:00Z', '2027-02-26').due_on
		).toBe('2027-03-04');
		expect(
			visitPlanStanding(plan({ visit_every_days: 7 }), '2028-02-25T02:00:00Z', '2028-02-26').due_on
		).toBe('2028-03-03');
		expect(
			visitPlanStanding(plan({ visit_every_days: 90 }), '2026-11-30T02:00:00Z', '2027-02-27')
		).toMatchObject({
			due_on: '2027-02-28',
			days_left: 1,
			light: 'due_soon'
		});
	});

	it('no plan, or archived: never due', () => {
		expect(visitPlanStanding(plan({ visit_every_days: null }), null, '2030-01-01')).toEqual({
			light: 'none',
			due_on: null,
			days_left: null,
			last_visit_on: null
		});
		expect(
			visitPlanStanding(plan({ archived_at: '2026-11-01T00:00:00Z' }), '2026-01-01T00:00:00Z', '2030-01-01')
		).toMatchObject({ light: 'none', due_on: null, last_visit_on: '2026-01-01' });
	});

	it('orders the most overdue first, then due soon, on plan, no plan', () => {
		const today = '2026-12-10';
		const standings = [
			visitPlanStanding(plan({ visit_every_days: null }), null, today),
			visitPlanStanding(plan(), '2026-11-30T02:00:00Z', today),
			visitPlanStanding(plan(), '2026-10-01T02:00:00Z', today),
			visitPlanStanding(plan(), '2026-11-10T02:00:00Z', today),
			visitPlanStanding(plan(), '2026-11-05T02:00:00Z', today)
		];
		expect(standings.sort(compareByPlan).map((s) => [s.light, s.days_left])).toEqual([
			['overdue', -40],
			['overdue', -5],
			['due_soon', 0],
			['on_plan', 20],
			['none', null]
		]);
	});
});

describe('hall calendar arithmetic', () => {
	it('days between dates across a year end', () => {
		expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
		expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
	});

	it('the hall week runs Monday to Sunday', () => {
		expect(weekOf('2026-12-01')).toEqual({ from: '2026-11-30', to: '2026-12-06' }); // a Tuesday
		expect(weekOf('2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-12-06' }); // the Monday
		expect(weekOf('2027-01-03')).toEqual({ from: '2026-12-28', to: '2027-01-03' }); // a Sunday, across the year
	});
});
