import type { Mark } from '../../src/lib/domain/precheck';
import type {
	Material,
	ServiceItemDraft,
	ServiceItemRow,
	ServiceItemVersionRow
} from '../../src/lib/domain/service-catalog';
import { STAFF } from './fake-server';

/** Catalog rows and drafts for tests: a small 公司设立登记 with a situation, a question and each kind of material. */

const NO_OBTAIN = {
	office_zh: '',
	office_en: '',
	url: null,
	template_url: null,
	note_zh: '',
	note_en: ''
};

export function material(fields: Partial<Material> & Pick<Material, 'key' | 'name_zh'>): Material {
	return {
		name_en: '',
		requirement: 'required',
		condition: null,
		situations: [],
		form: 'original',
		copies: 1,
		obtain: NO_OBTAIN,
		rejection_reasons: [],
		...fields
	};
}

/** 申请书 (required), 章程 (required, new only), 委托书 (when by an agent), 其他 (optional). */
export function companyDraft(fields: Partial<ServiceItemDraft> = {}): ServiceItemDraft {
	return {
		code: 'QY-001',
		name_zh: '公司设立登记',
		name_en: 'Company registration',
		scope: 'enterprise_setup',
		legal_days: 15,
		promised_days: 3,
		where_to_apply: '综合窗口',
		online_url: null,
		fee: '免费',
		aliases: ['营业执照'],
		situations: [
			{ key: 'new', name_zh: '新办', name_en: 'New' },
			{ key: 'change', name_zh: '变更', name_en: 'Change' }
		],
		questions: [{ key: 'agent', text_zh: '由代理人办理？', text_en: 'By an agent?' }],
		materials: [
			material({ key: 'form', name_zh: '公司登记申请书' }),
			material({ key: 'charter', name_zh: '公司章程', situations: ['new'] }),
			material({
				key: 'proxy',
				name_zh: '授权委托书',
				requirement: 'conditional',
				condition: { question: 'agent', answer: true }
			}),
			material({ key: 'other', name_zh: '其他材料', requirement: 'optional' })
		],
		...fields
	};
}

export function versionRow(
	fields: Partial<ServiceItemVersionRow> & Pick<ServiceItemVersionRow, 'id' | 'item_id'>,
	draft: ServiceItemDraft = companyDraft()
): ServiceItemVersionRow {
	const { code: _code, ...content } = draft;
	return {
		hall_id: STAFF.hall_id,
		revision: 1,
		...content,
		search_keys: '',
		published_by: STAFF.staff_id,
		published_by_name: STAFF.staff_name,
		published_at: '2026-11-25T01:00:00.000Z',
		version: 1,
		...fields
	};
}

export function itemRow(
	fields: Partial<ServiceItemRow> & Pick<ServiceItemRow, 'id' | 'current_version_id'>
): ServiceItemRow {
	return {
		hall_id: STAFF.hall_id,
		code: 'QY-001',
		withdrawn_at: null,
		is_demo: false,
		version: 1,
		...fields
	};
}

export const present = (material_key: string): Mark => ({
	material_key,
	status: 'present',
	reason: null,
	reason_text: null
});
export const missing = (material_key: string): Mark => ({
	material_key,
	status: 'missing',
	reason: null,
	reason_text: null
});
export const unacceptable = (material_key: string): Mark => ({
	material_key,
	status: 'unacceptable',
	reason: 'expired',
	reason_text: null
});
