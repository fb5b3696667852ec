import type {
	Material,
	MaterialForm,
	ObtainInfo,
	Question,
	ServiceItemDraft,
	Situation
} from '../../src/lib/domain/service-catalog';

/**
 * Small builders for the demo catalog, so each item reads like the paper list a window keeps: mostly names, with
 * the defaults (one original, required, for all situations) written once here.
 */

export interface MaterialSpec {
	key: string;
	zh: string;
	en: string;
	form?: MaterialForm;
	copies?: number;
	optional?: boolean;
	/** Conditional: required when question `question` gets `answer` (true unless said). */
	when?: { question: string; answer?: boolean };
	situations?: string[];
	obtain?: Partial<ObtainInfo>;
	rejections?: string[];
}

const NO_OBTAIN: ObtainInfo = {
	office_zh: '',
	office_en: '',
	url: null,
	template_url: null,
	note_zh: '',
	note_en: ''
};

export function material(spec: MaterialSpec): Material {
	return {
		key: spec.key,
		name_zh: spec.zh,
		name_en: spec.en,
		requirement: spec.when ? 'conditional' : spec.optional ? 'optional' : 'required',
		condition: spec.when ? { question: spec.when.question, answer: spec.when.answer ?? true } : null,
		situations: spec.situations ?? [],
		form: spec.form ?? 'original',
		copies: spec.copies ?? 1,
		obtain: { ...NO_OBTAIN, ...spec.obtain },
		rejection_reasons: spec.rejections ?? []
	};
}

export const situation = (key: string, zh: string, en: string): Situation => ({
	key,
	name_zh: zh,
	name_en: en
});

export const question = (key: string, zh: string, en: string): Question => ({
	key,
	text_zh: zh,
	text_en: en
});

/** The questions most items ask. */
export const AGENT = question('agent', '由代理人办理？', 'Applying through an agent?');

/** The materials half the catalog asks for, with how to obtain them. */
export const common = {
	idCard: (key = 'id_card', zh = '申请人身份证', en = "Applicant's ID card"): Material =>
		material({
			key,
			zh,
			en,
			form: 'original_and_copy',
			obtain: {
				office_zh: '户籍所在地公安派出所',
				office_en: 'Local police station of household registration',
				note_zh: '须在有效期内；临时身份证亦可。',
				note_en: 'Must be valid; a temporary ID card is accepted.'
			},
			rejections: ['身份证已过期']
		}),
	agentLetter: (): Material =>
		material({
			key: 'power_of_attorney',
			zh: '授权委托书',
			en: 'Power of attorney',
			when: { question: 'agent' },
			obtain: {
				office_zh: '申请人自行填写',
				office_en: 'Filled in by the applicant',
				template_url: 'https://zwfw.tj.gov.cn/templates/sqwts.docx',
				note_zh: '写明委托事项和期限，委托人签字或盖章。',
				note_en: 'State the matter and period; signed or sealed by the principal.'
			},
			rejections: ['委托事项不明确', '委托期限已过']
		}),
	agentId: (): Material =>
		material({
			key: 'agent_id_card',
			zh: '代理人身份证',
			en: "Agent's ID card",
			form: 'original_and_copy',
			when: { question: 'agent' },
			obtain: {
				office_zh: '户籍所在地公安派出所',
				office_en: 'Local police station of household registration'
			},
			rejections: ['身份证已过期']
		}),
	license: (form: MaterialForm = 'copy'): Material =>
		material({
			key: 'business_license',
			zh: '营业执照',
			en: 'Business license',
			form,
			obtain: {
				office_zh: '河北区市场监督管理局',
				office_en: 'Hebei District Administration for Market Regulation',
				url: 'https://scjg.tj.gov.cn/zwfw/',
				note_zh: '复印件加盖公章；电子营业执照亦可。',
				note_en: 'Copy with the company seal; the electronic license is accepted.'
			},
			rejections: ['未加盖公章']
		}),
	legalRepId: (): Material =>
		material({
			key: 'legal_rep_id',
			zh: '法定代表人身份证',
			en: "Legal representative's ID card",
			form: 'copy',
			obtain: {
				office_zh: '户籍所在地公安派出所',
				office_en: 'Local police station of household registration'
			},
			rejections: ['身份证已过期']
		}),
	application: (zh: string, en: string, template: string): Material =>
		material({
			key: 'application_form',
			zh,
			en,
			obtain: {
				office_zh: '政务服务中心窗口领取或网上下载',
				office_en: 'At the window or downloaded online',
				template_url: `https://zwfw.tj.gov.cn/templates/${template}`,
				note_zh: '申请人签字；单位申请加盖公章。',
				note_en: 'Signed by the applicant; a company also seals it.'
			},
			rejections: ['未签字或未盖章', '使用旧版表格']
		})
};

export type SeedItem = ServiceItemDraft;
