import { defineMessages } from '$lib/i18n';
import type { zhCN } from './zh-CN';

export type EnterpriseImportMessageKey = keyof typeof zhCN;

/** The enterprise import screen's messages, loaded by its route. */
export const enterpriseImportMessages = defineMessages<EnterpriseImportMessageKey>('enterprise-import', {
	'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
	en: () => import('./en').then((module) => module.en)
});
/** Shorthand for the screen: `tim(key, params)`. */
export const tim = enterpriseImportMessages.t.bind(enterpriseImportMessages);
