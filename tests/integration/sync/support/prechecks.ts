import { randomBytes, randomUUID } from 'node:crypto';
import { DEVICE_CODE_ALPHABET, type Mark } from '../../../../src/lib/domain/precheck';
import type { Material, ServiceItemDraft } from '../../../../src/lib/domain/service-catalog';
import type { OpPayload } from '../../../../src/lib/features/registry';
import { op, type UnsentOp } from './ops';

/** Catalog and pre-check ops as a device writes them, for the server's rules (docs/PRECHECK.md). */

/** An item code no other test uses. */
export function uniqueCode(prefix = 'IT'): string {
	return `${prefix}-${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
}

function material(fields: Partial<Material> & Pick<Material, 'key' | 'name_zh'>): Material {
	return {
		name_en: '',
		requirement: 'required',
		condition: null,
		situations: [],
		form: 'original',
		copies: 1,
		obtain: {
			office_zh: '市场监督管理局',
			office_en: 'Market Regulation Bureau',
			url: 'https://zwfw.tj.gov.cn/',
			template_url: null,
			note_zh: '',
			note_en: ''
		},
		rejection_reasons: [],
		...fields
	};
}

/** 公司设立登记: 申请书 (required), 章程 (required, new only), 委托书 (when by an agent), 其他 (optional). */
export function companyDraft(fields: Partial<ServiceItemDraft> = {}): ServiceItemDraft {
	return {
		code: uniqueCode(),
		name_zh: '公司设立登记',
		name_en: 'Company registration',
		scope: 'enterprise_setup',
		legal_days: 15,
		promised_days: 3,
		where_to_apply: '综合窗口 1-8 号',
		online_url: 'https://zwfw.tj.gov.cn/company',
		fee: '免费',
		aliases: ['营业执照', '开公司'],
		situations: [
			{ key: 'new', name_zh: '新办', name_en: 'New' },
			{ key: 'change', name_zh: '变更', name_en: 'Change' }
		],
		questions: [{ key: 'agent', text_zh: '由代理人办理？', text_en: 'By an agent?' }],
		materials: [
			material({ key: 'form', name_zh: '公司登记申请书', rejection_reasons: ['未使用最新版申请书'] }),
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

export function publish(
	draft: ServiceItemDraft,
	ids: { id?: string; item_id?: string } = {}
): UnsentOp<'service_item.publish', OpPayload<'service_item.publish'>> {
	return op('service_item.publish', {
		id: ids.id ?? randomUUID(),
		item_id: ids.item_id ?? randomUUID(),
		...draft,
		search_keys: 'gongsishelidengji gssldj',
		published_at: new Date().toISOString()
	});
}

export function withdraw(
	itemId: string
): UnsentOp<'service_item.withdraw', OpPayload<'service_item.withdraw'>> {
	return op('service_item.withdraw', { id: itemId, withdrawn_at: new Date().toISOString() });
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
export const unacceptable = (material_key: string, reason_text: string | null = null): Mark => ({
	material_key,
	status: 'unacceptable',
	reason: reason_text ? 'other' : 'expired',
	reason_text
});

let noticeCount = 0;
/** A notice number as a device makes one (its own code, its own count), unique in this test run. */
export function noticeNo(): string {
	const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(2, 10).replaceAll('-', '');
	const pick = () => DEVICE_CODE_ALPHABET[randomBytes(1)[0]! % DEVICE_CODE_ALPHABET.length];
	noticeCount += 1;
	return `${day}-${pick()}${pick()}${pick()}-${String(noticeCount).padStart(4, '0')}`;
}

/** A link token: 128 random bits, base64url (22 characters). */
export const publicToken = (): string => randomBytes(16).toString('base64url');

export function recordPrecheck(
	versionId: string,
	marks: Mark[],
	fields: Partial<OpPayload<'precheck.record'>> = {}
): UnsentOp<'precheck.record', OpPayload<'precheck.record'>> {
	return op('precheck.record', {
		id: randomUUID(),
		round_id: randomUUID(),
		item_version_id: versionId,
		record_id: null,
		situation_key: 'new',
		answers: { agent: false },
		language: 'zh',
		marks,
		notice_no: null,
		public_token: null,
		applicant_name: null,
		applicant_phone: null,
		checked_at: new Date().toISOString(),
		...fields
	});
}

/** An incomplete first visit with its notice: the charter missing, the form not acceptable. */
export function recordWithNotice(
	versionId: string,
	fields: Partial<OpPayload<'precheck.record'>> = {}
): UnsentOp<'precheck.record', OpPayload<'precheck.record'>> {
	return recordPrecheck(versionId, [unacceptable('form'), missing('charter'), present('other')], {
		notice_no: noticeNo(),
		public_token: publicToken(),
		...fields
	});
}

export function recheck(
	precheckId: string,
	marks: Mark[],
	fields: Partial<OpPayload<'precheck.recheck'>> = {}
): UnsentOp<'precheck.recheck', OpPayload<'precheck.recheck'>> {
	return op('precheck.recheck', {
		id: randomUUID(),
		precheck_id: precheckId,
		marks,
		new_gap_keys: [],
		broken_promise_reason: null,
		checked_at: new Date().toISOString(),
		...fields
	});
}
