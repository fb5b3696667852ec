import { browser } from '$app/environment';
import { zhCN, type MessageKey } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

type Catalog = Readonly<Record<MessageKey, string>>;

/** Params that fill a message's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string>>;

/**
 * A workflow's own messages (`defineMessages`, messages.svelte.ts), as the locale sees it: a language switch waits
 * until every pack in use has its messages in the new language, so a screen never mixes two languages.
 */
export interface LoadedPack {
	fetch(language: Locale): Promise<void>;
}

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
	/** The language last asked for: `current` until a switch completes. A pack loading mid-switch loads both. */
	wanted: Locale = 'zh-CN';
	#asked = 0;
	readonly #packs = new Set<LoadedPack>();

	constructor() {
		// Chinese unless the user chose otherwise: the hall works in Chinese whatever the browser says.
		const saved = browser ? localStorage.getItem(STORAGE_KEY) : null;
		this.ready = isLocale(saved) && saved !== 'zh-CN' ? this.set(saved) : Promise.resolve();
	}

	/** Switches to `next` once its catalogs are loaded; of quick successive choices the last one wins. */
	async set(next: Locale): Promise<void> {
		const asked = ++this.#asked;
		this.wanted = next;
		if (browser) localStorage.setItem(STORAGE_KEY, next);
		let catalog: Catalog;
		try {
			[catalog] = await Promise.all([loaders[next](), ...[...this.#packs].map((pack) => pack.fetch(next))]);
		} catch (error) {
			// Offline before the English catalog was ever cached: stay in the language on screen.
			console.warn(`messages for ${next} could not load`, error);
			return;
		}
		if (asked !== this.#asked) return;
		this.catalog = catalog;
		this.current = next;
	}

	/** A pack in use: later switches wait for its messages too. */
	use(pack: LoadedPack): void {
		this.#packs.add(pack);
	}
}

export const locale = new LocaleState();

/**
 * The message for `key` in the current language, with `{param}` placeholders filled in.
 * Reading the catalog makes every `t()` in a template re-render when the language changes.
 */
export function t(key: MessageKey, params?: MessageParams): string {
	return fill(locale.catalog[key], params);
}

/** `message` with its `{param}` placeholders filled in; an unknown placeholder stays visible. */
export function fill(message: string, params?: MessageParams): string {
	if (!params) return message;
	return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => params[name] ?? placeholder);
}
