import { describe, expect, it } from 'vitest';
import type { ServiceItemVersionRow } from '$lib/domain/service-catalog';
import { ItemEditor, draftStorageKey } from './item-editor.svelte';
import { emptyItem, fieldsFromVersion, fieldId, nextKey, type ItemFields } from './item-form';

/** A Storage in memory, as a tab's sessionStorage behaves. */
class MemoryStorage implements Storage {
	#data = new Map<string, string>();
	get length(): number {
		return this.#data.size;
	}
	clear(): void {
		this.#data.clear();
	}
	getItem(key: string): string | null {
		return this.#data.get(key) ?? null;
	}
	key(index: number): string | null {
		return [...this.#data.keys()][index] ?? null;
	}
	removeItem(key: string): void {
		this.#data.delete(key);
	}
	setItem(key: string, value: string): void {
		this.#data.set(key, value);
	}
}

function validFields(): ItemFields {
	const fields = emptyItem();
	fields.code = 'qy-001';
	fields.name_zh = '公司设立登记';
	fields.scope = 'enterprise_setup';
	fields.legal_days = '15';
	fields.promised_days = '3';
	fields.materials[0]!.name_zh = '营业执照申请书';
	return fields;
}

const newEditor = (storage: Storage = new MemoryStorage(), start = validFields()): ItemEditor =>
	new ItemEditor({ itemId: null, base: null, start, storage });

const version: ServiceItemVersionRow = {
	id: '11111111-1111-4111-8111-111111111111',
	item_id: '22222222-2222-4222-8222-222222222222',
	hall_id: '33333333-3333-4333-8333-333333333333',
	revision: 2,
	name_zh: '食品经营许可',
	name_en: 'Food business licence',
	scope: 'administrative_approval',
	legal_days: 20,
	promised_days: 5,
	where_to_apply: 'A 区 3 号窗口',
	online_url: null,
	fee: '',
	aliases: ['食品证'],
	search_keys: 'shipinjingyingxuke spjyxk',
	situations: [{ key: 's1', name_zh: '新办', name_en: 'New' }],
	questions: [{ key: 'q3', text_zh: '由代理人办理？', text_en: 'Through an agent?' }],
	materials: [
		{
			key: 'm1',
			name_zh: '申请书',
			name_en: '',
			requirement: 'required',
			condition: null,
			situations: [],
			form: 'original',
			copies: 1,
			obtain: { office_zh: '', office_en: '', url: null, template_url: null, note_zh: '', note_en: '' },
			rejection_reasons: []
		},
		{
			key: 'm7',
			name_zh: '授权委托书',
			name_en: '',
			requirement: 'conditional',
			condition: { question: 'q3', answer: true },
			situations: ['s1'],
			form: 'original',
			copies: 1,
			obtain: { office_zh: '', office_en: '', url: null, template_url: null, note_zh: '', note_en: '' },
			rejection_reasons: ['未签字']
		}
	],
	published_by: '44444444-4444-4444-8444-444444444444',
	published_by_name: '刘洋',
	published_at: '2026-11-30T08:00:00.000+08:00',
	version: 1
};

describe('the catalog editor', () => {
	it('accepts a complete form and gives the draft, code upper-cased and text trimmed', () => {
		const editor = newEditor();
		editor.fields.name_zh = '  公司设立登记 ';
		const draft = editor.check();
		expect(editor.errors).toEqual({});
		expect(draft).toMatchObject({
			code: 'QY-001',
			name_zh: '公司设立登记',
			legal_days: 15,
			promised_days: 3
		});
	});

	it('says in Chinese what is wrong next to each field: empty name, promise over the law, a bad link', () => {
		const editor = newEditor();
		editor.fields.name_zh = '   ';
		editor.fields.promised_days = '30';
		editor.fields.online_url = 'javascript:alert(1)';
		editor.fields.materials[0]!.obtain.template_url = 'ftp://example.org/x';
		expect(editor.check()).toBeNull();
		expect(editor.errors).toEqual({
			name_zh: { key: 'catalog.error.nameRequired' },
			promised_days: { key: 'catalog.error.promiseOverLaw' },
			online_url: { key: 'catalog.error.url' },
			'materials.0.obtain.template_url': { key: 'catalog.error.url' }
		});
		expect(editor.firstError).toBe('name_zh');
		expect(fieldId('materials.0.obtain.template_url')).toBe('item-materials-0-obtain-template_url');
	});

	it('refuses days that are not whole numbers, copies out of range, a missing scope and no materials', () => {
		const editor = newEditor();
		editor.fields.legal_days = '十五';
		editor.fields.scope = '';
		editor.fields.materials[0]!.copies = '0';
		expect(editor.check()).toBeNull();
		expect(editor.errors['legal_days']?.key).toBe('catalog.error.days');
		expect(editor.errors['scope']?.key).toBe('catalog.error.scope');
		expect(editor.errors['materials.0.copies']?.key).toBe('catalog.error.copies');
		editor.removeMaterial(0);
		editor.check();
		expect(editor.errors['materials']?.key).toBe('catalog.error.noMaterials');
	});

	it('asks a conditional material for its question, and accepts it once chosen', () => {
		const editor = newEditor();
		editor.addQuestion();
		editor.fields.questions[0]!.text_zh = '由代理人办理？';
		editor.addMaterial();
		const agent = editor.fields.materials[1]!;
		agent.name_zh = '授权委托书';
		agent.requirement = 'conditional';
		expect(editor.check()).toBeNull();
		expect(editor.errors).toEqual({ 'materials.1.condition': { key: 'catalog.error.condition' } });
		agent.condition_question = editor.fields.questions[0]!.key;
		const draft = editor.check();
		expect(draft?.materials[1]?.condition).toEqual({ question: 'q1', answer: true });
		// Removing the question leaves the material asking for one again.
		editor.removeQuestion(0);
		expect(editor.check()).toBeNull();
		expect(editor.errors['materials.1.condition']?.key).toBe('catalog.error.condition');
	});

	it('starts an edit from the current version and keeps material keys stable; new keys never reuse one', () => {
		const editor = new ItemEditor({
			itemId: version.item_id,
			base: version.id,
			start: fieldsFromVersion('SP-01', version),
			storage: new MemoryStorage()
		});
		editor.addMaterial();
		editor.fields.materials[2]!.name_zh = '营业场所证明';
		editor.moveMaterial(2, -1);
		editor.moveMaterial(0, -1); // already first: nothing moves
		const draft = editor.check();
		expect(draft?.materials.map((m) => m.key)).toEqual(['m1', 'm8', 'm7']);
		expect(draft?.materials[2]?.condition).toEqual({ question: 'q3', answer: true });
		expect(nextKey('q', ['q3'])).toBe('q4');
		// Published materials start folded on a phone; the one just added is open, as is every one of a new item.
		expect(editor.startsFolded('m1')).toBe(true);
		expect(editor.startsFolded('m8')).toBe(false);
		expect(newEditor().startsFolded('m1')).toBe(false);
	});

	it('drops a removed situation from the materials that named it', () => {
		const editor = new ItemEditor({
			itemId: version.item_id,
			base: version.id,
			start: fieldsFromVersion('SP-01', version),
			storage: new MemoryStorage()
		});
		editor.removeSituation(0);
		expect(editor.fields.materials[1]?.situations).toEqual([]);
		expect(editor.check()?.situations).toEqual([]);
	});

	it('keeps aliases and reasons as chips without empties or repeats', () => {
		const editor = newEditor();
		expect(editor.addAlias(' 开公司 ')).toBe(true);
		expect(editor.addAlias('开公司')).toBe(false);
		expect(editor.addAlias('  ')).toBe(false);
		expect(editor.addReason(0, '未盖章')).toBe(true);
		expect(editor.addReason(0, '未盖章')).toBe(false);
		editor.removeAlias(0);
		expect(editor.fields.aliases).toEqual([]);
		expect(editor.fields.materials[0]?.rejection_reasons).toEqual(['未盖章']);
	});

	it('keeps what was typed across a reload of the tab until it is published', () => {
		const storage = new MemoryStorage();
		const first = newEditor(storage);
		first.fields.name_zh = '';
		first.fields.fee = '免费';
		first.keep();
		expect(first.check()).toBeNull();

		const reloaded = newEditor(storage, emptyItem());
		expect(reloaded.restored).toBe(true);
		expect(reloaded.fields.fee).toBe('免费');
		expect(reloaded.fields.code).toBe('qy-001');

		reloaded.discard();
		expect(reloaded.fields).toEqual(emptyItem());
		expect(storage.getItem(draftStorageKey(null))).toBeNull();
		expect(newEditor(storage, emptyItem()).restored).toBe(false);
	});

	it('does not restore a draft made from an older version of the item', () => {
		const storage = new MemoryStorage();
		const start = fieldsFromVersion('SP-01', version);
		const old = new ItemEditor({ itemId: version.item_id, base: 'older-version', start, storage });
		old.fields.fee = '10 元';
		old.keep();
		const now = new ItemEditor({ itemId: version.item_id, base: version.id, start, storage });
		expect(now.restored).toBe(false);
		expect(now.fields.fee).toBe('');
	});
});
