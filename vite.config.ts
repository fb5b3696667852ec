import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			// The root layout registers the service worker itself (SvelteKit has no index.html to inject into).
			injectRegister: false,
			registerType: 'prompt',
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
				// DESIGN §2.13: a new version waits for the user's consent; it never takes over a working page.
				clientsClaim: false,
				skipWaiting: false
			}
		})
	],
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
			}
		]
	}
});
