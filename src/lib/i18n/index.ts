export {
	LOCALES,
	LOCALE_NAMES,
	locale,
	t,
	type Locale,
	type MessageKey,
	type MessageParams
} from './locale.svelte';
export { defineMessages, type MessagePack, type PackCatalog } from './messages.svelte';
