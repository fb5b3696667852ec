import type { HallReport } from '$lib/domain/report';
import { periodSlug } from './period';

/** Characters Windows takes in no file name; hall names have no control characters (plain text in the schema). */
const FORBIDDEN = /[<>:"/\\|?*]/g;

/**
 * `综窗报表_2026-11_天津市河北区政务服务中心.xlsx`: the period, then the hall, or the first hall and how many
 * (`…等3个大厅`) when the report covers several.
 */
export function reportFileName(report: HallReport, extension: 'xlsx' | 'csv'): string {
	const [first] = report.halls;
	const halls =
		report.halls.length === 1 || !first ? (first?.name ?? '') : `${first.name}等${report.halls.length}个大厅`;
	const name = ['综窗报表', periodSlug(report), halls].filter(Boolean).join('_').replace(FORBIDDEN, '');
	return `${name}.${extension}`;
}
