import { defineMessages } from '$lib/i18n';
import type { zhCN } from './zh-CN';

/**
 * The visit and follow-up screens' messages (visits, follow-ups, the home's lists), loaded with them: a route's
 * load, or a lazily imported component, awaits `visitMessages.load()`.
 */
export const visitMessages = defineMessages<keyof typeof zhCN>('visits', {
	'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
	en: () => import('./en').then((module) => module.en)
});
export type VisitMessageKey = keyof typeof zhCN;
/** Shorthand for the screens: `tv(key, params)`. */
export const tv = visitMessages.t.bind(visitMessages);
