import type { Page, Route } from '@playwright/test';

/**
 * Requests to `url` wait until the returned `release` is called (a slow server, as on hall Wi-Fi), then get
 * `answer`: by default they go on to the server.
 */
export async function holdRequests(
	page: Page,
	url: string,
	answer: (route: Route) => Promise<void> = (route) => route.continue()
): Promise<() => void> {
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(url, async (route) => {
		await held;
		await answer(route);
	});
	return release;
}
