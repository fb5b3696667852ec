import { browser } from '$app/environment';
import { zhCN, type MessageKey } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

type Catalog = Readonly<Record<MessageKey, string>>;

/**
 * The catalogs by language. Chinese is in the app shell; English loads when someone chooses it (every workflow
 * adds messages, and a second catalog in the shell would grow every screen's first load for the few who need it).
 */
const loaders: Record<Locale, () => Promise<Catalog>> = {
	'zh-CN': () => Promise.resolve(zhCN),
	en: () => import('./en').then((module) => module.en)
};

/** The names each language calls itself, shown on the switch whatever the current language is. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

const STORAGE_KEY = 'hall-assist.locale';

function isLocale(value: unknown): value is Locale {
	return (LOCALES as readonly unknown[]).includes(value);
}

/** The chosen language; remembered per device because a phone usually belongs to one staff member. */
class LocaleState {
	/** The language on screen: it changes once its catalog is in, so a screen never mixes two languages. */
	current = $state<Locale>('zh-CN');
	/** Raw: a catalog is replaced whole, never changed, so it needs no deep proxy. */
	catalog = $state.raw<Catalog>(zhCN);
	/** Settles when the remembered language is on screen; the root layout waits for it before the first render. */
	readonly ready: Promise<void>;
	#asked = 0;

	constructor() {
		// Chinese unless the user chose otherwise: the hall works in Chinese whatever the browser says.
		const saved = browser ? localStorage.getItem(STORAGE_KEY) : null;
		this.ready = isLocale(saved) && saved !== 'zh-CN' ? this.set(saved) : Promise.resolve();
	}

	/** Switches to `next` once its catalog is loaded; of quick successive choices the last one wins. */
	async set(next: Locale): Promise<void> {
		const asked = ++this.#asked;
		if (browser) localStorage.setItem(STORAGE_KEY, next);
		let catalog: Catalog;
		try {
			catalog = await loaders[next]();
		} catch (error) {
			// Offline before the English catalog was ever cached: stay in the language on screen.
			console.warn(`messages for ${next} could not load`, error);
			return;
		}
		if (asked !== this.#asked) return;
		this.catalog = catalog;
		this.current = next;
	}
}

export const locale = new LocaleState();

/**
 * The message for `key` in the current language, with `{param}` placeholders filled in.
 * Reading the catalog makes every `t()` in a template re-render when the language changes.
 */
export function t(key: MessageKey, params?: Readonly<Record<string, string>>): string {
	const message = locale.catalog[key];
	if (!params) return message;
	return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => params[name] ?? placeholder);
}
