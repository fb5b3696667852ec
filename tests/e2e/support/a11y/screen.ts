import type { Page } from '@playwright/test';
import { routeOf, type AppRoute } from './app-routes';

/**
 * A screen, for the accessibility check: a route in one significant state. What is significant is read from the
 * page, never listed by hand, so a new panel, dialog or message is a new screen without anyone thinking of it:
 * - which parts with a `data-testid` are shown (a sync panel, a hand-over notice, a sign-in error, a form…);
 * - the ARIA states in use (something expanded, a field marked invalid, a toggle pressed, a region busy);
 * - open dialogs and alerts, the page's language, and whether the browser is offline.
 */
export interface Screen {
	/** Equal for two looks at the same screen: what the check remembers as done. */
	key: string;
	route: string;
	/** For the report: the route, then what makes this state of it what it is. */
	description: string;
}

interface SeenInPage {
	pathname: string;
	lang: string;
	online: boolean;
	/** False before the app has drawn anything: nothing to judge yet. */
	drawn: boolean;
	states: string[];
}

const STATE_ATTRIBUTES = ['aria-expanded', 'aria-pressed', 'aria-invalid', 'aria-busy', 'aria-checked'];

/** Runs in the page: self-contained, as Playwright sends only its source. */
function seeInPage(stateAttributes: string[]): SeenInPage {
	const shown = (element: Element): boolean => element.checkVisibility();
	const states = new Set<string>();
	for (const element of document.querySelectorAll('[data-testid]')) {
		if (shown(element)) states.add(element.getAttribute('data-testid') ?? '');
	}
	for (const attribute of stateAttributes) {
		for (const element of document.querySelectorAll(`[${attribute}]`)) {
			if (shown(element)) states.add(`${attribute}=${element.getAttribute(attribute) ?? ''}`);
		}
	}
	for (const element of document.querySelectorAll(
		'[role="alert"], [role="alertdialog"], [role="dialog"], dialog'
	)) {
		if (shown(element)) states.add(`role=${element.getAttribute('role') ?? 'dialog'}`);
	}
	return {
		pathname: location.pathname,
		lang: document.documentElement.lang,
		online: navigator.onLine,
		drawn: document.body.innerText.trim() !== '',
		states: [...states].sort()
	};
}

/** What screen the page shows now; null while the app has not drawn it yet. Throws if the page is navigating. */
export async function currentScreen(page: Page, routes: AppRoute[]): Promise<Screen | null> {
	const seen = await page.evaluate(seeInPage, STATE_ATTRIBUTES);
	if (!seen.drawn) return null;
	const route = routeOf(seen.pathname, routes);
	const conditions = [`lang=${seen.lang}`, ...(seen.online ? [] : ['offline']), ...seen.states];
	return {
		key: `${route} ${conditions.join(' ')}`,
		route,
		description: `${route} (${seen.pathname}) with ${conditions.join(', ')}`
	};
}

/** A screen as the test saw it, kept to be scanned after the test (replay.ts). */
export interface Capture {
	screen: Screen;
	/** The whole document's markup, stylesheet links included, without scripts and the page's policy. */
	html: string;
	viewport: { width: number; height: number } | null;
}

export async function capture(page: Page, screen: Screen): Promise<Capture> {
	const html = await page.evaluate(() => {
		const copy = document.documentElement.cloneNode(true) as HTMLElement;
		// No scripts, and no policy: the replay must not start the app, and the page's own CSS and the inline
		// styles its scripts set (html5-qrcode's) must apply there as they did here.
		const unwanted = 'script, link[rel="modulepreload"], meta[http-equiv="content-security-policy" i]';
		for (const element of copy.querySelectorAll(unwanted)) element.remove();
		return `<!doctype html>${copy.outerHTML}`;
	});
	return { screen, html, viewport: page.viewportSize() };
}
