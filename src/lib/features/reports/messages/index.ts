import { defineMessages } from '$lib/i18n';
import type { zhCN } from './zh-CN';

/** The report screen's messages (also its exports' headers), loaded by its page's `load`. */
export const reportMessages = defineMessages<keyof typeof zhCN>('reports', {
	'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
	en: () => import('./en').then((module) => module.en)
});
export type ReportMessageKey = keyof typeof zhCN;
/** Shorthand for the screens: `tr(key, params)`. */
export const tr = reportMessages.t.bind(reportMessages);
