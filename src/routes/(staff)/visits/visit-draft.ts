import { dueDateFits, VISIT_LIMITS, type VisitKind } from '$lib/domain/visit';
import { addDays, hallDate } from '$lib/domain/hall-time';
import { hasVisibleText } from '$lib/domain/text';
import { tv } from '$lib/features/visits/messages';

/**
 * The visit's forms as typed: the start (kind, project, companions, people met) and, while it runs, the summary
 * and the demands. Strings kept as typed, so a refusal loses nothing; the problems are in Chinese, by field.
 */

export interface StartDraft {
	kind: VisitKind;
	project_id: string;
	companion_ids: string[];
	met: string;
	/** Only filled by 复制上次走访. */
	summary: string;
}

export interface DemandDraft {
	/** The follow-up's id-to-be: stable across edits, so the list's keys and labels never jump. */
	key: string;
	demand: string;
	owner_id: string;
	due_on: string;
}

export type StartField = 'project_id' | 'companion_ids' | 'met' | 'summary';
export type DemandField = 'demand' | 'owner_id' | 'due_on';

const length = (text: string): number => [...text.trim()].length;
const tooLong = (max: number): string => tv('visit.form.tooLong', { max: String(max) });

export const emptyStart = (): StartDraft => ({
	kind: 'onsite',
	project_id: '',
	companion_ids: [],
	met: '',
	summary: ''
});

export function startProblems(draft: StartDraft): Partial<Record<StartField, string>> {
	const problems: Partial<Record<StartField, string>> = {};
	if (draft.kind === 'project' && draft.project_id === '')
		problems.project_id = tv('visit.form.projectRequired');
	if (draft.companion_ids.length > VISIT_LIMITS.companions) {
		problems.companion_ids = tv('visit.form.tooManyCompanions', { max: String(VISIT_LIMITS.companions) });
	}
	if (length(draft.met) > VISIT_LIMITS.met) problems.met = tooLong(VISIT_LIMITS.met);
	if (length(draft.summary) > VISIT_LIMITS.summary) problems.summary = tooLong(VISIT_LIMITS.summary);
	return problems;
}

/** A demand's default due date: two weeks from today, a common promise for an enterprise's request. */
export const defaultDue = (today: string): string => addDays(today, 14);

export function demandProblems(
	demand: DemandDraft,
	now: Date = new Date()
): Partial<Record<DemandField, string>> {
	const problems: Partial<Record<DemandField, string>> = {};
	if (!hasVisibleText(demand.demand)) problems.demand = tv('visit.demand.textRequired');
	else if (length(demand.demand) > VISIT_LIMITS.demand) problems.demand = tooLong(VISIT_LIMITS.demand);
	if (demand.owner_id === '') problems.owner_id = tv('visit.demand.ownerRequired');
	if (demand.due_on === '') problems.due_on = tv('visit.demand.dueRequired');
	else if (!dueDateFits(demand.due_on, now.toISOString())) problems.due_on = tv('visit.demand.dueRange');
	return problems;
}

/** The summary's problem, or null. */
export const summaryProblem = (summary: string): string | null =>
	length(summary) > VISIT_LIMITS.summary ? tooLong(VISIT_LIMITS.summary) : null;

/** The latest due date a demand may take today (for the date field's max). */
export const latestDue = (now: Date = new Date()): string =>
	addDays(hallDate(now), VISIT_LIMITS.dueWithinDays);

/** Text or null: empty fields are saved as null, never as blanks. */
export const textOrNull = (text: string): string | null => (hasVisibleText(text) ? text.trim() : null);
