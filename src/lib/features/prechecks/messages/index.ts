import { defineMessages, type MessageParams } from '$lib/i18n';
import type { zhCN } from './zh-CN';

/** A message of the pre-check screens, the one-time notice or the applicant's page. */
export type PrecheckMessageKey = keyof typeof zhCN;

/**
 * The pre-checks' own messages, out of the app shell: the `/prechecks` and `/n/[token]` routes await `load()`,
 * and so do the pieces shown on other screens (the home's open notices, the record's pre-checks, the scan screen
 * reading a notice). The notice takes both languages through `catalog()` (notice/notice-text.ts).
 */
export const precheckMessages = defineMessages<PrecheckMessageKey>('prechecks', {
	'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
	en: () => import('./en').then((module) => module.en)
});

/** The pack's message for `key` in the screen's language (after `precheckMessages.load()`). */
export const t = (key: PrecheckMessageKey, params?: MessageParams): string => precheckMessages.t(key, params);
