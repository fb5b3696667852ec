import { AGENT, common, material, question, situation, type SeedItem } from './build';

/** The street station's smaller list: what residents come for at 望海楼街便民服务中心. */

const WINDOWS = '便民服务中心 1–3 号窗口';
const item = (code: string) => `https://zwfw.tj.gov.cn/item/${code}`;

const hukouBook = material({ key: 'hukou_book', zh: '户口簿', en: 'Household register' });
const photo = (copies = 1) =>
	material({
		key: 'photo',
		zh: '近期二寸白底免冠照片',
		en: 'Recent 2-inch photo on a white background',
		copies,
		rejections: ['照片非近期', '底色不符']
	});

export const stationItems: SeedItem[] = [
	{
		code: 'WHL-SB-0001',
		name_zh: '城乡居民基本养老保险参保登记',
		name_en: 'Urban and rural residents’ pension enrolment',
		scope: 'administrative_approval',
		legal_days: 5,
		promised_days: 0,
		where_to_apply: WINDOWS,
		online_url: 'https://hrss.tj.gov.cn/',
		fee: '不收费（按所选档次缴费）',
		aliases: ['居民养老', '城乡养老', '养老保险', '社保'],
		situations: [],
		questions: [AGENT],
		materials: [
			common.idCard(),
			hukouBook,
			material({
				key: 'enrol_form',
				zh: '城乡居民基本养老保险参保登记表',
				en: 'Pension enrolment form',
				obtain: { office_zh: '窗口领取', office_en: 'At the window' }
			}),
			material({
				key: 'bank_card',
				zh: '社会保障卡或本人银行卡',
				en: 'Social security card or own bank card',
				form: 'copy'
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'WHL-YB-0002',
		name_zh: '城乡居民医疗保险参保登记',
		name_en: 'Residents’ medical insurance enrolment',
		scope: 'administrative_approval',
		legal_days: 5,
		promised_days: 0,
		where_to_apply: WINDOWS,
		online_url: 'https://ylbz.tj.gov.cn/',
		fee: '不收费（保费按年度标准缴纳）',
		aliases: ['居民医保', '医保参保', '医保', '交医保'],
		situations: [
			situation('adult', '成年居民', 'Adult resident'),
			situation('student', '学生儿童', 'Student or child')
		],
		questions: [
			AGENT,
			question(
				'low_income',
				'低保或特困人员？',
				'Receives minimum living allowance or extreme-poverty support?'
			)
		],
		materials: [
			common.idCard('id_card', '参保人身份证', "Insured person's ID card"),
			hukouBook,
			material({
				key: 'school_proof',
				zh: '学籍证明',
				en: 'Proof of school enrolment',
				situations: ['student'],
				obtain: { office_zh: '就读学校', office_en: 'The school' }
			}),
			material({
				key: 'allowance_cert',
				zh: '低保证或特困供养证',
				en: 'Minimum allowance or extreme-poverty certificate',
				form: 'original_and_copy',
				when: { question: 'low_income' }
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'WHL-SB-0003',
		name_zh: '灵活就业人员社会保险登记',
		name_en: 'Social insurance for self-employed people',
		scope: 'administrative_approval',
		legal_days: 5,
		promised_days: 0,
		where_to_apply: WINDOWS,
		online_url: 'https://hrss.tj.gov.cn/',
		fee: '不收费',
		aliases: ['灵活就业', '个人社保', '自己交社保', '个人缴社保'],
		situations: [
			situation('new', '新办', 'New enrolment'),
			situation('stop', '停保', 'Stopping contributions')
		],
		questions: [],
		materials: [
			common.idCard(),
			material({
				key: 'register_form',
				zh: '灵活就业人员参保登记表',
				en: 'Self-employed enrolment form',
				obtain: { template_url: 'https://hrss.tj.gov.cn/templates/lhjydjb.xlsx' }
			}),
			material({
				key: 'bank_card',
				zh: '本人银行卡（用于代扣）',
				en: 'Own bank card (for direct debit)',
				form: 'copy',
				situations: ['new']
			}),
			material({
				key: 'stop_statement',
				zh: '停保申请（本人签字）',
				en: 'Request to stop (signed)',
				situations: ['stop']
			})
		]
	},
	{
		code: 'WHL-GA-0004',
		name_zh: '居住证申领',
		name_en: 'Residence permit',
		scope: 'cross_province',
		legal_days: 15,
		promised_days: 10,
		where_to_apply: WINDOWS,
		online_url: 'https://gaj.tj.gov.cn/',
		fee: '首次申领不收费',
		aliases: ['居住证', '办居住证', '暂住证', '居住证签注'],
		situations: [
			situation('new', '首次申领', 'First application'),
			situation('endorse', '签注（延长有效期）', 'Yearly endorsement (extending the validity)')
		],
		questions: [question('rent', '租房居住？', 'Living in a rented home?')],
		materials: [
			common.idCard(),
			photo(),
			material({
				key: 'residence_proof',
				zh: '居住证明（房产证或住宿登记）',
				en: 'Proof of residence (title deed or lodging registration)',
				form: 'copy',
				situations: ['new']
			}),
			material({
				key: 'lease',
				zh: '房屋租赁合同',
				en: 'Lease',
				form: 'copy',
				when: { question: 'rent' },
				rejections: ['租赁合同已到期']
			}),
			material({
				key: 'work_or_study',
				zh: '就业、就读或连续居住半年以上证明',
				en: 'Proof of work, study or six months of residence',
				situations: ['new']
			}),
			material({
				key: 'permit',
				zh: '居住证原件',
				en: 'Current residence permit',
				situations: ['endorse']
			})
		]
	},
	{
		code: 'WHL-MZ-0005',
		name_zh: '老年人优待证办理',
		name_en: 'Senior citizen card',
		scope: 'administrative_approval',
		legal_days: 10,
		promised_days: 5,
		where_to_apply: WINDOWS,
		online_url: item('WHL-MZ-0005'),
		fee: '不收费',
		aliases: ['老年证', '优待证', '老人证', '敬老卡'],
		situations: [situation('new', '新办', 'New card'), situation('replace', '补办', 'Replacement')],
		questions: [AGENT],
		materials: [
			common.idCard(),
			photo(),
			hukouBook,
			material({
				key: 'loss_statement',
				zh: '遗失说明（本人签字）',
				en: 'Statement of loss (signed)',
				situations: ['replace']
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'WHL-CL-0006',
		name_zh: '残疾人证申领',
		name_en: 'Disability certificate',
		scope: 'administrative_approval',
		legal_days: 30,
		promised_days: 20,
		where_to_apply: WINDOWS,
		online_url: 'https://www.cdpf.org.cn/',
		fee: '不收费（评定体检费按规定减免）',
		aliases: ['残疾证', '办残疾证', '残疾人证', '残疾评定'],
		situations: [
			situation('new', '新办', 'New certificate'),
			situation('renew', '换领', 'Renewal'),
			situation('move', '迁移', 'Moving to another district')
		],
		questions: [question('guardian', '由监护人代办？', 'Applied for by a guardian?')],
		materials: [
			material({
				key: 'application',
				zh: '残疾人证申请表',
				en: 'Disability certificate application',
				copies: 2,
				obtain: {
					office_zh: '街道残联或窗口领取',
					office_en: 'Street disabled persons federation or the window'
				}
			}),
			common.idCard(),
			hukouBook,
			photo(3),
			material({
				key: 'assessment',
				zh: '指定医院出具的残疾评定表',
				en: 'Disability assessment from an appointed hospital',
				situations: ['new', 'renew'],
				obtain: {
					office_zh: '区残联指定评定医院',
					office_en: 'Hospital appointed by the district federation'
				}
			}),
			material({
				key: 'old_certificate',
				zh: '原残疾人证',
				en: 'Current disability certificate',
				situations: ['renew', 'move']
			}),
			material({
				key: 'guardian_proof',
				zh: '监护关系证明及监护人身份证',
				en: "Proof of guardianship and the guardian's ID",
				form: 'original_and_copy',
				when: { question: 'guardian' }
			})
		]
	},
	{
		code: 'WHL-CL-0007',
		name_zh: '残疾人两项补贴申请',
		name_en: 'Two disability allowances (living and nursing)',
		scope: 'administrative_approval',
		legal_days: 20,
		promised_days: 15,
		where_to_apply: WINDOWS,
		online_url: item('WHL-CL-0007'),
		fee: '不收费',
		aliases: ['两项补贴', '护理补贴', '生活补贴', '残疾补贴'],
		situations: [],
		questions: [AGENT, question('low_income', '低保家庭？', 'A family on minimum living allowance?')],
		materials: [
			material({
				key: 'application',
				zh: '残疾人两项补贴申请审批表',
				en: 'Allowance application form'
			}),
			material({
				key: 'disability_cert',
				zh: '第二代残疾人证',
				en: 'Disability certificate (2nd generation)',
				form: 'original_and_copy'
			}),
			common.idCard(),
			material({
				key: 'allowance_cert',
				zh: '低保证',
				en: 'Minimum allowance certificate',
				form: 'copy',
				when: { question: 'low_income' }
			}),
			material({
				key: 'bank_card',
				zh: '本人社会保障卡或银行卡',
				en: 'Own social security or bank card',
				form: 'copy'
			}),
			common.agentLetter()
		]
	},
	{
		code: 'WHL-MZ-0008',
		name_zh: '高龄老人津贴申请',
		name_en: 'Allowance for the very old',
		scope: 'administrative_approval',
		legal_days: 20,
		promised_days: 10,
		where_to_apply: WINDOWS,
		online_url: item('WHL-MZ-0008'),
		fee: '不收费',
		aliases: ['高龄津贴', '高龄补贴', '长寿补贴', '老人补贴'],
		situations: [],
		questions: [AGENT],
		materials: [
			common.idCard('id_card', '老人身份证', "Senior's ID card"),
			hukouBook,
			material({
				key: 'bank_card',
				zh: '老人本人银行卡',
				en: "Senior's own bank card",
				form: 'copy'
			}),
			material({
				key: 'application',
				zh: '高龄津贴申请表',
				en: 'Allowance application',
				obtain: { office_zh: '窗口领取', office_en: 'At the window' }
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'WHL-YB-0009',
		name_zh: '门诊慢特病待遇认定',
		name_en: 'Outpatient chronic and special disease benefit',
		scope: 'administrative_approval',
		legal_days: 15,
		promised_days: 10,
		where_to_apply: WINDOWS,
		online_url: 'https://ylbz.tj.gov.cn/',
		fee: '不收费',
		aliases: ['门特', '慢特病', '特殊病', '门诊特殊病'],
		situations: [],
		questions: [AGENT],
		materials: [
			common.idCard('id_card', '参保人身份证或社保卡', "Insured person's ID or social security card"),
			material({
				key: 'diagnosis',
				zh: '二级及以上医院诊断证明',
				en: 'Diagnosis from a level-2 or higher hospital',
				rejections: ['诊断证明超过三个月']
			}),
			material({
				key: 'records',
				zh: '相关病历及检查报告',
				en: 'Medical records and test results',
				form: 'copy'
			}),
			material({
				key: 'application',
				zh: '门诊慢特病待遇认定申请表',
				en: 'Benefit application',
				obtain: { template_url: 'https://ylbz.tj.gov.cn/templates/mtbsqb.docx' }
			}),
			common.agentLetter()
		]
	},
	{
		code: 'WHL-JY-0010',
		name_zh: '就业困难人员认定',
		name_en: 'Recognition as a person with employment difficulty',
		scope: 'administrative_approval',
		legal_days: 20,
		promised_days: 10,
		where_to_apply: WINDOWS,
		online_url: 'https://hrss.tj.gov.cn/',
		fee: '不收费',
		aliases: ['就业困难', '困难认定', '4050'],
		situations: [],
		questions: [],
		materials: [
			common.idCard(),
			material({
				key: 'employment_cert',
				zh: '就业创业证',
				en: 'Employment and entrepreneurship certificate'
			}),
			material({
				key: 'difficulty_proof',
				zh: '困难情形证明（残疾证、低保证等）',
				en: 'Proof of the difficulty (disability or allowance certificate, etc.)',
				form: 'original_and_copy'
			}),
			material({
				key: 'application',
				zh: '就业困难人员认定申请表',
				en: 'Recognition application'
			})
		]
	},
	{
		code: 'WHL-WJ-0011',
		name_zh: '生育登记',
		name_en: 'Birth registration (family planning)',
		scope: 'administrative_approval',
		legal_days: 5,
		promised_days: 0,
		where_to_apply: WINDOWS,
		online_url: 'https://wsjk.tj.gov.cn/',
		fee: '不收费',
		aliases: ['准生证', '生育服务证', '生育登记服务'],
		situations: [],
		questions: [AGENT],
		materials: [
			common.idCard('parents_ids', '夫妻双方身份证', "Both spouses' ID cards"),
			hukouBook,
			material({
				key: 'marriage_cert',
				zh: '结婚证',
				en: 'Marriage certificate',
				form: 'original_and_copy'
			}),
			material({
				key: 'registration_form',
				zh: '生育登记服务单',
				en: 'Birth registration form',
				optional: true,
				obtain: {
					url: 'https://wsjk.tj.gov.cn/',
					note_zh: '可在“津心办”App在线登记。',
					note_en: 'Can be done in the Jinxinban app.'
				}
			}),
			common.agentLetter()
		]
	},
	{
		code: 'WHL-MZ-0012',
		name_zh: '最低生活保障申请',
		name_en: 'Minimum living allowance',
		scope: 'administrative_approval',
		legal_days: 30,
		promised_days: 20,
		where_to_apply: WINDOWS,
		online_url: item('WHL-MZ-0012'),
		fee: '不收费',
		aliases: ['低保', '申请低保', '最低生活保障', '困难补助'],
		situations: [],
		questions: [question('unemployed', '家庭成员中有失业人员？', 'Any unemployed family member?')],
		materials: [
			material({
				key: 'application',
				zh: '最低生活保障申请书',
				en: 'Application for the minimum living allowance',
				obtain: { template_url: 'https://mz.tj.gov.cn/templates/dbsqs.docx' }
			}),
			common.idCard('family_ids', '共同生活家庭成员身份证', "ID cards of the household's members"),
			hukouBook,
			material({
				key: 'income_proof',
				zh: '家庭收入情况声明',
				en: 'Statement of household income'
			}),
			material({
				key: 'checks_consent',
				zh: '家庭经济状况核对授权书',
				en: 'Consent to check household finances',
				obtain: { note_zh: '所有共同生活成员签字。', note_en: 'Signed by every household member.' },
				rejections: ['家庭成员未全部签字']
			}),
			material({
				key: 'unemployment',
				zh: '失业登记证明',
				en: 'Proof of unemployment registration',
				when: { question: 'unemployed' }
			})
		]
	}
];
