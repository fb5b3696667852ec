import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { cspDirectives, supabaseOrigins } from './csp.config.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The one stylesheet left (app.css, the global base) is inlined into the HTML shell: no render-blocking
		// request before the first paint. Under this size in characters; it is ~1.5 kB.
		inlineStyleThreshold: 4096,
		// A static single-page app: Supabase is the whole backend, so any static host or CDN can serve it.
		// precompress: writes a brotli (.br) and a gzip (.gz) copy beside each text file of build/, made once at
		// build time with the strongest settings, for hosts that serve precompressed files (as
		// scripts/static-server.ts does) instead of compressing on every request or not at all.
		adapter: adapter({ fallback: 'index.html', strict: true, precompress: true }),
		// Shipped inside every page, the SPA fallback included, since no server of ours sends headers (csp.config.js).
		csp: { mode: 'hash', directives: cspDirectives(supabaseOrigins()) },
		// A build that runs beside other SvelteKit processes gets generated files of its own (HALL_KIT_OUT_DIR):
		// `svelte-kit sync`, vitest and svelte-check rewrite .svelte-kit/generated at start, the page policy above
		// and the version hash included, each from its own environment. `npm test` builds the e2e app beside vitest
		// (and CI runs lint and types beside it): read half-way, the build took another process's Supabase URL into
		// its policy and another version into its pages, and no page of it started.
		outDir: process.env.HALL_KIT_OUT_DIR || '.svelte-kit',
		typescript: {
			// Type-check the Node side too (local stack, scripts), not only what SvelteKit bundles.
			config(tsconfig) {
				tsconfig.include.push('../supabase/**/*.ts', '../scripts/**/*.ts', '../playwright.config.ts');
			}
		}
	}
};

export default config;
