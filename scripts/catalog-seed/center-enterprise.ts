import { AGENT, common, material, question, situation, type SeedItem } from './build';

/** 企业开办 at the district center: the five steps a new company goes through, done at 企业开办专区 (A区). */

const ZONE_A = '企业开办专区（A区 1–6 号窗口）';
const QYKB_URL = 'https://zwfw.tj.gov.cn/qykb/';

const companyCharter = material({
	key: 'articles',
	zh: '公司章程',
	en: 'Articles of association',
	obtain: {
		office_zh: '申请人自行拟定',
		office_en: 'Drafted by the applicant',
		template_url: 'https://zwfw.tj.gov.cn/templates/gszc.docx',
		note_zh: '全体股东签字（自然人）或盖章（法人股东）。',
		note_en: 'Signed by every natural-person shareholder, sealed by corporate shareholders.'
	},
	rejections: ['股东未全部签字', '出资期限超过五年']
});

const premises = material({
	key: 'premises',
	zh: '住所（经营场所）使用证明',
	en: 'Proof of the right to use the premises',
	form: 'copy',
	obtain: {
		office_zh: '产权人提供房产证或租赁合同',
		office_en: 'Title deed or lease from the owner',
		note_zh: '租赁的提交租赁合同和产权证明复印件；使用住宅作经营场所须另附业主证明。',
		note_en:
			'For a lease: the lease and a copy of the title; a flat used for business also needs the owners’ consent.'
	},
	rejections: ['租赁合同已到期', '地址与申请书不一致']
});

