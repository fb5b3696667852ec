export { LOCALES, LOCALE_NAMES, locale, t, type Locale, type MessageKey } from './locale.svelte';
