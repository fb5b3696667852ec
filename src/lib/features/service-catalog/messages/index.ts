import { defineMessages, type MessageParams } from '$lib/i18n';
import type { zhCN } from './zh-CN';

/** A message of the service-item catalog screens or its import. */
export type CatalogMessageKey = keyof typeof zhCN;

/** The catalog screens' own messages, out of the app shell: the `/catalog` routes await `load()`. */
export const catalogMessages = defineMessages<CatalogMessageKey>('service-catalog', {
	'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
	en: () => import('./en').then((module) => module.en)
});

/** The pack's message for `key` in the screen's language (after `catalogMessages.load()`). */
export const t = (key: CatalogMessageKey, params?: MessageParams): string => catalogMessages.t(key, params);
