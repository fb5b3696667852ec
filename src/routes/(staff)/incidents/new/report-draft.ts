import * as z from 'zod/mini';
import {
	INCIDENT_CATEGORIES,
	INCIDENT_LIMITS,
	type IncidentCategory,
	type Severity
} from '$lib/domain/incident';
import { PHONE_PATTERN } from '$lib/domain/precheck';
import { hasVisibleText } from '$lib/domain/text';
import type { NewIncident } from '$lib/local/incidents/writes';

/**
 * The report form's draft: what the URL prefills (a patrol problem links here with its values, docs/PATROL.md),
 * what the person changes, and which fields still need something before it can be stored. Pure, so the rules are
 * tested without a screen.
 */
export interface ReportDraft {
	category: IncidentCategory | null;
	severity: Severity;
	place: string;
	/** From a patrol: the checkpoint the problem was found at, kept while the place is not changed. */
	checkpoint_id: string | null;
	description: string;
	complainant_name: string;
	complainant_phone: string;
	/** The patrol check it comes from. */
	source_check_id: string | null;
}

export type DraftField = 'category' | 'place' | 'description' | 'complainant_name' | 'complainant_phone';
export type DraftProblem = 'required' | 'too_long' | 'complainant_required' | 'phone_invalid';

const uuid = z.uuid();
const asUuid = (value: string | null): string | null =>
	value && uuid.safeParse(value).success ? value : null;

/** The form's start from `/incidents/new?check=&checkpoint=&place=&category=&description=`; unknown values are ignored. */
export function draftFromUrl(params: URLSearchParams): ReportDraft {
	const category = params.get('category');
	return {
		category: (INCIDENT_CATEGORIES as readonly string[]).includes(category ?? '')
			? (category as IncidentCategory)
			: null,
		severity: 4,
		place: (params.get('place') ?? '').slice(0, INCIDENT_LIMITS.place),
		checkpoint_id: asUuid(params.get('checkpoint')),
		description: (params.get('description') ?? '').slice(0, INCIDENT_LIMITS.description),
		complainant_name: '',
		complainant_phone: '',
		source_check_id: asUuid(params.get('check'))
	};
}

/** What is wrong with each field, in the form's order; empty when the draft can be stored. */
export function draftProblems(draft: ReportDraft): Partial<Record<DraftField, DraftProblem>> {
	const problems: Partial<Record<DraftField, DraftProblem>> = {};
	if (!draft.category) problems.category = 'required';
	if (!hasVisibleText(draft.place)) problems.place = 'required';
	else if (draft.place.trim().length > INCIDENT_LIMITS.place) problems.place = 'too_long';
	if (!hasVisibleText(draft.description)) problems.description = 'required';
	else if (draft.description.trim().length > INCIDENT_LIMITS.description) problems.description = 'too_long';
	if (draft.category === 'complaint') {
		const name = draft.complainant_name.trim();
		const phone = draft.complainant_phone.trim();
		if (name.length > INCIDENT_LIMITS.complainantName) problems.complainant_name = 'too_long';
		if (phone && !new RegExp(PHONE_PATTERN).test(phone)) problems.complainant_phone = 'phone_invalid';
		if (!name && !phone) problems.complainant_name = 'complainant_required';
	}
	return problems;
}

/** The report as the write takes it: a complainant only for a complaint. */
export function draftToReport(draft: ReportDraft): NewIncident {
	const complaint = draft.category === 'complaint';
	return {
		category: draft.category ?? 'environment',
		severity: draft.severity,
		place: draft.place,
		checkpoint_id: draft.checkpoint_id,
		description: draft.description,
		complainant_name: complaint ? draft.complainant_name : null,
		complainant_phone: complaint ? draft.complainant_phone : null,
		source_check_id: draft.source_check_id
	};
}
