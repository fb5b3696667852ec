import type { Post } from '$lib/backend';

/** The workflows the staff home offers: each has its entry, and most a "mine, due today" list under it. */
export const HOME_WORKFLOWS = [
	'tickets',
	'prechecks',
	'patrols',
	'incidents',
	'visits',
	'catalog',
	'summaries'
] as const;
/** A manager's own: the day at a glance and the reports. */
export const MANAGER_ONLY = ['today', 'reports'] as const;
export type HomeWorkflow = (typeof HOME_WORKFLOWS)[number] | (typeof MANAGER_ONLY)[number];

/**
 * The order of the home for each post: what the post spends its day on first, within a thumb's reach.
 * - intake and delivery sit at windows: queue tickets first, then what their counter produces and reports;
 * - assist roams the hall: pre-checks of waiting applicants first, then tickets, and it walks the patrols;
 * - a manager starts from the hall's day at a glance (each figure opens its list), then answers for what is
 *   open: incidents, then the enterprises' follow-ups, then the patrol plan, then the pre-checks' promises; the
 *   reports (month's end) after the day's work;
 * - enterprise visits (企业走访) go out of the hall: assist, who helps applicants through, goes most (after its
 *   own two); the window posts see their follow-ups after the hall's own work.
 * The catalog (reading the items) comes last for everyone but the weekly summary (周结), written once a week; a
 * manager edits the catalog from there.
 */
const ORDER: Readonly<Record<Post, readonly HomeWorkflow[]>> = {
	intake: ['tickets', 'prechecks', 'incidents', 'patrols', 'visits', 'catalog', 'summaries'],
	delivery: ['tickets', 'incidents', 'patrols', 'prechecks', 'visits', 'catalog', 'summaries'],
	assist: ['prechecks', 'tickets', 'visits', 'patrols', 'incidents', 'catalog', 'summaries'],
	manager: [
		'today',
		'incidents',
		'visits',
		'patrols',
		'prechecks',
		'reports',
		'tickets',
		'catalog',
		'summaries'
	]
};

export function homeOrder(post: Post): readonly HomeWorkflow[] {
	return ORDER[post];
}