export const enterpriseItems: SeedItem[] = [
	{
		code: 'HB-QYKB-0001',
		name_zh: '公司设立登记',
		name_en: 'Company registration',
		scope: 'enterprise_setup',
		legal_days: 15,
		promised_days: 1,
		where_to_apply: ZONE_A,
		online_url: QYKB_URL,
		fee: '不收费',
		aliases: ['营业执照', '执照', '办照', '注册公司', '开公司', '设立登记'],
		situations: [],
		questions: [
			AGENT,
			question('prior_permit', '经营范围涉及前置许可？', 'Does the business scope need a prior permit?'),
			question('foreign_shareholder', '有境外股东？', 'Any shareholder from outside the mainland?')
		],
		materials: [
			common.application('公司登记（备案）申请书', 'Company registration application', 'gsdjsqs.docx'),
			companyCharter,
			material({
				key: 'shareholder_ids',
				zh: '股东主体资格证明',
				en: "Shareholders' identity documents",
				form: 'copy',
				obtain: {
					office_zh: '自然人股东提供身份证；法人股东提供营业执照',
					office_en: 'ID card of each person; business license of each corporate shareholder'
				}
			}),
			material({
				key: 'officers',
				zh: '法定代表人、董事、监事和经理的任职文件及身份证明',
				en: 'Appointment documents and IDs of the legal representative, directors, supervisors and manager',
				form: 'copy',
				obtain: {
					office_zh: '股东会决议或股东决定',
					office_en: "Shareholders' resolution or decision",
					template_url: 'https://zwfw.tj.gov.cn/templates/rzwj.docx'
				}
			}),
			premises,
			material({
				key: 'name_notice',
				zh: '企业名称自主申报告知书',
				en: 'Self-declared company name notice',
				optional: true,
				obtain: {
					office_zh: '企业开办“一网通办”平台自助打印',
					office_en: 'Printed from the enterprise set-up portal',
					url: QYKB_URL
				}
			}),
			material({
				key: 'prior_permit',
				zh: '前置审批许可文件',
				en: 'Prior approval document',
				form: 'copy',
				when: { question: 'prior_permit' },
				obtain: {
					office_zh: '相关行业主管部门',
					office_en: 'The competent authority of the trade',
					note_zh: '如危险化学品经营、劳务派遣等，以《前置审批事项目录》为准。',
					note_en: 'E.g. hazardous chemicals, labor dispatch: see the list of prior approvals.'
				}
			}),
			material({
				key: 'notarized_subject',
				zh: '经公证认证的境外股东主体资格证明',
				en: 'Notarized and authenticated identity of the foreign shareholder',
				when: { question: 'foreign_shareholder' },
				obtain: {
					office_zh: '所在国（地区）公证机构及我国驻当地使领馆',
					office_en: 'A notary of the home country and the Chinese embassy or consulate'
				},
				rejections: ['缺少中文译本']
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-QYKB-0002',
		name_zh: '公章刻制备案',
		name_en: 'Company seal engraving and filing',
		scope: 'enterprise_setup',
		legal_days: 1,
		promised_days: 0,
		where_to_apply: ZONE_A,
		online_url: QYKB_URL,
		fee: '新办企业首套印章免费刻制',
		aliases: ['刻章', '印章刻制', '公章', '刻公章'],
		situations: [
			situation('new', '新刻', 'New seals'),
			situation('replace', '损坏或遗失补刻', 'Replacement of damaged or lost seals')
		],
		questions: [AGENT],
		materials: [
			common.license(),
			common.legalRepId(),
			material({
				key: 'seal_form',
				zh: '印章刻制申请表',
				en: 'Seal engraving application form',
				obtain: {
					office_zh: '窗口领取',
					office_en: 'At the window',
					template_url: 'https://zwfw.tj.gov.cn/templates/yzkzsqb.docx'
				}
			}),
			material({
				key: 'loss_notice',
				zh: '印章遗失登报声明',
				en: 'Newspaper notice of the lost seal',
				situations: ['replace'],
				obtain: {
					office_zh: '市级以上报纸',
					office_en: 'A newspaper at city level or above',
					note_zh: '损坏补刻的交回原印章，无需登报。',
					note_en: 'For a damaged seal, hand in the old one instead.'
				}
			}),
			material({
				key: 'old_seal',
				zh: '原印章',
				en: 'The damaged seal',
				optional: true,
				situations: ['replace']
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-QYKB-0003',
		name_zh: '发票申领',
		name_en: 'Invoice application',
		scope: 'enterprise_setup',
		legal_days: 5,
		promised_days: 1,
		where_to_apply: '税务专区（A区 7–9 号窗口）',
		online_url: 'https://etax.tianjin.chinatax.gov.cn/',
		fee: '不收费',
		aliases: ['领发票', '申领发票', '票种核定', '税务登记', '数电票'],
		situations: [],
		questions: [AGENT, question('first_time', '首次申领？', 'First application?')],
		materials: [
			common.license(),
			material({
				key: 'operator_id',
				zh: '经办人身份证',
				en: 'ID card of the person in charge of tax matters',
				obtain: {
					office_zh: '户籍所在地公安派出所',
					office_en: 'Local police station of household registration'
				},
				rejections: ['身份证已过期']
			}),
			material({
				key: 'tax_form',
				zh: '纳税人领用发票票种核定表',
				en: 'Invoice type approval form',
				when: { question: 'first_time' },
				obtain: {
					office_zh: '电子税务局填报后打印',
					office_en: 'Filled in and printed from the e-tax portal',
					url: 'https://etax.tianjin.chinatax.gov.cn/'
				}
			}),
			material({
				key: 'real_name',
				zh: '办税人员实名采集信息',
				en: "Tax officer's real-name registration",
				when: { question: 'first_time' },
				obtain: {
					office_zh: '税务窗口现场采集或“个人所得税”App',
					office_en: 'At the tax window or in the Individual Income Tax app'
				}
			}),
			common.agentLetter()
		]
	},
	{
		code: 'HB-QYKB-0004',
		name_zh: '单位社会保险登记',
		name_en: 'Employer social insurance registration',
		scope: 'enterprise_setup',
		legal_days: 15,
		promised_days: 1,
		where_to_apply: ZONE_A,
		online_url: 'https://hrss.tj.gov.cn/ztzl/shbx/',
		fee: '不收费',
		aliases: ['社保登记', '社保开户', '单位社保', '参保登记'],
		situations: [
			situation('new', '新办', 'New registration'),
			situation('change', '变更', 'Change'),
			situation('cancel', '注销', 'Cancellation')
		],
		questions: [AGENT],
		materials: [
			common.license(),
			material({
				key: 'registration_form',
				zh: '社会保险单位信息登记表',
				en: 'Employer social insurance registration form',
				obtain: {
					office_zh: '窗口领取或网上下载',
					office_en: 'At the window or online',
					template_url: 'https://hrss.tj.gov.cn/templates/dwdjb.xlsx'
				},
				rejections: ['未加盖公章']
			}),
			material({
				key: 'bank_account',
				zh: '单位银行结算账户信息',
				en: "Employer's bank account details",
				form: 'copy',
				situations: ['new', 'change'],
				obtain: { office_zh: '开户银行', office_en: 'The account bank' }
			}),
			material({
				key: 'change_proof',
				zh: '变更事项的证明文件',
				en: 'Proof of the change',
				form: 'copy',
				situations: ['change'],
				obtain: { office_zh: '市场监管部门变更通知书', office_en: 'Change notice of market regulation' }
			}),
			material({
				key: 'cancel_proof',
				zh: '注销（吊销）证明或批准文件',
				en: 'Proof of deregistration or revocation',
				form: 'copy',
				situations: ['cancel']
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-QYKB-0005',
		name_zh: '住房公积金单位登记',
		name_en: 'Employer housing provident fund registration',
		scope: 'enterprise_setup',
		legal_days: 5,
		promised_days: 1,
		where_to_apply: ZONE_A,
		online_url: 'https://gjj.tj.gov.cn/',
		fee: '不收费',
		aliases: ['公积金登记', '公积金开户', '单位公积金'],
		situations: [],
		questions: [AGENT],
		materials: [
			common.license(),
			common.legalRepId(),
			material({
				key: 'fund_form',
				zh: '住房公积金单位登记表',
				en: 'Employer housing fund registration form',
				obtain: {
					office_zh: '天津市住房公积金管理中心网站下载',
					office_en: 'Downloaded from the Tianjin housing fund center',
					template_url: 'https://gjj.tj.gov.cn/templates/dwdjb.docx'
				},
				rejections: ['未加盖公章']
			}),
			material({
				key: 'employee_list',
				zh: '职工缴存明细表',
				en: 'List of employees and contributions',
				optional: true
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-QYKB-0006',
		name_zh: '企业银行开户预约',
		name_en: 'Company bank account appointment',
		scope: 'enterprise_setup',
		legal_days: null,
		promised_days: 1,
		where_to_apply: '银行服务窗口（A区 10 号）',
		online_url: QYKB_URL,
		fee: '以开户银行公布的标准为准',
		aliases: ['银行开户', '开基本户', '基本户', '对公账户'],
		situations: [],
		questions: [AGENT],
		materials: [
			common.license('original'),
			common.legalRepId(),
			material({
				key: 'seals',
				zh: '公章、财务章、法人章',
				en: 'Company, finance and legal representative seals',
				obtain: { office_zh: '公章刻制备案后领取', office_en: 'Collected after the seal engraving' }
			}),
			material({
				key: 'bank_form',
				zh: '银行账户开户申请书',
				en: 'Bank account application',
				obtain: { office_zh: '开户银行提供', office_en: 'Provided by the bank' }
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-QYKB-0007',
		name_zh: '个体工商户登记',
		name_en: 'Individual business registration',
		scope: 'enterprise_setup',
		legal_days: 15,
		promised_days: 1,
		where_to_apply: ZONE_A,
		online_url: QYKB_URL,
		fee: '不收费',
		aliases: ['个体户', '个体执照', '个体营业执照', '小店执照'],
		situations: [
			situation('new', '新办', 'New registration'),
			situation('change', '变更', 'Change'),
			situation('cancel', '注销', 'Cancellation')
		],
		questions: [AGENT],
		materials: [
			common.application('个体工商户登记（备案）申请书', 'Individual business application', 'gtdjsqs.docx'),
			common.idCard('operator_id', '经营者身份证', "Operator's ID card"),
			{ ...premises, situations: ['new', 'change'] },
			material({
				key: 'license_original',
				zh: '营业执照正副本',
				en: 'Business license, original and duplicate',
				situations: ['change', 'cancel'],
				rejections: ['副本遗失未声明']
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-QYKB-0008',
		name_zh: '企业简易注销登记',
		name_en: 'Simplified company deregistration',
		scope: 'enterprise_setup',
		legal_days: 20,
		promised_days: 3,
		where_to_apply: ZONE_A,
		online_url: QYKB_URL,
		fee: '不收费',
		aliases: ['注销', '简易注销', '公司注销', '关公司'],
		situations: [],
		questions: [AGENT],
		materials: [
			common.application('注销登记申请书', 'Deregistration application', 'zxdjsqs.docx'),
			material({
				key: 'commitment',
				zh: '全体投资人承诺书',
				en: "All investors' commitment letter",
				obtain: {
					office_zh: '国家企业信用信息公示系统公示后打印',
					office_en: 'Printed after the 20-day public notice on the credit system',
					url: 'https://www.gsxt.gov.cn/'
				},
				rejections: ['公示期未满 20 日']
			}),
			material({
				key: 'license_original',
				zh: '营业执照正副本',
				en: 'Business license, original and duplicate'
			}),
			material({
				key: 'tax_clearance',
				zh: '清税证明',
				en: 'Tax clearance certificate',
				optional: true,
				obtain: {
					office_zh: '主管税务机关（可由系统共享）',
					office_en: 'The tax office (often shared by the system)'
				}
			}),
			common.agentLetter(),
			common.agentId()
		]
	}
];
