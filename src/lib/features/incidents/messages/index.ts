import { defineMessages } from '$lib/i18n';
import type { zhCN } from './zh-CN';

/** The incident screens' messages, loaded with them (a route's load, or a lazily imported component, awaits it). */
export const incidentMessages = defineMessages<keyof typeof zhCN>('incidents', {
	'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
	en: () => import('./en').then((module) => module.en)
});
/** Shorthand for the screens: `ti(key, params)`. */
export const ti = incidentMessages.t.bind(incidentMessages);
