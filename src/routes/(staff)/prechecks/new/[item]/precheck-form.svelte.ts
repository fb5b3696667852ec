import {
	PHONE_PATTERN,
	PRECHECK_LIMITS,
	type Mark,
	type MarkStatus,
	type NoticeLanguage,
	type RoundResult
} from '$lib/domain/precheck';
import { applicableMaterials, roundResult } from '$lib/domain/precheck-rules';
import type { Material, ServiceItemVersionRow } from '$lib/domain/service-catalog';
import { isPlainText } from '$lib/domain/text';
import { t } from '$lib/features/prechecks/messages';
import { markError, toMark, withReason, withStatus, withTyped, type MarkDraft } from '../../mark-draft';

export type FormErrors = Partial<Record<string, string>>;

const PHONE = new RegExp(PHONE_PATTERN);

/**
 * The first visit's form: situation, answers, a mark per material that applies, the applicant's optional name
 * and phone, the notice's language. Answers and marks of materials that stop applying are kept, so changing an
 * answer back restores what was marked.
 */
export class PrecheckForm {
	situation = $state<string | null>(null);
	answers = $state<Record<string, boolean>>({});
	marks = $state<Record<string, MarkDraft>>({});
	applicantName = $state('');
	applicantPhone = $state('');
	language = $state<NoticeLanguage>('zh');
	errors = $state<FormErrors>({});

	readonly #version: () => ServiceItemVersionRow;

	constructor(version: () => ServiceItemVersionRow) {
		this.#version = version;
		const first = version().situations[0];
		// One situation is no choice: it is chosen.
		if (version().situations.length === 1 && first) this.situation = first.key;
	}

	readonly materials: Material[] = $derived.by(() =>
		applicableMaterials(this.#version(), this.situation, this.answers)
	);

	/** The marks as the op carries them; unmarked materials and half-given reasons are left out. */
	readonly marksOut: Mark[] = $derived.by(() =>
		this.materials.flatMap((material) => {
			const draft = this.marks[material.key];
			return draft?.status ? [toMark(material, draft)] : [];
		})
	);

	readonly unmarked: number = $derived(
		this.materials.filter((material) => !this.marks[material.key]?.status).length
	);

	/** The result the server will decide too: known once everything that applies is marked. */
	readonly result: RoundResult | null = $derived.by(() =>
		this.unmarked === 0 ? roundResult(this.#version(), this.marksOut) : null
	);

	mark(key: string, status: MarkStatus): void {
		this.marks[key] = withStatus(this.marks[key], status);
		this.#clear(`mark.${key}`);
	}

	setReason(key: string, reason: string): void {
		this.marks[key] = withReason(this.marks[key], reason);
		this.#clear(`mark.${key}`);
	}

	setTyped(key: string, typed: string): void {
		this.marks[key] = withTyped(this.marks[key], typed);
	}

	/** The rest are all here: one tap for the usual case, then only the exceptions need marking. */
	markRestPresent(): void {
		for (const material of this.materials) {
			if (!this.marks[material.key]?.status) this.mark(material.key, 'present');
		}
	}

	answer(question: string, value: boolean): void {
		this.answers = { ...this.answers, [question]: value };
		this.#clear(`question.${question}`);
	}

	chooseSituation(key: string): void {
		this.situation = key;
		this.#clear('situation');
	}

	/** Checks everything on the device, naming each field to fix; returns whether the form can be saved. */
	validate(): boolean {
		const version = this.#version();
		const errors: FormErrors = {};
		if (version.situations.length > 0 && this.situation === null) {
			errors['situation'] = t('precheck.errors.situation');
		}
		for (const question of version.questions) {
			const needed = version.materials.some(
				(material) =>
					material.condition?.question === question.key &&
					(material.situations.length === 0 ||
						(this.situation !== null && material.situations.includes(this.situation)))
			);
			if (needed && this.answers[question.key] === undefined) {
				errors[`question.${question.key}`] = t('precheck.errors.answer');
			}
		}
		for (const material of this.materials) {
			const error = markError(this.marks[material.key]);
			if (error) errors[`mark.${material.key}`] = error;
		}
		const name = this.applicantName.trim();
		if (name.length > PRECHECK_LIMITS.applicantName || !isPlainText(name)) {
			errors['applicantName'] = t('precheck.errors.name', { max: String(PRECHECK_LIMITS.applicantName) });
		}
		const phone = this.applicantPhone.trim();
		if (phone !== '' && !PHONE.test(phone)) errors['applicantPhone'] = t('precheck.errors.phone');
		this.errors = errors;
		return Object.keys(errors).length === 0;
	}

	#clear(field: string): void {
		if (this.errors[field]) {
			const { [field]: _dropped, ...rest } = this.errors;
			this.errors = rest;
		}
	}
}
