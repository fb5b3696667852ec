import { defineMessages } from '$lib/i18n';
import type { zhCN } from './zh-CN';

/** The staff workload and assessment screen's messages, loaded by its page's `load`. */
export const assessmentMessages = defineMessages<keyof typeof zhCN>('assessment', {
	'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
	en: () => import('./en').then((module) => module.en)
});
export type AssessmentMessageKey = keyof typeof zhCN;
/** Shorthand for the screens: `ta(key, params)`. */
export const ta = assessmentMessages.t.bind(assessmentMessages);
