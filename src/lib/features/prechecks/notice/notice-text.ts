/**
 * The notice's words in the notice's own language, not the screen's: a Chinese notice reads in Chinese on a
 * phone set to English, and a bilingual one carries both lines whoever prints it.
 */
import type { NoticeLanguage } from '$lib/domain/precheck';
import { en } from '$lib/i18n/en';
import { zhCN, type MessageKey } from '$lib/i18n/zh-CN';

export interface NoticeLine {
	zh: string;
	/** Present on a bilingual notice only. */
	en: string | null;
}

function fill(message: string, params?: Readonly<Record<string, string>>): string {
	if (!params) return message;
	return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => params[name] ?? placeholder);
}

export function noticeText(
	language: NoticeLanguage
): (key: MessageKey, params?: Readonly<Record<string, string>>) => NoticeLine {
	return (key, params) => ({
		zh: fill(zhCN[key], params),
		en: language === 'zh_en' ? fill(en[key], params) : null
	});
}

/** A catalog text with its English twin: the English only on a bilingual notice, and only when the item has it. */
export function bilingual(language: NoticeLanguage, zh: string, english: string): NoticeLine {
	return { zh, en: language === 'zh_en' && english.trim() !== '' ? english : null };
}
