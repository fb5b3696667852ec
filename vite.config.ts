import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import type { Plugin, PluginOption } from 'vite';
import { defineConfig } from 'vitest/config';
import svelteConfig from './svelte.config.js';

/** Where SvelteKit writes its generated files and output (svelte.config.js says why a build may have its own). */
const KIT_OUT_DIR = svelteConfig.kit?.outDir ?? '.svelte-kit';

/**
 * Vite 8 (rolldown) runs the plugins' closeBundle hooks concurrently and ignores `sequential`, so SvelteKit's
 * adapter could copy .svelte-kit/output/client into build/ before @vite-pwa/sveltekit has written sw.js there:
 * build/sw.js then went missing (or stale) depending on machine load. Run the PWA step first, then the adapter.
 */
function pwaBeforeAdapter(kit: Plugin[], pwa: Plugin[], pwaOptions: { outDir?: string }): PluginOption[] {
	const pwaBuild = pwa.find((plugin) => plugin.name === 'vite-plugin-pwa:sveltekit:build');
	const kitCompile = kit.find((plugin) => plugin.name === 'vite-plugin-sveltekit-compile');
	const pwaClose = pwaBuild?.closeBundle;
	const kitClose = kitCompile?.closeBundle;
	if (!pwaBuild || !kitCompile || !pwaClose || !kitClose)
		throw new Error('pwaBeforeAdapter: plugins not found');
	const run = (hook: typeof pwaClose) => (typeof hook === 'function' ? hook : hook.handler);
	delete pwaBuild.closeBundle;
	kitCompile.closeBundle = {
		sequential: true,
		async handler(...args) {
			// The PWA plugin's SvelteKit step looks for SvelteKit's output in this option (default
			// .svelte-kit/output), while the plugin itself took the same option, when the config was resolved, as where
			// to write sw.js (the server build's folder, which the step then copies to the client's). Set now, each
			// reads what it means, and a build with its own kit outDir still gets its service worker.
			pwaOptions.outDir = `${KIT_OUT_DIR}/output`;
			await run(pwaClose).apply(this, args);
			await run(kitClose).apply(this, args);
		}
	};
	return [...kit, ...pwa];
}

/**
 * Chunks for a fast first paint on a slow network. Left to itself the bundler splits the app into ~20 small
 * shared chunks, and a phone on hall Wi-Fi pays a round trip for each (six at a time over HTTP/1.1) before
 * anything shows. Grouped by when they are needed instead:
 * - shell: what every screen's first paint runs (Svelte, SvelteKit's client, i18n, the header and basic
 *   controls, the service-worker state, whether a session is stored), loaded with the entry;
 * - profile: the session's state, the staff profile remembered on the device and its checks (zod), for every
 *   staff screen's first paint (preloaded with the staff layout, which imports it);
 * - auth: Supabase Auth and RPC, for the sign-in submit and for a staff screen once it has painted;
 * - device-data: Dexie, the local store and the sync engine, for the staff screens once they have painted.
 * The sign-in page loads only the shell and its own node; a returning staff member's screen the shell, the
 * profile and its nodes. Routes' own code (nodes) and the camera library stay split as SvelteKit and the bundler
 * make them. Client build only.
 */
