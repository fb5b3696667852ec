import {
	PRECHECK_LIMITS,
	REJECTION_REASONS,
	type Mark,
	type MarkStatus,
	type RejectionReason
} from '$lib/domain/precheck';
import type { Material } from '$lib/domain/service-catalog';
import { hasVisibleText, isPlainText } from '$lib/domain/text';
import { t } from '$lib/features/prechecks/messages';

/** One material's mark as a form holds it; the typed reason is kept whatever the status becomes. */
export interface MarkDraft {
	status: MarkStatus | null;
	/** A common reason, `own:<n>` for the material's own n-th reason, or `other` (typed). */
	reason: string | null;
	typed: string;
}

const COMMON = new Set<string>(REJECTION_REASONS.filter((reason) => reason !== 'other'));

/** A form mark as the op carries it: a material's own reason travels as `other` with its words. */
export function toMark(material: Material, draft: MarkDraft): Mark {
	const status = draft.status ?? 'missing';
	if (status !== 'unacceptable')
		return { material_key: material.key, status, reason: null, reason_text: null };
	const reason = draft.reason ?? 'other';
	if (COMMON.has(reason)) {
		return { material_key: material.key, status, reason: reason as RejectionReason, reason_text: null };
	}
	const own = /^own:(\d+)$/.exec(reason);
	const ownText = own ? material.rejection_reasons[Number(own[1])] : undefined;
	return { material_key: material.key, status, reason: 'other', reason_text: ownText ?? draft.typed.trim() };
}

/** What is wrong with a mark, in Chinese, or null when it can be saved. */
export function markError(draft: MarkDraft | undefined): string | null {
	if (!draft?.status) return t('precheck.errors.unmarked');
	if (draft.status !== 'unacceptable') return null;
	if (!draft.reason) return t('precheck.errors.reason');
	if (draft.reason !== 'other') return null;
	if (!hasVisibleText(draft.typed)) return t('precheck.errors.reasonTyped');
	if (draft.typed.length > PRECHECK_LIMITS.reasonText || !isPlainText(draft.typed)) {
		return t('precheck.errors.reasonTooLong', { max: String(PRECHECK_LIMITS.reasonText) });
	}
	return null;
}

/** Form state helpers shared by the first visit and the return visit. */
export function withStatus(draft: MarkDraft | undefined, status: MarkStatus): MarkDraft {
	return { ...(draft ?? { reason: null, typed: '' }), status };
}

export function withReason(draft: MarkDraft | undefined, reason: string): MarkDraft {
	return { ...(draft ?? { status: 'unacceptable', typed: '' }), reason };
}

export function withTyped(draft: MarkDraft | undefined, typed: string): MarkDraft {
	return { ...(draft ?? { status: 'unacceptable', reason: 'other' }), typed };
}
