/**
 * The notice's words in the notice's own language, not the screen's: a Chinese notice reads in Chinese on a
 * phone set to English, and a bilingual one carries both lines whoever prints it. They come from the pre-checks'
 * message pack, whose Chinese and English catalogs load here whatever the screen's language.
 */
import type { NoticeLanguage } from '$lib/domain/precheck';
import { precheckMessages, type PrecheckMessageKey } from '$lib/features/prechecks/messages';

export interface NoticeLine {
	zh: string;
	/** Present on a bilingual notice only. */
	en: string | null;
}

/** A notice message in the notice's language(s), placeholders filled. */
export type NoticeText = (key: PrecheckMessageKey, params?: Readonly<Record<string, string>>) => NoticeLine;

function fill(message: string, params?: Readonly<Record<string, string>>): string {
	if (!params) return message;
	return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => params[name] ?? placeholder);
}

/** Loads the notice's words: Chinese always, English too for a bilingual notice (`zh_en`). */
export async function noticeText(language: NoticeLanguage): Promise<NoticeText> {
	const [zh, en] = await Promise.all([
		precheckMessages.catalog('zh-CN'),
		language === 'zh_en' ? precheckMessages.catalog('en') : null
	]);
	return (key, params) => ({
		zh: fill(zh[key], params),
		en: en ? fill(en[key], params) : null
	});
}

/** A catalog text with its English twin: the English only on a bilingual notice, and only when the item has it. */
export function bilingual(language: NoticeLanguage, zh: string, english: string): NoticeLine {
	return { zh, en: language === 'zh_en' && english.trim() !== '' ? english : null };
}
