import { expect, test } from './fixtures';

test('the manifest is linked and served with the Chinese name and icons', async ({ page, request }) => {
	await page.goto('/login');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();

	const response = await request.get(href ?? '');
	expect(response.ok()).toBe(true);
	expect(response.headers()['content-type']).toContain('application/manifest+json');
	expect(response.headers()['cache-control']).toBe('no-cache');
	const manifest = (await response.json()) as { short_name: string; name: string; icons: { src: string }[] };
	expect(manifest.short_name).toBe('综窗助手');
	expect(manifest.name).toContain('综窗助手');
	for (const icon of manifest.icons) {
		const iconResponse = await request.get(icon.src);
		expect(iconResponse.ok(), icon.src).toBe(true);
		expect(iconResponse.headers()['content-type']).toBe('image/png');
	}
});

test('the service worker registers and controls the app after a reload', async ({ page }) => {
	await page.goto('/login');
	const scriptUrl = await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		return registration.active?.scriptURL ?? '';
	});
	expect(new URL(scriptUrl).pathname).toBe('/sw.js');
	await page.reload();
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(
		/\/sw\.js$/
	);
});

test('the static server: SPA fallback, 404 for missing assets, cache headers', async ({ request }) => {
	const deepLink = await request.get('/some/client/route');
	expect(deepLink.status()).toBe(200);
	expect(deepLink.headers()['content-type']).toContain('text/html');
	expect(deepLink.headers()['cache-control']).toBe('no-cache');

	expect((await request.get('/_app/immutable/missing.js')).status()).toBe(404);
	expect((await request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');

	const html = await deepLink.text();
	const asset = /\/_app\/immutable\/[^"]+\.js/.exec(html)?.[0];
	expect(asset).toBeTruthy();
	const assetResponse = await request.get(asset ?? '');
	expect(assetResponse.headers()['cache-control']).toContain('immutable');
	expect(assetResponse.headers()['content-type']).toContain('text/javascript');
});
