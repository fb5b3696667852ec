import { defineMessages } from '$lib/i18n';
import type { zhCN } from './zh-CN';

/** The photo components' messages: PhotoField and PhotoStrip await `photoMessages.load()` before rendering. */
export const photoMessages = defineMessages<keyof typeof zhCN>('photos', {
	'zh-CN': async () => (await import('./zh-CN')).zhCN,
	en: async () => (await import('./en')).en
});
