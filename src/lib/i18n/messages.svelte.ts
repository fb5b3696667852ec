import { fill, locale, type Locale, type LoadedPack, type MessageParams } from './locale.svelte';

/** One language's messages of a pack: Chinese is the source of the keys, every other language is checked against it. */
export type PackCatalog<K extends string> = Readonly<Record<K, string>>;

/** A workflow's own messages, loaded with the screens that use them (docs/ARCHITECTURE.md, "Messages"). */
export interface MessagePack<K extends string> {
	readonly name: string;
	/**
	 * Loads the messages in the language on screen (and in the one being switched to). A route's `load` awaits it,
	 * and so does a lazily imported component, so nothing renders before its words are in.
	 */
	load(): Promise<void>;
	/** The message for `key` in the current language, placeholders filled; the key itself before `load()`. */
	t(key: K, params?: MessageParams): string;
	/**
	 * The whole catalog of one language, whatever the screen's language, loading it if needed: for a text that
	 * always shows a given language, as the bilingual notice prints Chinese and English side by side.
	 */
	catalog(language: Locale): Promise<PackCatalog<K>>;
}

type Loaders<K extends string> = Readonly<Record<Locale, () => Promise<PackCatalog<K>>>>;

class Pack<K extends string> implements MessagePack<K>, LoadedPack {
	/** Raw: a catalog arrives whole and never changes. Reading it makes `t()` re-render when one arrives. */
	#catalogs = $state.raw<Partial<Record<Locale, PackCatalog<K>>>>({});
	readonly #loading = new Map<Locale, Promise<PackCatalog<K>>>();
	readonly name: string;
	readonly #loaders: Loaders<K>;

	constructor(name: string, loaders: Loaders<K>) {
		this.name = name;
		this.#loaders = loaders;
	}

	catalog(language: Locale): Promise<PackCatalog<K>> {
		let loading = this.#loading.get(language);
		if (!loading) {
			loading = this.#loaders[language]().then(
				(catalog) => {
					this.#catalogs = { ...this.#catalogs, [language]: catalog };
					return catalog;
				},
				(error: unknown) => {
					this.#loading.delete(language); // offline before it was cached: a later load tries again
					throw error;
				}
			);
			this.#loading.set(language, loading);
		}
		return loading;
	}

	async fetch(language: Locale): Promise<void> {
		await this.catalog(language);
	}

	async load(): Promise<void> {
		locale.use(this);
		await Promise.all([this.fetch(locale.current), this.fetch(locale.wanted)]);
	}

	t(key: K, params?: MessageParams): string {
		const catalogs = this.#catalogs;
		const message = (catalogs[locale.current] ?? catalogs['zh-CN'] ?? catalogs.en)?.[key];
		if (message === undefined) {
			if (import.meta.env.DEV) console.warn(`message ${this.name}:${key} used before its pack loaded`);
			return key;
		}
		return fill(message, params);
	}
}

/**
 * Declares a workflow's message pack. Chinese is the source of the keys:
 * `defineMessages<keyof typeof zhCN>('prechecks', { 'zh-CN': () => import('./zh-CN')…, en: … })`, where the
 * English catalog is typed `PackCatalog<keyof typeof zhCN>`, so a missing or unknown key does not compile.
 */
export function defineMessages<K extends string>(name: string, loaders: Loaders<K>): MessagePack<K> {
	return new Pack(name, loaders);
}
