import { addDays, hallDate } from './hall-time';

/**
 * Where an enterprise stands against its visit plan (docs/VISITS.md, "Visit plan tracking"): with a plan of every N
 * days it is due N days after its last visit's check-in (hall dates); never visited, it is due on the day it was
 * created. Pure: the lists, the enterprise page and the managers' review all read it.
 */

/** overdue: due before today; due_soon: due within the next 7 days, today included; none: no plan, or archived. */
export const PLAN_LIGHTS = ['overdue', 'due_soon', 'on_plan', 'none'] as const;
export type PlanLight = (typeof PLAN_LIGHTS)[number];

/** How many days ahead "due soon" looks, today included. */
export const DUE_SOON_DAYS = 7;

export interface PlanEnterprise {
	visit_every_days: number | null;
	archived_at: string | null;
	created_at: string;
}

export interface PlanStanding {
	light: PlanLight;
	/** The hall date the next visit is due; null without a plan (or archived). */
	due_on: string | null;
	/** Days from today to the due date: negative when overdue; null without one. */
	days_left: number | null;
	/** The hall date of the last visit's check-in, or null if never visited. */
	last_visit_on: string | null;
}

/** Whole days from hall date `from` to hall date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The standing of `enterprise` on hall date `today`, given the check-in time of its last visit (the latest, or null
 * if never visited).
 */
export function visitPlanStanding(
	enterprise: PlanEnterprise,
	lastCheckInAt: string | null,
	today: string
): PlanStanding {
	const last_visit_on = lastCheckInAt === null ? null : hallDate(new Date(lastCheckInAt));
	const every = enterprise.visit_every_days;
	if (every === null || enterprise.archived_at !== null) {
		return { light: 'none', due_on: null, days_left: null, last_visit_on };
	}
	const due_on =
		last_visit_on === null ? hallDate(new Date(enterprise.created_at)) : addDays(last_visit_on, every);
	const days_left = daysBetween(today, due_on);
	const light: PlanLight = days_left < 0 ? 'overdue' : days_left < DUE_SOON_DAYS ? 'due_soon' : 'on_plan';
	return { light, due_on, days_left, last_visit_on };
}

/** Most urgent first: overdue (longest overdue first), due soon, on plan, then no plan; ties by due date. */
export function compareByPlan(a: PlanStanding, b: PlanStanding): number {
	const rank = (standing: PlanStanding) => PLAN_LIGHTS.indexOf(standing.light);
	return rank(a) - rank(b) || (a.days_left ?? 0) - (b.days_left ?? 0);
}

/** The hall week (Monday to Sunday, hall dates) that `today` falls in: "this week" of the home and the review. */
export function weekOf(today: string): { from: string; to: string } {
	// 1970-01-05 was a Monday: whole days since then, mod 7, is the day of the week counted from Monday.
	const fromMonday = ((daysBetween('1970-01-05', today) % 7) + 7) % 7;
	const from = addDays(today, -fromMonday);
	return { from, to: addDays(from, 6) };
}
