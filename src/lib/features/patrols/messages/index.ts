import { defineMessages } from '$lib/i18n';
import type { zhCN } from './zh-CN';

/** The patrol screens' messages, loaded with them (a route's load, or a lazy component, awaits `load()`). */
export const patrolMessages = defineMessages<keyof typeof zhCN>('patrols', {
	'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
	en: () => import('./en').then((module) => module.en)
});
export const pt = patrolMessages.t.bind(patrolMessages);
