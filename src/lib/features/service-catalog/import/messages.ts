/**
 * What the import's report says about a row, in Chinese for the clerk and English for the bilingual screen. Each
 * message names what to change, so the clerk can fix the file without reading the format description again.
 */
export interface Message {
	zh: string;
	en: string;
}

const list = (words: readonly string[]): string => words.join('、');

export const messages = {
	unreadable: (reason: string): Message => ({
		zh: `无法读取文件：${reason}`,
		en: `The file cannot be read: ${reason}`
	}),
	unsupported: (): Message => ({
		zh: '只支持 .xlsx 和 .csv 文件（Excel 中“另存为”即可）',
		en: 'Only .xlsx and .csv files are supported (use "Save as" in Excel)'
	}),
	noSheets: (): Message => ({
		zh: '找不到“事项”和“材料”两个工作表，也没有带“类型”列的表格',
		en: 'No sheets named 事项 and 材料, and no sheet with a 类型 (type) column'
	}),
	emptyTable: (): Message => ({ zh: '表格是空的', en: 'The sheet is empty' }),
	missingColumn: (header: string): Message => ({
		zh: `缺少“${header}”列`,
		en: `The column ${header} is missing`
	}),
	unknownColumn: (header: string): Message => ({
		zh: `无法识别的列“${header}”，已忽略`,
		en: `Unknown column "${header}", ignored`
	}),
	unknownRowType: (value: string): Message => ({
		zh: `类型“${value}”无法识别，应为“事项”或“材料”`,
		en: `Row type "${value}" is not 事项 (item) or 材料 (material)`
	}),
	missing: (header: string): Message => ({ zh: `“${header}”必须填写`, en: `${header} is required` }),
	badCode: (value: string): Message => ({
		zh: `事项编码“${value}”只能包含字母、数字、- 和 _，且不超过 64 个字符`,
		en: `Item code "${value}" may hold only letters, digits, - and _, up to 64 characters`
	}),
	duplicateCode: (code: string, firstRow: number): Message => ({
		zh: `事项编码 ${code} 在第 ${firstRow} 行已出现，同一编码只能有一行事项`,
		en: `Item code ${code} already appears on row ${firstRow}; one item row per code`
	}),
	unknownItem: (code: string): Message => ({
		zh: `“事项”中没有编码为 ${code} 的事项`,
		en: `No item with code ${code} on the items sheet`
	}),
	itemHasErrors: (code: string): Message => ({
		zh: `事项 ${code} 有错误，不会导入（见该事项及其材料所在行）`,
		en: `Item ${code} has errors and will not be imported (see its rows and its materials' rows)`
	}),
	noMaterials: (code: string): Message => ({
		zh: `事项 ${code} 没有材料，至少需要一项`,
		en: `Item ${code} has no materials; it needs at least one`
	}),
	tooManyMaterials: (code: string, max: number): Message => ({
		zh: `事项 ${code} 的材料超过 ${max} 项`,
		en: `Item ${code} has more than ${max} materials`
	}),
	unknownWord: (header: string, value: string, allowed: readonly string[]): Message => ({
		zh: `“${header}”填写的“${value}”无法识别，可填：${list(allowed)}`,
		en: `${header}: "${value}" is not one of ${list(allowed)}`
	}),
	badDays: (header: string, value: string, max: number): Message => ({
		zh: `“${header}”应为 0–${max} 的整数（工作日），现为“${value}”`,
		en: `${header} must be a whole number of working days from 0 to ${max}, not "${value}"`
	}),
	badCopies: (value: string, max: number): Message => ({
		zh: `份数应为 1–${max} 的整数，现为“${value}”`,
		en: `Copies must be a whole number from 1 to ${max}, not "${value}"`
	}),
	promisedOverLegal: (promised: number, legal: number): Message => ({
		zh: `承诺时限（${promised} 个工作日）不能超过法定时限（${legal} 个工作日）`,
		en: `The promised limit (${promised} working days) exceeds the legal limit (${legal})`
	}),
	badUrl: (header: string, value: string): Message => ({
		zh: `“${header}”不是有效链接（应以 http:// 或 https:// 开头，不含空格）：${value}`,
		en: `${header} is not a valid link (starting with http:// or https://, no spaces): ${value}`
	}),
	badListEntry: (header: string, value: string): Message => ({
		zh: `“${header}”中的“${value}”应写成“中文 / English”`,
		en: `${header}: "${value}" should read "中文 / English"`
	}),
	duplicateEntry: (header: string, value: string): Message => ({
		zh: `“${header}”中“${value}”重复`,
		en: `${header}: "${value}" appears twice`
	}),
	conditionWithoutQuestion: (): Message => ({
		zh: '条件材料须在“条件”中写明问题和答案，如：由代理人办理？=是',
		en: 'A conditional material needs a question and answer in 条件, e.g. 由代理人办理？=是'
	}),
	conditionNotConditional: (): Message => ({
		zh: '只有“条件”材料可以填写条件；请把“要求”改为“条件”或清空条件',
		en: 'Only a conditional material has a condition; set 要求 to 条件 or clear the condition'
	}),
	unknownQuestion: (question: string): Message => ({
		zh: `条件中的问题“${question}”不在该事项的“问题”中`,
		en: `The condition's question "${question}" is not among the item's questions`
	}),
	badAnswer: (answer: string): Message => ({
		zh: `条件的答案“${answer}”应为“是”或“否”`,
		en: `The condition's answer "${answer}" should be 是 (yes) or 否 (no)`
	}),
	unknownSituation: (name: string): Message => ({
		zh: `适用情形“${name}”不在该事项的“办理情形”中`,
		en: `Situation "${name}" is not among the item's situations`
	}),
	duplicateMaterial: (name: string): Message => ({
		zh: `材料“${name}”在该事项中重复`,
		en: `Material "${name}" appears twice in this item`
	}),
	tooLong: (header: string, max: number): Message => ({
		zh: `“${header}”过长（最多 ${max} 个字符或项）`,
		en: `${header} is too long (at most ${max} characters or entries)`
	}),
	badText: (header: string): Message => ({
		zh: `“${header}”含有不可见的控制字符或内容为空`,
		en: `${header} holds invisible control characters or nothing visible`
	})
};
