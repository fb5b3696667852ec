import { locale } from '$lib/i18n';

/*
 * A pure single-page app (DECISIONS §1): adapter-static writes one fallback `index.html` that serves every route.
 * - ssr = false: pages only make sense in the browser (the session lives in localStorage, the data will live
 *   in IndexedDB), and the Supabase client must not be created under Node.
 * - prerender = false: with SSR off a prerendered page would be the same empty shell as the fallback, and a
 *   prerendered `/` would be written to `index.html` too, clashing with the fallback of the same name.
 */
export const ssr = false;
export const prerender = false;

/** A device that chose English renders its first screen in English (the catalog loads on demand). */
export async function load(): Promise<void> {
	await locale.ready;
}
