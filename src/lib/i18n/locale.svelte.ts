import { browser } from '$app/environment';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The names each language calls itself, shown on the switch whatever the current language is. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

const STORAGE_KEY = 'hall-assist.locale';

function isLocale(value: unknown): value is Locale {
	return (LOCALES as readonly unknown[]).includes(value);
}

/** The chosen language; remembered per device because a phone usually belongs to one staff member. */
class LocaleState {
	current = $state<Locale>(LocaleState.#initial());

	static #initial(): Locale {
		// Chinese unless the user chose otherwise: the hall works in Chinese whatever the browser says.
		const saved = browser ? localStorage.getItem(STORAGE_KEY) : null;
		return isLocale(saved) ? saved : 'zh-CN';
	}

	set(next: Locale): void {
		this.current = next;
		if (browser) localStorage.setItem(STORAGE_KEY, next);
	}
}

export const locale = new LocaleState();

/**
 * The message for `key` in the current language, with `{param}` placeholders filled in.
 * Reading `locale.current` makes every `t()` in a template re-render when the language changes.
 */
export function t(key: MessageKey, params?: Readonly<Record<string, string>>): string {
	const message = catalogs[locale.current][key];
	if (!params) return message;
	return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => params[name] ?? placeholder);
}
