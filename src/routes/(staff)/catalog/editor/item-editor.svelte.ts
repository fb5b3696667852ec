import type { ServiceItemDraft } from '$lib/domain/service-catalog';
import {
	checkFields,
	emptyItem,
	emptyMaterial,
	nextKey,
	type FieldErrors,
	type ItemFields
} from './item-form';

/** What the tab keeps of an unsaved edit: the form, and which version it started from. */
interface StoredDraft {
	base: string | null;
	fields: ItemFields;
}

/** Where the tab keeps the unsaved form of an item ('new' for an item not yet published). */
export const draftStorageKey = (itemId: string | null): string =>
	`hall-assist.catalog-draft.${itemId ?? 'new'}`;

/**
 * The editor's state: the form, its errors, and the operations of its buttons. Every change is kept in the tab's
 * sessionStorage, so a failed save, a reload or a slip to another screen loses nothing the manager typed; the
 * copy goes once the version is published (or the manager discards it).
 */
export class ItemEditor {
	fields = $state<ItemFields>(emptyItem());
	errors = $state<FieldErrors>({});
	/** The form came back from the tab's storage rather than from the item. */
	restored = $state(false);
	readonly itemId: string | null;
	readonly #base: string | null;
	readonly #storage: Storage | null;
	readonly #start: ItemFields;

	/**
	 * `start` is the form of the current version (or an empty one for a new item); a draft the tab kept from the
	 * same version wins over it.
	 */
	constructor(options: {
		itemId: string | null;
		base: string | null;
		start: ItemFields;
		storage: Storage | null;
	}) {
		this.itemId = options.itemId;
		this.#base = options.base;
		this.#storage = options.storage;
		this.#start = structuredClone(options.start);
		const stored = this.#read();
		if (stored && stored.base === options.base) {
			this.fields = stored.fields;
			this.restored = true;
		} else {
			// A copy: the form's edits must never reach the version (or the object) it started from.
			this.fields = structuredClone(options.start);
		}
	}

	/**
	 * An edited item's materials as published start folded (a name and its buttons), so a long list stays short on
	 * a phone; a new item's, and materials added now, start open.
	 */
	startsFolded(materialKey: string): boolean {
		return !this.isNew && this.#start.materials.some((m) => m.key === materialKey);
	}

	get isNew(): boolean {
		return this.itemId === null;
	}

	/** Called by the screen after every change (an $effect reading `fields`). */
	keep(): void {
		try {
			this.#storage?.setItem(
				draftStorageKey(this.itemId),
				JSON.stringify({ base: this.#base, fields: this.fields } satisfies StoredDraft)
			);
		} catch {
			// A full or disabled storage: the form stays in memory, which is all a save needs.
		}
	}

	/** Drops a restored draft: back to the form the item itself gives. */
	discard(): void {
		this.forget();
		this.fields = structuredClone(this.#start);
		this.errors = {};
		this.restored = false;
	}

	forget(): void {
		this.#storage?.removeItem(draftStorageKey(this.itemId));
	}

	/** The form's draft when it is valid; otherwise null, with every problem on its field. */
	check(): ServiceItemDraft | null {
		const { draft, errors } = checkFields(this.fields);
		this.errors = errors;
		return Object.keys(errors).length === 0 ? draft : null;
	}

	/** The first field with a problem, in the form's order, for the screen to move focus to. */
	get firstError(): string | null {
		return Object.keys(this.errors)[0] ?? null;
	}

	addAlias(text: string): boolean {
		const alias = text.trim();
		if (alias === '' || this.fields.aliases.includes(alias)) return false;
		this.fields.aliases.push(alias);
		return true;
	}

	removeAlias(index: number): void {
		this.fields.aliases.splice(index, 1);
	}

	addSituation(): void {
		const key = nextKey(
			's',
			this.fields.situations.map((s) => s.key)
		);
		this.fields.situations.push({ key, name_zh: '', name_en: '' });
	}

	/** A removed situation leaves the materials that named it (they then apply to the remaining ones). */
	removeSituation(index: number): void {
		const [removed] = this.fields.situations.splice(index, 1);
		if (!removed) return;
		for (const m of this.fields.materials) m.situations = m.situations.filter((key) => key !== removed.key);
	}

	addQuestion(): void {
		const key = nextKey(
			'q',
			this.fields.questions.map((q) => q.key)
		);
		this.fields.questions.push({ key, text_zh: '', text_en: '' });
	}

	/** A material conditional on a removed question keeps its requirement; the check asks for a new question. */
	removeQuestion(index: number): void {
		const [removed] = this.fields.questions.splice(index, 1);
		if (!removed) return;
		for (const m of this.fields.materials)
			if (m.condition_question === removed.key) m.condition_question = '';
	}

	addMaterial(): void {
		this.fields.materials.push(emptyMaterial(this.fields.materials.map((m) => m.key)));
	}

	removeMaterial(index: number): void {
		this.fields.materials.splice(index, 1);
		this.errors = {};
	}

	/** Moves a material one place up (-1) or down (+1); its errors, keyed by position, are cleared. */
	moveMaterial(index: number, step: -1 | 1): void {
		const target = index + step;
		const list = this.fields.materials;
		if (target < 0 || target >= list.length) return;
		const [moved] = list.splice(index, 1);
		if (moved) list.splice(target, 0, moved);
		this.errors = {};
	}

	addReason(materialIndex: number, text: string): boolean {
		const material = this.fields.materials[materialIndex];
		const reason = text.trim();
		if (!material || reason === '' || material.rejection_reasons.includes(reason)) return false;
		material.rejection_reasons.push(reason);
		return true;
	}

	removeReason(materialIndex: number, reasonIndex: number): void {
		this.fields.materials[materialIndex]?.rejection_reasons.splice(reasonIndex, 1);
	}

	#read(): StoredDraft | null {
		try {
			const text = this.#storage?.getItem(draftStorageKey(this.itemId));
			if (!text) return null;
			const parsed = JSON.parse(text) as StoredDraft;
			return typeof parsed === 'object' && parsed !== null && Array.isArray(parsed.fields?.materials)
				? parsed
				: null;
		} catch {
			return null;
		}
	}
}
