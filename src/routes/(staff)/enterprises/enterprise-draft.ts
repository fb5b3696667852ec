import { checkCreditCode, normaliseCreditCode } from '$lib/domain/credit-code';
import { ENTERPRISE_LIMITS, STREET_CODES, type EnterpriseRow } from '$lib/domain/enterprise';
import { isLatitude, isLongitude } from '$lib/domain/geo';
import { hasVisibleText } from '$lib/domain/text';
import { te } from '$lib/features/enterprises/messages';
import type { EnterpriseInput } from '$lib/local/enterprises/writes';
import { creditCodeMessage } from './credit-code-message';

/** The enterprise form as typed: every field a string, so nothing a person typed is ever dropped or reformatted. */
export interface EnterpriseDraft {
	name: string;
	credit_code: string;
	street_code: string;
	address: string;
	latitude: string;
	longitude: string;
	industry: string;
	visit_every_days: string;
	archived: boolean;
}

export type DraftField = Exclude<keyof EnterpriseDraft, 'archived'>;
export type DraftProblems = Partial<Record<DraftField, string>>;

export const EMPTY_DRAFT: EnterpriseDraft = {
	name: '',
	credit_code: '',
	street_code: '',
	address: '',
	latitude: '',
	longitude: '',
	industry: '',
	visit_every_days: '',
	archived: false
};

export function draftFromRow(row: EnterpriseRow): EnterpriseDraft {
	return {
		name: row.name,
		credit_code: row.credit_code,
		street_code: row.street_code,
		address: row.address ?? '',
		latitude: row.latitude === null ? '' : String(row.latitude),
		longitude: row.longitude === null ? '' : String(row.longitude),
		industry: row.industry ?? '',
		visit_every_days: row.visit_every_days === null ? '' : String(row.visit_every_days),
		archived: row.archived_at !== null
	};
}

const optional = (text: string): string | null => (hasVisibleText(text) ? text.trim() : null);
/** A number typed with a decimal point or comma; NaN when it is not one. */
const numberOf = (text: string): number => (text.trim() === '' ? NaN : Number(text.trim().replace(',', '.')));
const length = (text: string): number => [...text.trim()].length;

/** The credit code's own problem, as it is typed (shown from the first character on). */
export const creditCodeProblem = (typed: string): string | null => creditCodeMessage(checkCreditCode(typed));

/** Every field's problem in Chinese, by field: the form shows each next to its field. */
export function draftProblems(draft: EnterpriseDraft): DraftProblems {
	const problems: DraftProblems = {};
	const nameLength = length(draft.name);
	if (nameLength < ENTERPRISE_LIMITS.nameMin || nameLength > ENTERPRISE_LIMITS.name) {
		problems.name = te('enterprise.form.nameLength', {
			min: String(ENTERPRISE_LIMITS.nameMin),
			max: String(ENTERPRISE_LIMITS.name)
		});
	}
	const code = creditCodeProblem(draft.credit_code);
	if (code) problems.credit_code = code;
	if (!STREET_CODES.includes(draft.street_code)) problems.street_code = te('enterprise.form.streetRequired');
	if (length(draft.address) > ENTERPRISE_LIMITS.address) {
		problems.address = te('enterprise.form.tooLong', { max: String(ENTERPRISE_LIMITS.address) });
	}
	if (length(draft.industry) > ENTERPRISE_LIMITS.industry) {
		problems.industry = te('enterprise.form.tooLong', { max: String(ENTERPRISE_LIMITS.industry) });
	}
	const hasLatitude = draft.latitude.trim() !== '';
	const hasLongitude = draft.longitude.trim() !== '';
	if (hasLatitude && !isLatitude(numberOf(draft.latitude))) {
		problems.latitude = te('enterprise.form.latitudeRange');
	}
	if (hasLongitude && !isLongitude(numberOf(draft.longitude))) {
		problems.longitude = te('enterprise.form.longitudeRange');
	}
	if (hasLatitude !== hasLongitude) {
		problems[hasLatitude ? 'longitude' : 'latitude'] = te('enterprise.form.positionBoth');
	}
	if (draft.visit_every_days.trim() !== '') {
		const days = numberOf(draft.visit_every_days);
		if (
			!Number.isInteger(days) ||
			days < ENTERPRISE_LIMITS.visitEveryMinDays ||
			days > ENTERPRISE_LIMITS.visitEveryMaxDays
		) {
			problems.visit_every_days = te('enterprise.form.visitEveryRange', {
				min: String(ENTERPRISE_LIMITS.visitEveryMinDays),
				max: String(ENTERPRISE_LIMITS.visitEveryMaxDays)
			});
		}
	}
	return problems;
}

/** What the device's write takes, from a draft without problems: numbers parsed, blanks as null. */
export function draftToInput(draft: EnterpriseDraft, id: string | null): EnterpriseInput {
	return {
		id,
		name: draft.name.trim(),
		credit_code: normaliseCreditCode(draft.credit_code),
		street_code: draft.street_code,
		address: optional(draft.address),
		latitude: draft.latitude.trim() === '' ? null : numberOf(draft.latitude),
		longitude: draft.longitude.trim() === '' ? null : numberOf(draft.longitude),
		industry: optional(draft.industry),
		visit_every_days: draft.visit_every_days.trim() === '' ? null : numberOf(draft.visit_every_days),
		archived: draft.archived
	};
}
