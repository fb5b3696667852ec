import { AGENT, common, material, question, situation, type SeedItem } from './build';

/** 跨省通办, 高效办成一件事, 信用修复 and 统一出证 at the district center (D区 and E区). */

const ZONE_D = '跨省通办窗口（D区 27–30 号窗口）';
const ZONE_E = '“一件事”综合窗口（E区 31–36 号窗口）';

export const serviceItems: SeedItem[] = [
	{
		code: 'HB-KSTB-0301',
		name_zh: '跨省异地就医备案',
		name_en: 'Filing for medical treatment in another province',
		scope: 'cross_province',
		legal_days: null,
		promised_days: 0,
		where_to_apply: ZONE_D,
		online_url: 'https://fuwu.nhsa.gov.cn/',
		fee: '不收费',
		aliases: ['异地就医', '医保备案', '异地医保', '跨省就医'],
		situations: [
			situation('resident', '异地长期居住', 'Living in another province'),
			situation('worker', '异地工作', 'Working in another province'),
			situation('referral', '转诊转院', 'Referral to a hospital in another province')
		],
		questions: [AGENT],
		materials: [
			material({
				key: 'filing_form',
				zh: '跨省异地就医登记备案表',
				en: 'Cross-province medical treatment filing form',
				obtain: {
					office_zh: '国家医保服务平台App或窗口',
					office_en: 'National healthcare security app or at the window',
					url: 'https://fuwu.nhsa.gov.cn/'
				}
			}),
			common.idCard('insured_id', '参保人身份证或社保卡', "Insured person's ID or social security card"),
			material({
				key: 'residence_proof',
				zh: '异地居住证明（居住证或个人承诺书）',
				en: 'Proof of living there (residence permit or personal commitment)',
				form: 'copy',
				situations: ['resident']
			}),
			material({
				key: 'work_proof',
				zh: '异地工作证明（单位派驻证明或个人承诺书）',
				en: 'Proof of working there (posting letter or personal commitment)',
				situations: ['worker']
			}),
			material({
				key: 'referral',
				zh: '二级及以上医院出具的转诊证明',
				en: 'Referral from a level-2 or higher hospital',
				situations: ['referral'],
				rejections: ['未加盖医院医保办公章']
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-KSTB-0302',
		name_zh: '养老保险关系转移接续',
		name_en: 'Transfer of pension insurance across provinces',
		scope: 'cross_province',
		legal_days: 45,
		promised_days: 15,
		where_to_apply: ZONE_D,
		online_url: 'https://si.12333.gov.cn/',
		fee: '不收费',
		aliases: ['社保转移', '养老转移', '转社保', '养老保险转移'],
		situations: [
			situation('in', '转入天津', 'Transfer into Tianjin'),
			situation('out', '转出天津', 'Transfer out of Tianjin')
		],
		questions: [AGENT],
		materials: [
			material({
				key: 'transfer_form',
				zh: '基本养老保险关系转移接续申请表',
				en: 'Pension transfer application',
				obtain: {
					office_zh: '国家社会保险公共服务平台或窗口',
					office_en: 'National social insurance service platform or at the window',
					url: 'https://si.12333.gov.cn/'
				}
			}),
			common.idCard('insured_id', '参保人身份证', "Insured person's ID card"),
			material({
				key: 'participation_proof',
				zh: '原参保地出具的参保缴费凭证',
				en: 'Contribution record from the former place',
				situations: ['in'],
				obtain: {
					office_zh: '原参保地社保经办机构',
					office_en: 'Social insurance office of the former place'
				},
				rejections: ['缴费凭证未盖章']
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-KSTB-0303',
		name_zh: '户口迁移（跨省通办）',
		name_en: 'Household registration transfer across provinces',
		scope: 'cross_province',
		legal_days: 20,
		promised_days: 10,
		where_to_apply: ZONE_D,
		online_url: 'https://gaj.tj.gov.cn/',
		fee: '不收费',
		aliases: ['迁户口', '落户', '户口迁入', '迁移户口'],
		situations: [
			situation('marriage', '夫妻投靠', 'Joining a spouse'),
			situation('parents', '老人投靠子女', 'Parents joining their children'),
			situation('house', '购房落户', 'Settling with a home purchase')
		],
		questions: [question('minor', '随迁未成年子女？', 'Minor children moving too?')],
		materials: [
			common.idCard('id_card', '迁移人身份证', "Mover's ID card"),
			material({
				key: 'hukou_book',
				zh: '迁出地及迁入地户口簿',
				en: 'Household registers of both places',
				form: 'original_and_copy'
			}),
			material({
				key: 'marriage_cert',
				zh: '结婚证',
				en: 'Marriage certificate',
				form: 'original_and_copy',
				situations: ['marriage']
			}),
			material({
				key: 'kinship',
				zh: '亲属关系证明',
				en: 'Proof of kinship',
				situations: ['parents'],
				obtain: { office_zh: '户籍所在地公安派出所', office_en: 'Local police station' }
			}),
			material({
				key: 'property_title',
				zh: '不动产权证书',
				en: 'Real estate title',
				form: 'original_and_copy',
				situations: ['house'],
				obtain: { office_zh: '河北区不动产登记中心', office_en: 'Hebei District real estate registry' }
			}),
			material({
				key: 'birth_cert',
				zh: '随迁子女出生医学证明',
				en: "Children's birth certificates",
				form: 'original_and_copy',
				when: { question: 'minor' }
			})
		]
	},
	{
		code: 'HB-KSTB-0304',
		name_zh: '就业创业证申领',
		name_en: 'Employment and entrepreneurship certificate',
		scope: 'cross_province',
		legal_days: 5,
		promised_days: 0,
		where_to_apply: ZONE_D,
		online_url: 'https://hrss.tj.gov.cn/',
		fee: '不收费',
		aliases: ['就业证', '失业证', '就业创业证', '失业登记'],
		situations: [],
		questions: [AGENT],
		materials: [
			common.idCard(),
			material({
				key: 'photo',
				zh: '近期一寸免冠照片',
				en: 'Recent 1-inch passport photo',
				copies: 2,
				rejections: ['照片非近期']
			}),
			material({
				key: 'termination',
				zh: '解除或终止劳动合同证明',
				en: 'Proof of the end of employment',
				optional: true
			}),
			material({
				key: 'graduation',
				zh: '毕业证书（高校毕业生）',
				en: 'Diploma (for graduates)',
				optional: true,
				form: 'original_and_copy'
			}),
			common.agentLetter()
		]
	},
	{
		code: 'HB-YJS-0401',
		name_zh: '开办餐饮店一件事',
		name_en: 'Opening a restaurant: one application',
		scope: 'one_thing',
		legal_days: 20,
		promised_days: 5,
		where_to_apply: ZONE_E,
		online_url: 'https://zwfw.tj.gov.cn/yjs/',
		fee: '不收费',
		aliases: ['开饭店', '开餐馆', '开店', '餐饮店', '开饭馆'],
		situations: [],
		questions: [
			AGENT,
			question('signboard', '需设置门头招牌？', 'Need a shop sign?'),
			question('drinks', '销售酒类？', 'Sells alcohol?')
		],
		materials: [
			material({
				key: 'joint_form',
				zh: '开办餐饮店“一件事”联办申请表',
				en: 'Joint application for opening a restaurant',
				obtain: {
					office_zh: '窗口领取或“津心办”App',
					office_en: 'At the window or in the Jinxinban app',
					template_url: 'https://zwfw.tj.gov.cn/templates/yjs-cyd.docx'
				}
			}),
			common.idCard('operator_id', '经营者身份证', "Operator's ID card"),
			material({
				key: 'premises',
				zh: '经营场所使用证明',
				en: 'Proof of the right to use the premises',
				form: 'copy'
			}),
			material({
				key: 'layout',
				zh: '经营场所平面布局图',
				en: 'Floor plan of the premises'
			}),
			material({
				key: 'health_certs',
				zh: '从业人员健康证明',
				en: 'Staff health certificates',
				form: 'copy',
				rejections: ['健康证已过期']
			}),
			material({
				key: 'fire_commitment',
				zh: '公众聚集场所投入使用、营业前消防安全检查告知承诺书',
				en: 'Fire safety commitment before opening',
				obtain: { office_zh: '区消防救援支队', office_en: 'District fire and rescue brigade' }
			}),
			material({
				key: 'sign_design',
				zh: '门头招牌设计效果图',
				en: 'Design of the shop sign',
				when: { question: 'signboard' }
			}),
			material({
				key: 'liquor',
				zh: '酒类商品零售备案登记表',
				en: 'Liquor retail filing form',
				when: { question: 'drinks' }
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-YJS-0402',
		name_zh: '企业信息变更一件事',
		name_en: 'Company information change: one application',
		scope: 'one_thing',
		legal_days: 15,
		promised_days: 2,
		where_to_apply: ZONE_E,
		online_url: 'https://zwfw.tj.gov.cn/yjs/',
		fee: '不收费',
		aliases: ['企业变更', '公司变更', '变更登记', '换法人', '改名'],
		situations: [
			situation('name', '名称变更', 'Name change'),
			situation('address', '住所变更', 'Address change'),
			situation('legal_rep', '法定代表人变更', 'Change of legal representative'),
			situation('capital', '注册资本变更（增资或减资）', 'Capital increase or reduction')
		],
		questions: [AGENT],
		materials: [
			common.application('企业变更登记（备案）申请书', 'Company change application', 'bgdjsqs.docx'),
			material({
				key: 'resolution',
				zh: '股东会决议或股东决定',
				en: "Shareholders' resolution or decision",
				rejections: ['表决比例不足']
			}),
			material({
				key: 'amended_articles',
				zh: '章程修正案',
				en: 'Amendment to the articles',
				situations: ['name', 'address', 'capital']
			}),
			{
				key: 'new_premises',
				name_zh: '新住所使用证明',
				name_en: 'Proof of the new premises',
				requirement: 'required',
				condition: null,
				situations: ['address'],
				form: 'copy',
				copies: 1,
				obtain: { office_zh: '', office_en: '', url: null, template_url: null, note_zh: '', note_en: '' },
				rejection_reasons: []
			},
			material({
				key: 'new_rep_id',
				zh: '新任法定代表人身份证及任免文件',
				en: 'ID and appointment of the new legal representative',
				form: 'copy',
				situations: ['legal_rep']
			}),
			material({
				key: 'capital_notice',
				zh: '减资公告证明（国家企业信用信息公示系统）',
				en: 'Notice of capital reduction on the credit system',
				situations: ['capital'],
				obtain: {
					url: 'https://www.gsxt.gov.cn/',
					note_zh: '仅减资需要；公告满 45 日。',
					note_en: 'Only for a reduction; 45 days after the notice.'
				}
			}),
			common.license('original'),
			common.agentLetter()
		]
	},
	{
		code: 'HB-YJS-0403',
		name_zh: '新生儿出生一件事',
		name_en: "A newborn's birth: one application",
		scope: 'one_thing',
		legal_days: 10,
		promised_days: 5,
		where_to_apply: ZONE_E,
		online_url: 'https://zwfw.tj.gov.cn/yjs/',
		fee: '不收费',
		aliases: ['出生一件事', '上户口', '新生儿落户', '宝宝医保'],
		situations: [],
		questions: [question('parent_absent', '父母一方不能到场？', 'One parent cannot come?')],
		materials: [
			material({
				key: 'birth_cert',
				zh: '出生医学证明',
				en: 'Birth medical certificate',
				obtain: { office_zh: '助产医院', office_en: 'The hospital of birth' },
				rejections: ['信息与户口簿不一致']
			}),
			common.idCard('parents_ids', '父母双方身份证', "Both parents' ID cards"),
			material({
				key: 'hukou_book',
				zh: '户口簿',
				en: 'Household register'
			}),
			material({
				key: 'marriage_cert',
				zh: '结婚证',
				en: 'Marriage certificate',
				form: 'original_and_copy'
			}),
			material({
				key: 'parent_letter',
				zh: '未到场一方的委托书',
				en: 'Letter of authorization from the absent parent',
				when: { question: 'parent_absent' }
			})
		]
	},
	{
		code: 'HB-YJS-0404',
		name_zh: '退休一件事',
		name_en: 'Retirement: one application',
		scope: 'one_thing',
		legal_days: 20,
		promised_days: 10,
		where_to_apply: ZONE_E,
		online_url: 'https://zwfw.tj.gov.cn/yjs/',
		fee: '不收费',
		aliases: ['办退休', '退休手续', '领养老金', '退休审批'],
		situations: [
			situation('employee', '企业职工退休', 'Employee retirement'),
			situation('flexible', '灵活就业人员退休', 'Retirement of a self-employed person')
		],
		questions: [AGENT],
		materials: [
			common.idCard(),
			material({
				key: 'personnel_file',
				zh: '个人人事档案',
				en: 'Personnel file',
				situations: ['employee'],
				obtain: { office_zh: '单位或档案托管机构', office_en: 'The employer or the file custodian' },
				rejections: ['档案出生日期不一致']
			}),
			material({
				key: 'retirement_form',
				zh: '职工退休审批表',
				en: 'Retirement approval form',
				copies: 2,
				obtain: { template_url: 'https://hrss.tj.gov.cn/templates/txspb.xlsx' }
			}),
			material({
				key: 'bank_card',
				zh: '社会保障卡（金融功能已激活）',
				en: 'Social security card with its bank function activated'
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-XYXF-0501',
		name_zh: '行政处罚信息信用修复',
		name_en: 'Credit repair of administrative penalty records',
		scope: 'credit_repair',
		legal_days: 15,
		promised_days: 3,
		where_to_apply: '信用修复窗口（B区 20 号）',
		online_url: 'https://www.creditchina.gov.cn/',
		fee: '不收费',
		aliases: ['信用修复', '撤销公示', '行政处罚修复', '信用中国修复'],
		situations: [],
		questions: [AGENT],
		materials: [
			material({
				key: 'repair_form',
				zh: '信用修复申请书',
				en: 'Credit repair application',
				obtain: {
					office_zh: '“信用中国”网站在线填报',
					office_en: 'Filled in online at Credit China',
					url: 'https://www.creditchina.gov.cn/'
				}
			}),
			material({
				key: 'penalty_decision',
				zh: '行政处罚决定书',
				en: 'Administrative penalty decision',
				form: 'copy'
			}),
			material({
				key: 'performance_proof',
				zh: '已履行行政处罚决定的证明（罚没款缴纳凭证等）',
				en: 'Proof the penalty was carried out (fine receipts, etc.)',
				form: 'copy',
				rejections: ['缴款凭证金额不符']
			}),
			material({
				key: 'credit_commitment',
				zh: '信用承诺书',
				en: 'Credit commitment letter',
				obtain: { template_url: 'https://www.creditchina.gov.cn/templates/xycns.docx' }
			}),
			common.license(),
			common.agentLetter()
		]
	},
	{
		code: 'HB-XYXF-0502',
		name_zh: '经营异常名录移出',
		name_en: 'Removal from the list of abnormal operations',
		scope: 'credit_repair',
		legal_days: 5,
		promised_days: 1,
		where_to_apply: '信用修复窗口（B区 20 号）',
		online_url: 'https://www.gsxt.gov.cn/',
		fee: '不收费',
		aliases: ['移出异常', '异常名录', '经营异常', '解除异常'],
		situations: [
			situation('annual_report', '未按时年报', 'Annual report not filed in time'),
			situation('address', '通过登记住所无法联系', 'Not reachable at the registered address')
		],
		questions: [AGENT],
		materials: [
			material({
				key: 'removal_form',
				zh: '移出经营异常名录申请书',
				en: 'Application for removal',
				obtain: { template_url: 'https://scjg.tj.gov.cn/templates/ycycml.docx' }
			}),
			material({
				key: 'annual_report',
				zh: '补报的年度报告',
				en: 'The late annual report',
				situations: ['annual_report'],
				obtain: { url: 'https://www.gsxt.gov.cn/' }
			}),
			material({
				key: 'address_proof',
				zh: '住所使用证明或变更登记通知书',
				en: 'Proof of the address or of its change',
				form: 'copy',
				situations: ['address']
			}),
			common.license(),
			common.agentLetter()
		]
	},
	{
		code: 'HB-TYCZ-0601',
		name_zh: '企业专项信用报告（代替无违法违规证明）',
		name_en: 'Company credit report (replaces certificates of no violations)',
		scope: 'unified_certificate',
		legal_days: 5,
		promised_days: 1,
		where_to_apply: '统一出证窗口（D区 31 号）',
		online_url: 'https://credit.tj.gov.cn/',
		fee: '不收费',
		aliases: ['无违规证明', '合规证明', '开证明', '无违法证明', '信用报告'],
		situations: [],
		questions: [AGENT, question('listing', '用于上市或发债？', 'For a listing or a bond issue?')],
		materials: [
			material({
				key: 'report_form',
				zh: '专项信用报告申请表',
				en: 'Credit report application',
				obtain: { url: 'https://credit.tj.gov.cn/' }
			}),
			common.license(),
			common.legalRepId(),
			material({
				key: 'sponsor_letter',
				zh: '保荐机构或主承销商的函',
				en: 'Letter from the sponsor or lead underwriter',
				when: { question: 'listing' }
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-TYCZ-0602',
		name_zh: '个人无犯罪记录证明',
		name_en: 'Certificate of no criminal record',
		scope: 'unified_certificate',
		legal_days: 3,
		promised_days: 1,
		where_to_apply: '统一出证窗口（D区 31 号）',
		online_url: 'https://gaj.tj.gov.cn/',
		fee: '不收费',
		aliases: ['无犯罪证明', '无犯罪记录', '良民证'],
		situations: [],
		questions: [AGENT, question('abroad', '用于出国（境）？', 'For use abroad?')],
		materials: [
			common.idCard(),
			material({
				key: 'purpose_letter',
				zh: '用途说明（单位出具的需开证明函）',
				en: 'Statement of purpose (letter from the requesting organization)',
				optional: true
			}),
			material({
				key: 'hukou_book',
				zh: '户口簿',
				en: 'Household register',
				when: { question: 'abroad' }
			}),
			common.agentLetter(),
			common.agentId()
		]
	}
];
