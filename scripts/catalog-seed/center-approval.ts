import { AGENT, common, material, question, situation, type SeedItem } from './build';

/** 行政审批 and 投资(工程建设)项目 at the district center (B区 and C区). */

const ZONE_B = '综合受理窗口（B区 11–20 号窗口）';
const ZONE_C = '工程建设项目专区（C区 21–26 号窗口）';
const item = (code: string) => `https://zwfw.tj.gov.cn/item/${code}`;

export const approvalItems: SeedItem[] = [
	{
		code: 'HB-XZSP-0101',
		name_zh: '食品经营许可',
		name_en: 'Food business license',
		scope: 'administrative_approval',
		legal_days: 20,
		promised_days: 5,
		where_to_apply: ZONE_B,
		online_url: item('HB-XZSP-0101'),
		fee: '不收费',
		aliases: ['食品证', '食品经营许可证', '餐饮许可', '食品许可', '小餐饮'],
		situations: [
			situation('new', '新办', 'New license'),
			situation('change', '变更', 'Change'),
			situation('renew', '延续', 'Renewal'),
			situation('cancel', '注销', 'Cancellation')
		],
		questions: [
			AGENT,
			question('catering', '经营餐饮服务？', 'Serves food (catering)?'),
			question('central_kitchen', '设中央厨房或集体用餐配送？', 'Central kitchen or group meal delivery?')
		],
		materials: [
			common.application('食品经营许可申请书', 'Food business license application', 'spjyxksqs.docx'),
			common.license(),
			common.legalRepId(),
			material({
				key: 'layout',
				zh: '经营场所平面布局图及设备布局、工艺流程图',
				en: 'Floor plan with equipment layout and process flow',
				situations: ['new', 'change'],
				obtain: {
					office_zh: '申请人自行绘制',
					office_en: 'Drawn by the applicant',
					note_zh: '标明面积、功能分区和设备位置。',
					note_en: 'Show the areas, the zones and where the equipment is.'
				},
				rejections: ['未标注面积', '与现场不符']
			}),
			material({
				key: 'safety_system',
				zh: '食品安全管理制度',
				en: 'Food safety management rules',
				situations: ['new', 'renew'],
				obtain: { template_url: 'https://scjg.tj.gov.cn/templates/spaqglzd.docx' }
			}),
			material({
				key: 'safety_manager',
				zh: '食品安全管理人员培训合格证明',
				en: "Food safety manager's training certificate",
				form: 'copy',
				when: { question: 'catering' },
				obtain: {
					office_zh: '市场监管部门组织的培训考核',
					office_en: 'Training and test by market regulation'
				}
			}),
			material({
				key: 'health_certs',
				zh: '从业人员健康证明',
				en: 'Staff health certificates',
				form: 'copy',
				when: { question: 'catering' },
				obtain: {
					office_zh: '区疾病预防控制中心或指定体检机构',
					office_en: 'District CDC or an appointed clinic'
				},
				rejections: ['健康证已过期']
			}),
			material({
				key: 'kitchen_plan',
				zh: '中央厨房或集体用餐配送的运输、检验设备说明',
				en: 'Transport and testing equipment for the central kitchen or meal delivery',
				when: { question: 'central_kitchen' }
			}),
			material({
				key: 'old_license',
				zh: '原食品经营许可证正副本',
				en: 'Current food business license, original and duplicate',
				situations: ['change', 'renew', 'cancel'],
				rejections: ['许可证已过期超过 30 日']
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-XZSP-0102',
		name_zh: '公共场所卫生许可',
		name_en: 'Public place hygiene license',
		scope: 'administrative_approval',
		legal_days: 20,
		promised_days: 5,
		where_to_apply: ZONE_B,
		online_url: item('HB-XZSP-0102'),
		fee: '不收费',
		aliases: ['卫生许可证', '卫生许可', '美容美发许可', '宾馆卫生'],
		situations: [situation('new', '新办', 'New license'), situation('renew', '延续', 'Renewal')],
		questions: [AGENT],
		materials: [
			common.application(
				'公共场所卫生许可申请表',
				'Public place hygiene license application',
				'ggcswssqb.docx'
			),
			common.license(),
			material({
				key: 'hygiene_check',
				zh: '卫生检测（评价）报告',
				en: 'Hygiene test report',
				obtain: {
					office_zh: '有资质的检测机构',
					office_en: 'A certified testing laboratory',
					note_zh: '报告出具日期在一年以内。',
					note_en: 'Issued within the past year.'
				},
				rejections: ['报告超过一年']
			}),
			material({
				key: 'hygiene_rules',
				zh: '卫生管理制度',
				en: 'Hygiene management rules'
			}),
			material({
				key: 'health_certs',
				zh: '从业人员健康合格证明',
				en: 'Staff health certificates',
				form: 'copy',
				rejections: ['健康证已过期']
			}),
			common.agentLetter()
		]
	},
	{
		code: 'HB-XZSP-0103',
		name_zh: '劳务派遣经营许可',
		name_en: 'Labor dispatch business license',
		scope: 'administrative_approval',
		legal_days: 20,
		promised_days: 10,
		where_to_apply: ZONE_B,
		online_url: item('HB-XZSP-0103'),
		fee: '不收费',
		aliases: ['劳务派遣', '派遣许可', '劳务派遣证'],
		situations: [
			situation('new', '新办', 'New license'),
			situation('change', '变更', 'Change'),
			situation('renew', '延续', 'Renewal')
		],
		questions: [AGENT],
		materials: [
			common.application('劳务派遣经营许可申请书', 'Labor dispatch license application', 'lwpqsqs.docx'),
			common.license(),
			material({
				key: 'capital_proof',
				zh: '注册资本不少于人民币二百万元的验资报告或实缴证明',
				en: 'Proof of at least RMB 2 million paid-in capital',
				obtain: { office_zh: '会计师事务所', office_en: 'An accounting firm' },
				rejections: ['实缴资本不足']
			}),
			material({
				key: 'office_proof',
				zh: '经营场所和设施设备使用证明',
				en: 'Proof of premises and equipment',
				form: 'copy'
			}),
			material({
				key: 'dispatch_rules',
				zh: '劳务派遣管理制度',
				en: 'Labor dispatch rules',
				obtain: {
					note_zh: '含劳动合同、劳动报酬、社会保险等内容。',
					note_en: 'Covering contracts, pay and social insurance.'
				}
			}),
			material({
				key: 'old_license',
				zh: '原劳务派遣经营许可证',
				en: 'Current labor dispatch license',
				situations: ['change', 'renew']
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-XZSP-0104',
		name_zh: '烟草专卖零售许可',
		name_en: 'Tobacco retail license',
		scope: 'administrative_approval',
		legal_days: 20,
		promised_days: 10,
		where_to_apply: '烟草专卖窗口（B区 18 号）',
		online_url: 'https://www.tobacco.gov.cn/',
		fee: '不收费',
		aliases: ['烟草证', '烟证', '卖烟许可', '烟草许可证'],
		situations: [
			situation('new', '新办', 'New license'),
			situation('renew', '延续', 'Renewal'),
			situation('cancel', '停业或歇业', 'Closing the business')
		],
		questions: [AGENT],
		materials: [
			common.application('烟草专卖零售许可证申请表', 'Tobacco retail license application', 'yczmsqb.docx'),
			common.license(),
			common.idCard('operator_id', '经营者身份证', "Operator's ID card"),
			material({
				key: 'premises',
				zh: '经营场所产权证明或租赁合同',
				en: 'Title or lease of the shop',
				form: 'copy',
				situations: ['new'],
				rejections: ['距中小学校不足规定距离']
			}),
			material({
				key: 'old_license',
				zh: '原烟草专卖零售许可证',
				en: 'Current tobacco retail license',
				situations: ['renew', 'cancel']
			}),
			common.agentLetter()
		]
	},
	{
		code: 'HB-XZSP-0105',
		name_zh: '户外广告设施设置许可',
		name_en: 'Outdoor advertising sign permit',
		scope: 'administrative_approval',
		legal_days: 20,
		promised_days: 7,
		where_to_apply: ZONE_B,
		online_url: item('HB-XZSP-0105'),
		fee: '不收费',
		aliases: ['门头牌匾', '广告牌', '招牌', '店招'],
		situations: [],
		questions: [AGENT, question('leased_wall', '设置在他人建筑物上？', "On someone else's building?")],
		materials: [
			common.application('户外广告设施设置申请表', 'Outdoor advertising application', 'hwggsqb.docx'),
			common.license(),
			material({
				key: 'design',
				zh: '设计效果图及尺寸说明',
				en: 'Design rendering with dimensions',
				copies: 2,
				rejections: ['未标注尺寸和材质']
			}),
			material({
				key: 'structure_safety',
				zh: '结构安全性证明',
				en: 'Structural safety certificate',
				obtain: { office_zh: '有资质的设计单位', office_en: 'A certified design institute' }
			}),
			material({
				key: 'owner_consent',
				zh: '建筑物产权人同意设置的证明',
				en: "Building owner's consent",
				when: { question: 'leased_wall' }
			}),
			common.agentLetter()
		]
	},
	{
		code: 'HB-XZSP-0106',
		name_zh: '第二类医疗器械经营备案',
		name_en: 'Class II medical device business filing',
		scope: 'administrative_approval',
		legal_days: 1,
		promised_days: 0,
		where_to_apply: ZONE_B,
		online_url: item('HB-XZSP-0106'),
		fee: '不收费',
		aliases: ['二类医疗器械', '医疗器械备案', '二类备案'],
		situations: [situation('new', '新办', 'New filing'), situation('change', '变更', 'Change')],
		questions: [AGENT],
		materials: [
			common.application('第二类医疗器械经营备案表', 'Class II device filing form', 'elylqxbab.docx'),
			common.license(),
			common.legalRepId(),
			material({
				key: 'quality_manager',
				zh: '质量负责人学历或职称证明',
				en: "Quality manager's degree or title certificate",
				form: 'copy'
			}),
			material({
				key: 'premises',
				zh: '经营场所和库房的地理位置图、平面图及产权证明',
				en: 'Location map, floor plan and title of the shop and warehouse',
				form: 'copy',
				situations: ['new']
			}),
			material({
				key: 'quality_rules',
				zh: '经营质量管理制度、工作程序目录',
				en: 'Quality management rules and procedures'
			}),
			common.agentLetter()
		]
	},
	{
		code: 'HB-GCJS-0201',
		name_zh: '建筑工程施工许可',
		name_en: 'Construction permit',
		scope: 'investment_project',
		legal_days: 7,
		promised_days: 3,
		where_to_apply: ZONE_C,
		online_url: 'https://zwfw.tj.gov.cn/gcjs/',
		fee: '不收费',
		aliases: ['施工许可证', '施工证', '开工证', '施工许可'],
		situations: [
			situation('new', '新办', 'New permit'),
			situation('extend', '延期', 'Extension'),
			situation('change', '变更', 'Change')
		],
		questions: [AGENT],
		materials: [
			common.application('建筑工程施工许可证申请表', 'Construction permit application', 'sgxksqb.docx'),
			material({
				key: 'land_use',
				zh: '用地批准手续（不动产权证书）',
				en: 'Land use approval (real estate title)',
				form: 'copy',
				situations: ['new'],
				obtain: {
					office_zh: '区规划资源主管部门',
					office_en: 'District planning and natural resources bureau'
				}
			}),
			material({
				key: 'planning_permit',
				zh: '建设工程规划许可证',
				en: 'Construction project planning permit',
				form: 'copy',
				situations: ['new']
			}),
			material({
				key: 'contract',
				zh: '施工合同及中标通知书',
				en: 'Construction contract and notice of award',
				form: 'copy',
				situations: ['new', 'change'],
				rejections: ['合同未盖骑缝章']
			}),
			material({
				key: 'drawings_review',
				zh: '施工图设计文件审查合格书',
				en: 'Construction drawing review certificate',
				form: 'copy',
				situations: ['new']
			}),
			material({
				key: 'safety_commitment',
				zh: '建设单位工程质量安全承诺书',
				en: "Owner's quality and safety commitment",
				obtain: { template_url: 'https://zfcxjs.tj.gov.cn/templates/zlaqcns.docx' }
			}),
			material({
				key: 'funding',
				zh: '建设资金已经落实承诺书',
				en: 'Commitment that funding is in place',
				situations: ['new']
			}),
			material({
				key: 'extension_reason',
				zh: '延长施工许可期限的申请及理由说明',
				en: 'Request to extend the permit with the reasons',
				situations: ['extend'],
				obtain: {
					note_zh: '在施工许可证有效期届满前提出；延长以两次为限，每次不超过三个月。',
					note_en: 'Before the permit expires; at most twice, up to three months each.'
				}
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-GCJS-0202',
		name_zh: '企业投资项目备案',
		name_en: 'Enterprise investment project filing',
		scope: 'investment_project',
		legal_days: 3,
		promised_days: 1,
		where_to_apply: ZONE_C,
		online_url: 'https://tzxm.tj.gov.cn/',
		fee: '不收费',
		aliases: ['项目备案', '立项备案', '投资备案', '立项'],
		situations: [situation('new', '新办', 'New filing'), situation('change', '变更', 'Change')],
		questions: [AGENT],
		materials: [
			material({
				key: 'project_info',
				zh: '项目备案信息表（在线平台填报打印）',
				en: 'Project filing information (filled in and printed from the online platform)',
				obtain: {
					office_zh: '天津市投资项目在线审批监管平台',
					office_en: 'Tianjin online investment project platform',
					url: 'https://tzxm.tj.gov.cn/'
				},
				rejections: ['项目代码与平台不一致']
			}),
			common.license(),
			material({
				key: 'commitment',
				zh: '项目单位承诺书',
				en: "Project owner's commitment letter",
				obtain: { template_url: 'https://tzxm.tj.gov.cn/templates/cns.docx' }
			}),
			material({
				key: 'change_note',
				zh: '项目变更情况说明',
				en: 'Explanation of the change',
				situations: ['change']
			}),
			common.agentLetter()
		]
	},
	{
		code: 'HB-GCJS-0203',
		name_zh: '建设工程规划许可',
		name_en: 'Construction project planning permit',
		scope: 'investment_project',
		legal_days: 20,
		promised_days: 8,
		where_to_apply: ZONE_C,
		online_url: 'https://zwfw.tj.gov.cn/gcjs/',
		fee: '不收费',
		aliases: ['规划证', '工程规划许可证', '规划许可'],
		situations: [],
		questions: [AGENT],
		materials: [
			common.application('建设工程规划许可申请表', 'Planning permit application', 'ghxksqb.docx'),
			material({
				key: 'land_title',
				zh: '不动产权证书或土地使用权证明',
				en: 'Real estate title or land use right certificate',
				form: 'copy'
			}),
			material({
				key: 'site_plan',
				zh: '建设工程设计方案总平面图',
				en: 'Site plan of the design scheme',
				copies: 3,
				obtain: { office_zh: '有资质的设计单位', office_en: 'A certified design institute' },
				rejections: ['图纸未盖出图章']
			}),
			material({
				key: 'project_approval',
				zh: '项目审批、核准或备案文件',
				en: 'Project approval or filing document',
				form: 'copy'
			}),
			common.agentLetter(),
			common.agentId()
		]
	},
	{
		code: 'HB-GCJS-0204',
		name_zh: '重点建设项目竣工联合验收',
		name_en: 'Joint completion acceptance of key projects',
		scope: 'investment_project',
		legal_days: 20,
		promised_days: 10,
		where_to_apply: ZONE_C,
		online_url: 'https://zwfw.tj.gov.cn/gcjs/',
		fee: '不收费',
		aliases: ['联合验收', '竣工验收', '重点项目验收'],
		situations: [],
		questions: [
			AGENT,
			question(
				'fire_special',
				'属于特殊建设工程（消防）？',
				'A special construction project for fire safety?'
			)
		],
		materials: [
			common.application('竣工联合验收申请表', 'Joint acceptance application', 'jglhyssqb.docx'),
			material({
				key: 'completion_report',
				zh: '工程竣工验收报告',
				en: 'Completion acceptance report',
				rejections: ['五方责任主体未全部签章']
			}),
			material({
				key: 'planning_survey',
				zh: '规划核实测量成果报告',
				en: 'Planning verification survey report',
				obtain: { office_zh: '有资质的测绘单位', office_en: 'A certified surveyor' }
			}),
			material({
				key: 'fire_docs',
				zh: '消防验收申请表及工程竣工图',
				en: 'Fire safety acceptance application and as-built drawings',
				when: { question: 'fire_special' }
			}),
			material({
				key: 'archives',
				zh: '城建档案预验收意见',
				en: 'Urban construction archives pre-acceptance',
				optional: true
			}),
			common.agentLetter()
		]
	}
];
