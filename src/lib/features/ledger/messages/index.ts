import { defineMessages } from '$lib/i18n';
import type { zhCN } from './zh-CN';

/** The monthly ledger screen's messages, loaded by its page's `load` (and the reports page, for its link). */
export const ledgerMessages = defineMessages<keyof typeof zhCN>('ledger', {
	'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
	en: () => import('./en').then((module) => module.en)
});
export type LedgerMessageKey = keyof typeof zhCN;
/** Shorthand for the screens: `lt(key, params)`. */
export const lt = ledgerMessages.t.bind(ledgerMessages);
