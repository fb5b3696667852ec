/** The enterprise import screen's messages (the source of the keys; en.ts is checked against it). */
export const zhCN = {
	'enterpriseImport.pageTitle': '导入企业 - 综窗助手',
	'enterpriseImport.heading': '导入企业',
	'enterpriseImport.back': '返回企业列表',
	'enterpriseImport.managersOnly': '只有负责人可以导入企业。',
	'enterpriseImport.explain':
		'选择 Excel（.xlsx）或 CSV 文件。第一行是表头：企业名称、统一社会信用代码、所属街道必填；地址、行业、走访周期（天）可空。街道可填名称（如 望海楼街道）或代码（如 120105002）。文件只在本机读取，先检查预览，确认后才导入。',
	'enterpriseImport.template': '下载 CSV 模板',
	'enterpriseImport.templateFile': '企业导入模板.csv',
	'enterpriseImport.file': '选择文件',
	'enterpriseImport.reading': '正在读取文件…',
	'enterpriseImport.checking': '正在检查：{done} / {count} 行',

	'enterpriseImport.failure.unsupported': '只支持 .xlsx 和 .csv 文件。请在 Excel 中“另存为”其中一种格式。',
	'enterpriseImport.failure.oldExcel':
		'这是旧版 Excel（.xls）文件。请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再选择。',
	'enterpriseImport.failure.tooBig': '文件过大（最大 {max} MB）。',
	'enterpriseImport.failure.notUtf8':
		'CSV 文件不是 UTF-8 编码。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”，或直接选择 .xlsx 文件。',
	'enterpriseImport.failure.unreadable':
		'无法读取文件（{reason}）。请确认它是 Excel 保存的 .xlsx 或 .csv 文件，且没有损坏。',
	'enterpriseImport.failure.empty': '文件是空的：没有表头，也没有企业。',
	'enterpriseImport.failure.noHeader': '找不到表头。第一行应为：{columns}。可下载模板对照。',
	'enterpriseImport.failure.missingColumns': '表头缺少必填列：{missing}。表头应为：{columns}。',
	'enterpriseImport.failure.noRows': '文件只有表头，没有企业。',
	'enterpriseImport.failure.tooManyRows':
		'文件有 {count} 行企业，一次最多导入 {max} 行。请分成几个文件导入。',

	'enterpriseImport.ignoredColumns': '以下列无法识别，已忽略：{columns}',
	'enterpriseImport.summary': '共 {total} 行：{good} 行可以导入，{bad} 行有问题、不会导入。',
	'enterpriseImport.badHeading': '有问题的行（{count}）',
	'enterpriseImport.goodHeading': '将导入的企业（{count}）',
	'enterpriseImport.row': '第 {row} 行',
	'enterpriseImport.noName': '（无企业名称）',
	'enterpriseImport.showMore': '再显示 {count} 行',
	'enterpriseImport.visitEvery': '每 {days} 天走访',
	'enterpriseImport.noVisitPlan': '不定期走访',
	'enterpriseImport.submit': '导入 {count} 条',
	'enterpriseImport.importing': '正在导入…',
	'enterpriseImport.nothing': '没有可以导入的行。请按下面的说明改正文件后重新选择。',
	'enterpriseImport.done': '已导入 {count} 家企业，已保存在本机。联网时自动同步到服务器，结果见同步面板。',
	'enterpriseImport.openList': '查看企业列表',
	'enterpriseImport.importFailed': '导入失败，没有导入任何企业：{reason}',

	'enterpriseImport.problem.nameMissing': '企业名称未填写',
	'enterpriseImport.problem.nameLength': '企业名称应为 {min}–{max} 个字（现为 {length} 个）',
	'enterpriseImport.problem.controlCharacters': '“{column}”含有不可见的控制字符',
	'enterpriseImport.problem.codeMissing': '统一社会信用代码未填写',
	'enterpriseImport.problem.codeAsNumber':
		'统一社会信用代码被 Excel 存成了数字（{value}），后几位已丢失：请把该列设为“文本”后重新填写',
	'enterpriseImport.problem.codeLength': '统一社会信用代码长度应为 18 位（当前 {length} 位）',
	'enterpriseImport.problem.codeCharacter':
		'统一社会信用代码第 {position} 位“{character}”不是有效字符（不使用 I、O、Z、S、V）',
	'enterpriseImport.problem.codeCheck': '统一社会信用代码校验位错误：第 18 位应为“{expected}”',
	'enterpriseImport.problem.codeTwice': '统一社会信用代码与第 {rows} 行重复（都不会导入）',
	'enterpriseImport.problem.codeExists': '本厅已有此统一社会信用代码的企业：{name}',
	'enterpriseImport.problem.exampleRow': '这是模板的示例行，请删除',
	'enterpriseImport.problem.streetMissing': '所属街道未填写',
	'enterpriseImport.problem.streetUnknown':
		'所属街道“{value}”不是河北区的街道：可填街道名称（如 望海楼街道）或代码（如 120105002）',
	'enterpriseImport.problem.addressLength': '地址过长（最多 {max} 个字，现为 {length} 个）',
	'enterpriseImport.problem.industryLength': '行业过长（最多 {max} 个字，现为 {length} 个）',
	'enterpriseImport.problem.visitEvery':
		'走访周期应为 {min}–{max} 的整数天数，或留空（不定期走访）；现为“{value}”'
} as const;