const CHUNK_GROUPS: { name: string; modules: RegExp[] }[] = [
	{
		name: 'shell',
		modules: [
			/node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]/,
			/src[\\/]lib[\\/]pwa[\\/]/,
			// English loads on demand (i18n/locale.svelte.ts).
			/src[\\/]lib[\\/]i18n[\\/](?!en\.ts$)/,
			/src[\\/]lib[\\/]ui[\\/](AppHeader|LanguageSwitch|Button|Alert|TextField)\.svelte$/,
			/src[\\/]lib[\\/]backend[\\/]auth-storage\.ts$/
		]
	},
	{
		name: 'profile',
		modules: [
			/node_modules[\\/]zod[\\/]/,
			/src[\\/]lib[\\/]backend[\\/](index|session\.svelte|staff-profile|profile-cache|me)\.ts$/,
			/src[\\/]lib[\\/]domain[\\/]ticket-format\.ts$/,
			// What a staff screen starts after its first paint (the staff layout's sync, the home's open notices):
			// a few lines that were a first-screen request of their own.
			/src[\\/]lib[\\/]features[\\/]after-first-paint\.ts$/,
			// The staff layout's "a read of the device's data failed" flag: one line of state, which in the
			// device-data group below made every staff screen's first load fetch and run Dexie and the whole local
			// layer (~180 kB) before it could paint.
			/src[\\/]lib[\\/]local[\\/]read-failures\.svelte\.ts$/
		]
	},
	{
		// The rows' and ops' schemas and the notice's public read, without the device's database or Supabase Auth:
		// the applicant's notice page (a stranger's phone) needs them and nothing more. Before `auth`, which would
		// otherwise take the Supabase URL's modules in as its client's dependencies.
		name: 'schemas',
		modules: [
			/src[\\/]lib[\\/]domain[\\/](sync-protocol|text|service-catalog|precheck|precheck-rules|notice-view)\.ts$/,
			/src[\\/]lib[\\/]backend[\\/](notice-view|config|local-stack)\.ts$/
		]
	},
	{
		// Supabase Auth and RPC themselves. Not Storage (photo-storage.ts and its client), which only screens with
		// photos and the upload queue load, nor the reports' RPC modules with the schemas of their answers, which
		// only the managers' screens load: in this group every staff screen fetched, compiled and ran them when its
		// session was restored after the first paint.
		name: 'auth',
		modules: [
			/node_modules[\\/](@supabase[\\/](auth-js|postgrest-js)|tslib)[\\/]/,
			/src[\\/]lib[\\/]backend[\\/](auth-rpc-client|client|parked-sessions)\.ts$/
		]
	},
	{
		name: 'device-data',
		modules: [
			/node_modules[\\/]dexie[\\/]/,
			/src[\\/]lib[\\/](local|sync)[\\/]/,
			/src[\\/]lib[\\/]domain[\\/](service-record|uuid|hall-time)\.ts$/
		]
	},
	{
		// The staff home's "mine" lists, loaded after its first paint: the lists, the cards they show, the
		// workflows' live reads and their message packs' loaders. Left to the bundler they were ~15 scripts and
		// ~10 stylesheets of a kilobyte or two each: a preload link and a request apiece on a slow network, and a
		// style recalculation of the whole page for each stylesheet. The workflows' own screens load it too (a few
		// kilobytes they mostly use anyway).
		name: 'home-lists',
		modules: [
			/src[\\/]routes[\\/]\(staff\)[\\/](MyOpenPrechecks|MyOpenIncidents|TodaysPatrols|MyFollowUps|MyVisitsThisWeek)\.svelte$/,
			/src[\\/]routes[\\/]\(staff\)[\\/]incidents[\\/]IncidentCard\.svelte$/,
			/src[\\/]routes[\\/]\(staff\)[\\/]patrols[\\/]WindowState\.svelte$/,
			/src[\\/]routes[\\/]\(staff\)[\\/]follow-ups[\\/](FollowUpCard\.svelte|labels\.ts)$/,
			/src[\\/]routes[\\/]\(staff\)[\\/]visits[\\/](VisitCard\.svelte|VisitFlags\.svelte|labels\.ts)$/,
			/src[\\/]lib[\\/]features[\\/](prechecks|incidents|patrols|visits)[\\/]\1\.svelte\.ts$/,
			/src[\\/]lib[\\/]features[\\/]incidents[\\/]labels\.ts$/,
			/src[\\/]lib[\\/]features[\\/](prechecks|incidents|patrols|visits)[\\/]messages[\\/]index\.ts$/
		]
	}
];

function firstLoadChunks(): Plugin {
	return {
		name: 'hall-assist:first-load-chunks',
		apply: 'build',
		config(_config, { isSsrBuild }) {
			if (isSsrBuild) return;
			const groups = CHUNK_GROUPS.map(({ name, modules }, index) => ({
				name,
				test: (id: string) => modules.some((pattern) => pattern.test(id)),
				// Earlier groups win a module that several match.
				priority: CHUNK_GROUPS.length - index
			}));
			return { build: { rolldownOptions: { output: { codeSplitting: { groups } } } } };
		}
	};
}

const pwaOptions: Parameters<typeof SvelteKitPWA>[0] & {} = {
	// The root layout registers the service worker itself (SvelteKit has no index.html to inject into).
	injectRegister: false,
	registerType: 'prompt',
	// Absolute: SvelteKit's relative asset paths would make the register script ask for ./sw.js, which on a
	// deep link such as /tickets/<id> is /tickets/sw.js (the SPA fallback, not a worker), so a first visit
	// there never installed the worker and the app could not open offline.
	base: '/',
	scope: '/',
	// The SPA's only HTML page is adapter-static's fallback; precache it so navigateFallback can serve it.
	kit: { adapterFallback: 'index.html', spa: true, outDir: KIT_OUT_DIR },
	manifest: {
		name: '综窗助手 Hall Assist',
		short_name: '综窗助手',
		description: '政务服务中心综合窗口工作助手',
		lang: 'zh-CN',
		start_url: '/',
		scope: '/',
		display: 'standalone',
		background_color: '#ffffff',
		theme_color: '#b71c1c',
		icons: [
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
			{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
			{ src: '/icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
		]
	},
	workbox: {
		globPatterns: ['client/**/*.{js,css,ico,png,svg,webmanifest,woff2}', 'prerendered/**/*.html'],
		navigateFallback: '/index.html',
		// DECISIONS §2.13: a new version waits for the user's consent; it never takes over a working page.
		clientsClaim: false,
		skipWaiting: false
	}
};

export default defineConfig({
	plugins: [firstLoadChunks(), ...pwaBeforeAdapter(await sveltekit(), SvelteKitPWA(pwaOptions), pwaOptions)],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/integration/setup/global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			},
			// The long torture run and the sync load bench (tests/torture/*.run.ts): minutes each, so only when their
			// commands ask for them (`npm run torture`, tests/bench/sync-load.ts), never in `npm test`. Their own fresh
			// stack, from the same global setup; their reports print as they come.
			...(process.env['HALL_PROOF_RUN']
				? [
						{
							extends: true as const,
							test: {
								name: 'proof',
								include: ['tests/torture/**/*.run.ts'],
								environment: 'node',
								globalSetup: ['tests/integration/setup/global-setup.ts'],
								hookTimeout: 120_000,
								disableConsoleIntercept: true
							}
						}
					]
				: [])
		]
	}
});
