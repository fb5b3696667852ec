import { defineMessages } from '$lib/i18n';
import type { zhCN } from './zh-CN';

/** The manager's "today at a glance" messages, loaded with it after the home's first paint. */
export const todayMessages = defineMessages<keyof typeof zhCN>('today', {
	'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
	en: () => import('./en').then((module) => module.en)
});
export type TodayMessageKey = keyof typeof zhCN;
/** Shorthand for the glance: `tt(key, params)`. */
export const tt = todayMessages.t.bind(todayMessages);
