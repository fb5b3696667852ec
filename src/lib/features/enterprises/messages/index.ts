import { defineMessages } from '$lib/i18n';
import type { zhCN } from './zh-CN';

/** The enterprise screens' messages, loaded with them (a route's load, or a lazily imported component, awaits it). */
export const enterpriseMessages = defineMessages<keyof typeof zhCN>('enterprises', {
	'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
	en: () => import('./en').then((module) => module.en)
});
export type EnterpriseMessageKey = keyof typeof zhCN;
/** Shorthand for the screens: `te(key, params)`. */
export const te = enterpriseMessages.t.bind(enterpriseMessages);
