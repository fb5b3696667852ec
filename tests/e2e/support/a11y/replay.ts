import AxeBuilder from '@axe-core/playwright';
import axeCore from 'axe-core';
import { chromium, devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium';
import { E2E_APP_URL } from '../../ports';
import { findingsOf, type Finding } from './findings';
import type { Capture } from './screen';

/** The second look at each screen; the first is at the viewport the test had (the phone project's Pixel 7). */
export const DESKTOP_VIEWPORT = { width: 1280, height: 800 };

/** An address of the app's own origin that the app never serves: a blank page whose relative links reach it. */
const REPLAY_URL = `${E2E_APP_URL}/__accessibility-replay`;
const BLANK_PAGE = '<!doctype html><html><head></head><body></body></html>';
/** Stands in for axe-core's source, which is in the replay pages from the start. */
const ALREADY_IN_PAGE = '/* axe-core is in the page already */';

/**
 * Scans captured screens away from the test: each capture (the page's markup, with its stylesheets) is put into a
 * blank page of the app's origin, so the same CSS lays it out, at the test's viewport and at the desktop's, and
 * axe runs there. The test's own page is never resized, scrolled or held up while axe works, and axe-core goes
 * into each replay page once (its 600 kB source costs seconds on a busy machine), not once per screen.
 */
export class ScreenReplay {
	private constructor(
		private readonly browser: Browser,
		private readonly phone: Page,
		private readonly desktop: Page
	) {}

	/** In a browser of its own: nothing the tests watch (page problems, screens) sees the replays. */
	static async open(): Promise<ScreenReplay> {
		const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
		const context = await browser.newContext({ ...devices['Pixel 7'] });
		await context.route(REPLAY_URL, (route) => route.fulfill({ contentType: 'text/html', body: BLANK_PAGE }));
		const [phone, desktop] = await Promise.all([blankPage(context), blankPage(context)]);
		await desktop.setViewportSize(DESKTOP_VIEWPORT);
		return new ScreenReplay(browser, phone, desktop);
	}

	async scan(capture: Capture): Promise<Finding[]> {
		if (capture.viewport) await this.phone.setViewportSize(capture.viewport);
		const phoneName = `phone ${sizeOf(capture.viewport ?? this.phone.viewportSize())}`;
		// Both at once: each page has a renderer of its own, and a worker between tests leaves the cores half idle.
		const [onPhone, onDesktop] = await Promise.all([
			scanIn(this.phone, capture.html),
			scanIn(this.desktop, capture.html)
		]);
		return [
			...findingsOf(onPhone, capture.screen, phoneName),
			...findingsOf(onDesktop, capture.screen, `desktop ${sizeOf(DESKTOP_VIEWPORT)}`)
		];
	}

	close(): Promise<void> {
		return this.browser.close();
	}
}

async function blankPage(context: BrowserContext): Promise<Page> {
	const page = await context.newPage();
	await page.goto(REPLAY_URL);
	await page.evaluate(axeCore.source);
	return page;
}

async function scanIn(page: Page, html: string) {
	// Written into the replay page's document (same window, axe-core stays), stylesheets loaded before axe runs.
	await page.setContent(html, { waitUntil: 'load' });
	const builder = new AxeBuilder({ page, axeSource: ALREADY_IN_PAGE });
	const { violations } = await builder
		.setLegacyMode()
		.options({ resultTypes: ['violations'] })
		.analyze();
	// Left on screen, a captured spinner or pulsing badge animates until the worker ends: measured at a fifth of
	// a core per replay page, a quarter of the machine with two workers. A blank page costs nothing.
	await page.setContent(BLANK_PAGE);
	return violations;
}

function sizeOf(viewport: { width: number; height: number } | null): string {
	return viewport ? `${viewport.width}×${viewport.height}` : '(own viewport)';
}
