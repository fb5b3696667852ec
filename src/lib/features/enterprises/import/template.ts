import { COLUMNS } from './format';

/**
 * The template's example row. Its code is valid (so the row reads as a real one would), and the check refuses it
 * by this code: a manager who forgets to delete it does not import a made-up enterprise.
 */
export const EXAMPLE_ROW = {
	name: '天津示例科技有限公司',
	credit_code: '91120105MA05L2K3X2',
	street: '望海楼街道',
	address: '天津市河北区示例路 1 号',
	industry: '软件和信息技术服务业',
	visit_every_days: '30'
} as const;

/**
 * The CSV template: the headers and the example row, with a byte-order mark so Excel opens it as UTF-8 (without
 * it, Excel on Chinese Windows reads the file as GBK and shows garbled headers).
 */
export function templateCsv(): string {
	const lines = [COLUMNS.map((column) => column.header), COLUMNS.map((column) => EXAMPLE_ROW[column.field])];
	return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
