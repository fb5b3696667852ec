// The app's Content-Security-Policy, used as `kit.csp` in svelte.config.js.
//
// The app is a static single-page app that any host may serve, so the policy must ship inside the app:
// SvelteKit (mode 'hash') writes it into every page, the SPA fallback included, as a
// <meta http-equiv="content-security-policy"> tag with the hashes of its own inline start-up script. A meta tag
// cannot carry frame-ancestors (browsers ignore it there, and SvelteKit leaves it out): only the host serving the
// files can refuse framing, with a header (scripts/static-server.ts sends it for `npm start` and the e2e tests).
import { createHash } from 'node:crypto';
import { loadEnv } from 'vite';

/** @typedef {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>} CspDirectives */

/**
 * LOCAL_SUPABASE_URL of src/lib/backend/local-stack.ts, the app's Supabase when PUBLIC_SUPABASE_URL is not set.
 * Repeated because Node reads this file as plain JavaScript; tests/unit/csp-config.test.ts keeps the two equal.
 */
export const localSupabaseUrl = 'http://127.0.0.1:54321';

/**
 * The inline style attributes the app has, each allowed by its hash alone: app.html's wrapper
 * `<div style="display: contents">` (SvelteKit's recommended markup) and SvelteKit's route announcer, a
 * visually hidden live region it adds after the first navigation. tests/unit/csp-config.test.ts fails when
 * either file has an inline style not listed here.
 */
export const allowedInlineStyles = [
	'display: contents',
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px'
];

/**
 * The origins of the Supabase URL the app is built with: PUBLIC_SUPABASE_URL as SvelteKit reads it (the
 * environment, then `.env` files), else the local stack. For a build and for the dev server alike, since this
 * runs before Vite knows which of them it is; normally both name the same URL.
 * @param {string} [root]
 * @returns {string[]}
 */
export function supabaseOrigins(root = process.cwd()) {
	const urls = ['production', 'development'].map(
		(mode) => loadEnv(mode, root, 'PUBLIC_')['PUBLIC_SUPABASE_URL'] || localSupabaseUrl
	);
	return [...new Set(urls.map((url) => new URL(url).origin))];
}

/**
 * Only the app itself and its Supabase: no inline script but SvelteKit's own (hashed), no plugins, no <base>
 * tricks, no framing. Camera scanning needs nothing more: html5-qrcode reads the stream through a <video>
 * (srcObject is not a URL) and a canvas, and styles through the DOM, which style-src does not govern.
 * img-src allows data: and blob: URLs, which html5-qrcode uses for a scanned image file and photos show their
 * thumbnails from (the bytes kept on the device), and Supabase, whose Storage serves a photo not on the device by
 * signed URL.
 * @param {string[]} supabase origins of the Supabase API
 * @returns {CspDirectives}
 */
export function cspDirectives(supabase) {
	const styleHashes = allowedInlineStyles.map(
		(style) => /** @type {const} */ (`sha256-${createHash('sha256').update(style).digest('base64')}`)
	);
	return {
		'default-src': ['self'],
		'script-src': ['self'],
		'style-src': ['self', 'unsafe-hashes', ...styleHashes],
		'img-src': ['self', 'data:', 'blob:', .../** @type {NonNullable<CspDirectives['img-src']>} */ (supabase)],
		// Origins are URLs' origins (supabaseOrigins), which is what SvelteKit's source type spells out.
		'connect-src': ['self', .../** @type {NonNullable<CspDirectives['connect-src']>} */ (supabase)],
		// blob: for read-excel-file's unzip (fflate), which inflates a workbook over 512 kB in workers it makes
		// from blob: URLs; without it a large import never finishes. Only a script already running on this origin
		// (script-src 'self' and hashes) can make a blob: URL, so this opens nothing to anyone else.
		'worker-src': ['self', 'blob:'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self'],
		// Dropped from the meta tag by SvelteKit; the dev server sends the policy as a header, where it counts.
		'frame-ancestors': ['none']
	};
}
